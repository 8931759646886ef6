#pragma once
// The HTTP face's own request and response types. Handlers see only these, so
// they compile without the server library and can be tested without sockets.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace guiche::http {

struct Request {
  std::string method;  // "GET", "POST", ...
  std::string path;    // without the query string
  std::string route;   // the route template that matched, e.g. "/api/v1/tickets/:id"
  std::map<std::string, std::string> params;               // from the route template
  std::vector<std::pair<std::string, std::string>> query;  // decoded, in order
  std::map<std::string, std::string> headers;              // names lowercased
  std::string body;
  std::string remote_address;

  std::optional<std::string> header(const std::string& lowercase_name) const;
  std::optional<std::string> query_value(const std::string& name) const;
  std::optional<std::string> cookie(const std::string& name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

using Handler = std::function<Response(const Request&)>;

// The access log names who made each request. Handlers run synchronously on
// the server's thread, so the authenticating code notes the person here and
// the server takes it after the handler returns.
void note_logged_person(std::int64_t person_id);
std::optional<std::int64_t> take_logged_person();

struct Route {
  std::string method;
  std::string path;  // express-style template: "/api/v1/tickets/:id"
  Handler handler;
};

}  // namespace guiche::http
