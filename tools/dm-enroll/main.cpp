// dm-enroll: enrol a simulated Windows device into an MDM server ([MS-MDE2]: discovery, policy,
// certificate request), leaving a device state that dm-send --session uses as it is; or play the
// unenrolment of such a device (--unenroll). The parts live beside this file.
#include <string>

#include "common/app.hpp"
#include "common/exit_codes.hpp"
#include "common/messages.hpp"
#include "common/options.hpp"
#include "dm_enroll.hpp"

namespace {

using dm_enroll::Options;

void add_account_options(CLI::App& app, Options& o) {
  const char* g = "Enrolment options";
  app.add_option("--discovery", o.discovery, "Discovery service URL (https://.../EnrollmentServer/Discovery.svc)")
      ->option_text("URL")->group(g);
  app.add_option("--email", o.email,
                 "The user's e-mail address; without --discovery, the service is found at "
                 "enterpriseenrollment.DOMAIN")
      ->option_text("ADDRESS")->group(g);
  app.add_option("--discovery-port", o.discovery_port,
                 "With --email: the port of the derived discovery URL (default 443, the convention's)")
      ->check(CLI::Range(1, 65535))->option_text("PORT")->group(g);
  app.add_option("--user", o.user, "User name for OnPremise authentication (default: --email)")->option_text("USER")->group(g);
  app.add_option("--password-file", o.password_file,
                 "Read the password from FILE (else DM_PASSWORD, else a prompt): OnPremise authentication")
      ->option_text("FILE")->group(g);
  app.add_option("--token-file", o.token_file, "Read the security token from FILE: Federated authentication")
      ->option_text("FILE")->group(g);
  app.add_option("--state", o.state, "Device state (TNDS) to create, or with --unenroll to read")
      ->option_text("FILE")->required()->group(g);
  app.add_option("--key-out", o.key_out, "Write the private key here (mode 0600; default: STATE.key.pem)")
      ->option_text("FILE")->group(g);
  app.add_option("--cert-out", o.cert_out, "Write the issued certificate and its CA chain here (default: STATE.cert.pem)")
      ->option_text("FILE")->group(g);
  app.add_flag("--no-probe", o.no_probe, "Skip the GET of the discovery URL before the Discover request")->group(g);
  app.add_flag("--unenroll", o.unenroll, "Play the unenrolment of the device in --state (Alert 1226)")->group(g);
  app.add_flag("--force", o.force, "Replace an existing --state; with --unenroll, change a read-only one");
}

void add_device_options(CLI::App& app, Options& o) {
  const char* g = "Device options";
  auto& d = o.device;
  app.add_option("--dev-id", o.dev_id, "Device id (DeviceID, ./DevInfo/DevId; default: 32 random hex digits)")
      ->option_text("ID")->group(g);
  app.add_option("--hw-dev-id", o.hw_dev_id, "Hardware id (HWDevID; default: 64 random hex digits)")->option_text("ID")->group(g);
  app.add_option("--device-type", d.device_type, "DeviceType (default CIMClient_Windows)")->option_text("TYPE")->group(g);
  app.add_option("--os-edition", d.os_edition, "OSEdition product number (default 48, Professional)")->option_text("N")->group(g);
  app.add_option("--os-version", d.os_version, "OSVersion (default 10.0.26100.1)")->option_text("VERSION")->group(g);
  app.add_option("--application-version", d.application_version, "ApplicationVersion (default 10.0.26100.1)")
      ->option_text("VERSION")->group(g);
  app.add_option("--device-name", d.device_name, "DeviceName (default DESKTOP-SYNCMLDM)")->option_text("NAME")->group(g);
  app.add_option("--enrollment-type", d.enrollment_type, "EnrollmentType: Full (user) or Device (default Full)")
      ->check(CLI::IsMember({"Full", "Device"}))->option_text("TYPE")->group(g);
  app.add_option("--locale", d.locale, "Locale (default en-US)")->option_text("LOCALE")->group(g);
  app.add_option("--context", o.context, "AdditionalContext item NAME=VALUE, replacing the default of that name "
                                         "(empty VALUE: left out; repeatable)")
      ->allow_extra_args(false)->option_text("NAME=VALUE")->group(g);
  app.add_option("--subject", o.subject, "Subject CN of the certificate request (default: the device id)")
      ->option_text("CN")->group(g);
}

void check_modes(CLI::App& app, const Options& o) {
  if (!o.password_file.empty() && !o.token_file.empty())
    throw CLI::ValidationError("--password-file and --token-file choose different authentications: give one");
  if (o.discovery_port != 0 && !o.discovery.empty())
    throw CLI::ValidationError("--discovery-port changes the URL derived from --email; --discovery gives the whole URL");
  if (!o.unenroll) return;
  for (auto* name : {"--discovery", "--email", "--user", "--password-file", "--token-file", "--key-out", "--cert-out",
                     "--dev-id", "--hw-dev-id", "--context", "--subject", "--no-probe", "--discovery-port"})
    if (app.get_option(name)->count() > 0) throw CLI::ValidationError(std::string(name) + " has no use with --unenroll");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Enrol a simulated Windows device into an MDM server (MS-MDE2), or unenrol it."};
  tools::configure_app(app, dm_enroll::kTool);
  Options o;
  tools::add_verbosity_options(app);
  add_account_options(app, o);
  add_device_options(app, o);
  tools::examples(app, {"dm-enroll --email alice@example.com --user alice --password-file pw --state dev.tnds",
                        "dm-enroll --discovery https://mdm.example/EnrollmentServer/Discovery.svc --token-file t --state dev.tnds",
                        "dm-enroll --unenroll --state dev.tnds"});
  tools::add_tls_options(app, o.tls);
  tools::add_timeout_options(app, o.connect_timeout, o.max_time);
  app.add_option("--trace", o.trace, "Write every request and reply (passwords, tokens and keys masked) to FILE or '-'")
      ->option_text("FILE");
  app.add_option("-w,--write-out", o.write_out, "Print the summary as: json")->check(CLI::IsMember({"json"}))->option_text("FORMAT");
  tools::add_lock_timeout_option(app, o.state_file);
  return tools::run_main(app, argc, argv, [&] {
    check_modes(app, o);
    try {
      return static_cast<int>(o.unenroll ? dm_enroll::run_unenrol(o) : dm_enroll::run_enrol(o));
    } catch (const syncmldm::enroll::FaultError& e) {
      // A refusal: authentication (5) or the enrolment itself (1), with the fault's meaning.
      tools::print_error(dm_enroll::kTool, e.message());
      return static_cast<int>(e.fault().authentication ? tools::kExitAuth : tools::kExitFindings);
    }
  });
}
