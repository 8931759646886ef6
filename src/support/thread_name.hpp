#pragma once
// Names the calling thread (at most 15 characters, Linux's limit) so that
// `top -H`, `perf report -s comm` and gdb tell the SQLite writer, the HTTP
// workers and the I/O threads apart.
#include <string>

namespace guiche::support {

void name_this_thread(const std::string& name);

}  // namespace guiche::support
