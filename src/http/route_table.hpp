#pragma once
// Which route a request's method and path name, and its parameters' values.
//
// A route's path is an express-style template, as the routes declare them:
// literal segments, ":name" for one whole non-empty segment, and ":name(.*)"
// as the last segment for the rest of the path (slashes included, perhaps
// empty). Literals compare without regard to ASCII case, and a path may end in
// one more "/" than its template: what RESTinio's express router accepted by
// default, which this table replaced because it compiled a std::regex per
// route on every start and tried each route's regex in turn on every request.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.hpp"

namespace guiche::http {

class RouteTable {
 public:
  // Throws std::invalid_argument for a method other than GET, POST, PUT, PATCH and DELETE, or a
  // template outside the syntax above.
  explicit RouteTable(const std::vector<Route>& routes);

  struct Match {
    const Route* route = nullptr;  // nullptr: no route takes this request
    std::map<std::string, std::string> params;
  };
  // The first route, in the order given, whose method is `method` and whose
  // template matches `path` (already percent-decoded where unreserved).
  Match find(std::string_view method, std::string_view path) const;

 private:
  struct Segment {
    enum class Kind { literal, parameter, rest } kind = Kind::literal;
    std::string text;  // the literal in lower case, or the parameter's name
  };
  struct Entry {
    const Route* route;
    std::vector<Segment> segments;
  };
  // Whether `entry` takes `path`; its parameters go into `params` as they are read.
  static bool matches(const Entry& entry, std::string_view path,
                      std::map<std::string, std::string>& params);
  std::vector<Entry> entries_;
};

}  // namespace guiche::http
