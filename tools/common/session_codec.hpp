#pragma once
// WBXML both ways for DM client sessions (dm-send, dm-enroll --unenroll), with the toolkit's
// codec and the public id written as Windows writes it.
#include "syncmldm/net/session.hpp"

namespace tools {

syncmldm::session::Codec session_codec();

}  // namespace tools
