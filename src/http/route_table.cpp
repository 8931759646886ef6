#include "http/route_table.hpp"

#include <cctype>
#include <stdexcept>

#include "domain/ascii_text.hpp"

namespace guiche::http {
namespace {

// `text` equals `lowered` with A-Z as a-z (as ascii_lower folds), without a copy per segment.
bool equal_ignoring_case(std::string_view lowered, std::string_view text) {
  if (lowered.size() != text.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (lowered[i] != (c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c)) return false;
  }
  return true;
}

bool name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

}  // namespace

RouteTable::RouteTable(const std::vector<Route>& routes) {
  entries_.reserve(routes.size());
  for (const auto& route : routes) {
    const std::string& path = route.path;
    if (route.method != "GET" && route.method != "POST" && route.method != "PUT" &&
        route.method != "PATCH" && route.method != "DELETE") {
      throw std::invalid_argument("unsupported HTTP method " + route.method);
    }
    if (path.empty() || path[0] != '/') {
      throw std::invalid_argument("route path must start with /: " + path);
    }
    Entry entry{&route, {}};
    std::size_t at = 1;
    while (true) {
      const std::size_t end = std::min(path.find('/', at), path.size());
      const std::string_view piece(path.data() + at, end - at);
      Segment segment;
      if (!piece.empty() && piece[0] == ':') {
        std::size_t n = 1;
        while (n < piece.size() && name_char(piece[n])) ++n;
        segment.text = std::string(piece.substr(1, n - 1));
        const std::string_view after = piece.substr(n);
        if (segment.text.empty()) throw std::invalid_argument("unnamed parameter in " + path);
        if (after.empty()) {
          segment.kind = Segment::Kind::parameter;
        } else if (after == "(.*)" && end == path.size()) {
          segment.kind = Segment::Kind::rest;
        } else {
          throw std::invalid_argument("unsupported parameter in route " + path);
        }
      } else {
        if (piece.find_first_of(":()*+?\\") != std::string_view::npos) {
          throw std::invalid_argument("unsupported pattern in route " + path);
        }
        segment.text = ascii_lower(piece);
      }
      entry.segments.push_back(std::move(segment));
      if (end == path.size()) break;
      at = end + 1;
    }
    entries_.push_back(std::move(entry));
  }
}

bool RouteTable::matches(const Entry& entry, std::string_view path,
                         std::map<std::string, std::string>& params) {
  if (path.empty() || path[0] != '/') return false;
  std::size_t at = 1;
  for (const Segment& segment : entry.segments) {
    if (at > path.size()) return false;  // the path ended before the template
    if (segment.kind == Segment::Kind::rest) {
      params[segment.text] = std::string(path.substr(at));
      return true;
    }
    const std::size_t end = std::min(path.find('/', at), path.size());
    const std::string_view piece = path.substr(at, end - at);
    if (segment.kind == Segment::Kind::parameter) {
      if (piece.empty()) return false;
      params[segment.text] = std::string(piece);
    } else if (!equal_ignoring_case(segment.text, piece)) {
      return false;
    }
    at = end + 1;
  }
  // Past the template's last segment: the path ended there, or with one "/" more.
  return at >= path.size();
}

RouteTable::Match RouteTable::find(std::string_view method, std::string_view path) const {
  Match match;
  for (const auto& entry : entries_) {
    if (entry.route->method != method) continue;
    if (matches(entry, path, match.params)) {
      match.route = entry.route;
      return match;
    }
    match.params.clear();  // what a route that did not match had taken
  }
  return match;
}

}  // namespace guiche::http
