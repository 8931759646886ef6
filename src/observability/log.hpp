#pragma once
// What the server writes to its log (stderr): one line per request, plus the
// errors of its parts. `--log-format json` makes every line one JSON object
// for log shippers; the text form is for people reading a terminal.
//
// Lines carry no secrets and no personal data: requests are logged by method,
// route template, status, duration, request id and the person's id — never
// the path's ids, the query string, headers or bodies. Errors name the part
// that failed and what failed, not the data it was working on.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace guiche::observability {

enum class LogFormat { text, json };

// Set once at start-up, before any thread logs.
void set_log_format(LogFormat format);
LogFormat log_format();
// "text" or "json"; nullopt for anything else.
std::optional<LogFormat> parse_log_format(std::string_view name);

struct AccessEntry {
  std::string method;
  std::string route;  // the route template, or the raw path when none matched
  int status = 0;
  std::optional<double> duration_ms;  // none for a stream that just opened
  std::string request_id;
  std::optional<std::int64_t> person_id;
  bool stream = false;
};
void log_access(const AccessEntry& entry);

using LogFields = std::vector<std::pair<std::string, std::string>>;

// While a request is handled on this thread, every error or notice logged
// carries its id, so the line joins the request's access line (route,
// status) without the part that failed knowing of HTTP.
class RequestScope {
 public:
  explicit RequestScope(const std::string& request_id);
  ~RequestScope();
  RequestScope(const RequestScope&) = delete;
  RequestScope& operator=(const RequestScope&) = delete;

 private:
  const std::string* outer_;
};

// An error of one part of Guichê ("imap", "outbox (email)", "http"):
// `message` says what failed; `fields` give context (request id, route).
void log_error(std::string_view component, std::string_view message, const LogFields& fields = {});
// A notice that is not an error (the server stopping, a retried transaction).
void log_notice(std::string_view component, std::string_view message, const LogFields& fields = {});

}  // namespace guiche::observability
