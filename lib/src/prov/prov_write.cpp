// A provisioning document back as XML.
#include "syncmldm/prov/prov.hpp"
#include "xml/xml_writer.hpp"

namespace syncmldm::prov {

namespace {

void write(detail::XmlWriter& w, const Characteristic& c) {
  w.start("characteristic");
  w.attribute("type", c.type);
  for (const auto& entry : c.order) {
    if (entry.parm) {
      const Parm& p = c.parms[entry.index];
      w.start("parm");
      w.attribute("name", p.name);
      if (p.value) w.attribute("value", *p.value);
      if (p.datatype) w.attribute("datatype", *p.datatype);
      w.end();
    } else {
      write(w, c.children[entry.index]);
    }
  }
  w.end();
}

}  // namespace

std::string to_xml(const Document& doc) {
  std::string out;
  detail::XmlWriter w(out, 2);
  w.declaration();
  w.start("wap-provisioningdoc");
  if (doc.version) w.attribute("version", *doc.version);
  for (const auto& c : doc.characteristics) write(w, c);
  w.end();
  w.finish();
  return out;
}

}  // namespace syncmldm::prov
