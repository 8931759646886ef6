// Finding a request's route (http/route_table.cpp): any path against the desk's kinds of
// templates, and any template (the first line) against any path (the rest). A template outside
// the syntax is refused with std::invalid_argument and nothing else; a parameter that matched is
// one whole, non-empty segment; the rest of a path is what follows its prefix.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "http/route_table.hpp"

namespace {

using guiche::http::Route;
using guiche::http::RouteTable;

std::vector<Route> desk_routes() {
  return {Route{"GET", "/api/v1/tickets/:id/events/:event", nullptr},
          Route{"POST", "/api/v1/tickets", nullptr}, Route{"GET", "/formularios/:id/", nullptr},
          Route{"GET", "/", nullptr}, Route{"GET", "/static/:version/:path(.*)", nullptr}};
}

void check(const RouteTable::Match& match, const std::string& path) {
  if (match.route == nullptr) return;
  if (path.empty() || path[0] != '/') __builtin_trap();
  for (const auto& [name, value] : match.params) {
    if (name == "path") {
      if (path.size() < value.size() ||
          path.compare(path.size() - value.size(), value.size(), value) != 0)
        __builtin_trap();  // the rest is the path's own end
    } else if (value.empty() || value.find('/') != std::string::npos) {
      __builtin_trap();
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  static const std::vector<Route> routes = desk_routes();
  static const RouteTable table(routes);
  check(table.find("GET", input), input);
  check(table.find("POST", input), input);

  const auto newline = input.find('\n');
  if (newline == std::string::npos) return 0;
  const std::vector<Route> own = {Route{"GET", input.substr(0, newline), nullptr}};
  const std::string path = input.substr(newline + 1);
  try {
    const RouteTable fuzzed(own);
    const auto match = fuzzed.find("GET", path);
    if (match.route != nullptr && (path.empty() || path[0] != '/')) __builtin_trap();
  } catch (const std::invalid_argument&) {
  }
  return 0;
}
