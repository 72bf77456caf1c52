// Where this orgaudit's own files are: its built-in packs, rule pages and profiles. Found from the
// running binary (/proc/self/exe), once, as <bin>/../<dir>; the build tree mirrors the install tree
// (bin/, <libdir>/orgaudit/plugins/, <datadir>/orgaudit/rules/), so a build finds them the same way and
// no source path is compiled into the binary.
#pragma once

#include <string>

namespace orgaudit {

// The built-in packs' directory, e.g. /usr/lib/orgaudit/plugins; "" when /proc/self/exe is unreadable.
std::string installed_plugin_directory();
// orgaudit's data directory, e.g. /usr/share/orgaudit (rule pages under rules/, profiles under
// rules/profiles/); "" when /proc/self/exe is unreadable.
std::string installed_data_directory();

}  // namespace orgaudit
