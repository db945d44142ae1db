#pragma once
// The tools' one clock: the DM TStamp of changes, and process CPU time for timing notes.

#include <string>

namespace tools {

// Now as a DM TStamp in UTC ("20250102T030405Z"); SOURCE_DATE_EPOCH (seconds) replaces the clock
// when set, so that outputs can be reproduced.
std::string now_stamp();

// CPU time (user + system) the process has used so far, in milliseconds.
double cpu_ms();

}  // namespace tools
