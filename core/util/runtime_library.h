// Shared libraries opened with dlopen the first time a feature needs them, rather than linked, so
// that they cost nothing at start-up: libcrypto (--anonymize), Graphviz's cgraph and gvc (maps).
// The feature's headers give the signatures; the build gives the sonames.
#pragma once

#include <dlfcn.h>

#include <string>

namespace orgaudit::detail {

struct RuntimeLibrary {
  const char* soname;
  const char* package;  // the Debian package that installs it, for the message
};

// Opens `library`, kept open to the end of the process (what it made lives as long). Throws Error
// "<needed_by><soname> (Debian package <package>): <dlerror>", needed_by saying who needs it
// ("maps need Graphviz's ").
template <typename Error>
void* open_runtime_library(RuntimeLibrary library, const std::string& needed_by, int flags) {
  void* handle = ::dlopen(library.soname, flags);
  if (!handle) {
    const char* why = ::dlerror();
    throw Error(needed_by + library.soname + " (Debian package " + library.package +
                "): " + (why ? why : "it could not be opened"));
  }
  return handle;
}

// Sets `to` to the symbol `name` of the opened library. Throws Error "<soname> lacks <name>: not
// the <provider> orgaudit was built with" when it has none.
template <typename Error, typename Pointer>
void find_symbol(void* handle, RuntimeLibrary library, const char* provider, const char* name, Pointer& to) {
  to = reinterpret_cast<Pointer>(::dlsym(handle, name));
  if (!to)
    throw Error(std::string(library.soname) + " lacks " + name + ": not the " + provider + " orgaudit was built with");
}

}  // namespace orgaudit::detail
