#pragma once
// The HTTP face's own request and response types. Handlers see only these, so
// they compile without the server library and can be tested without sockets.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
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

// A response that stays open to carry server-sent events (text/event-stream).
// No thread waits on it: any thread may send, at any time, until it ends.
class EventStream {
 public:
  virtual ~EventStream() = default;
  // Queues one event ("event: NAME", "data: ..." per line of `data`).
  // Returns false, doing nothing, once the stream has ended.
  virtual bool send(const std::string& event, const std::string& data) = 0;
  // `fn` runs once when the stream ends: the client went away, the server is
  // stopping, or the handler refused it. Runs at once if it already ended.
  virtual void on_close(std::function<void()> fn) = 0;
};

// Decides on a stream: an ordinary response refuses it (401, 404, ...);
// nullopt opens it. Events sent before it opens go out right after the headers.
using StreamHandler =
    std::function<std::optional<Response>(const Request&, const std::shared_ptr<EventStream>&)>;

struct Route {
  std::string method;
  std::string path;  // express-style template: "/api/v1/tickets/:id"
  Handler handler;
  StreamHandler stream = nullptr;  // set instead of `handler` for an event stream (GET)
};

}  // namespace guiche::http
