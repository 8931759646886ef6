#include "cli/shipped_files.hpp"

#include <filesystem>
#include <system_error>

namespace guiche::cli {

std::string shipped_file(const std::string& relative, const std::string& source_path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const auto binary = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return source_path;
  const auto installed = binary.parent_path().parent_path() / "share" / "guiche" / relative;
  return fs::exists(installed, ec) ? installed.string() : source_path;
}

}  // namespace guiche::cli
