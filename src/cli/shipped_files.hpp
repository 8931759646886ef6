#pragma once
// The files that ship with the program (the portal under web/, the WhatsApp
// templates): next to an installed binary, <prefix>/bin/guiche finds them in
// <prefix>/share/guiche (the Debian package: /usr/share/guiche); a binary run
// from its build tree uses the source tree it was built from.
#include <string>

namespace guiche::cli {

// <prefix>/share/guiche/<relative> when it exists, else `source_path`.
std::string shipped_file(const std::string& relative, const std::string& source_path);

}  // namespace guiche::cli
