#pragma once
// Static files of the portal: the gov.br design system, its fonts and icons,
// htmx (all from web/node_modules) and our own CSS (web/static). Their URLs
// carry a version computed at start, so browsers may cache them for a year.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "http/message.hpp"

namespace guiche::web {

class Assets {
 public:
  // Throws std::runtime_error (pt-BR) when a package folder is missing
  // (run `make deps`, which runs npm ci in web/).
  explicit Assets(const std::string& web_dir);

  // "/static/<version>": what templates put before "/govbr/core.min.css" etc.
  const std::string& prefix() const { return prefix_; }

  // The file for "<pack>/<path>" under a known root, or nullopt (unknown pack,
  // ".." or hidden segments, not a regular file).
  std::optional<std::string> resolve(const std::string& path) const;

  void add_routes(std::vector<http::Route>& routes) const;

 private:
  std::map<std::string, std::string> roots_;  // pack name -> folder
  std::string prefix_;
};

}  // namespace guiche::web
