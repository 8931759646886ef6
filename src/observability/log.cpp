#include "observability/log.hpp"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>

namespace guiche::observability {
namespace {

std::atomic<LogFormat> format_{LogFormat::text};
thread_local const std::string* current_request = nullptr;

// One write(2) per line: lines from concurrent threads never interleave and
// no lock is held (std::cerr is unbuffered and would issue a write per <<).
void write_line(const std::string& line) {
  std::size_t done = 0;
  while (done < line.size()) {
    ssize_t n = ::write(STDERR_FILENO, line.data() + done, line.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // nowhere to log to; never fail the work for it
    done += static_cast<std::size_t>(n);
  }
}

// UTC with milliseconds, as log shippers expect (RFC 3339).
std::string timestamp() {
  const auto now = std::chrono::system_clock::now();
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[64];  // room for any int the compiler can imagine in each field
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                static_cast<int>(ms % 1000));
  return text;
}

std::string json_line(nlohmann::ordered_json object) {
  // Invalid UTF-8 (from an exception's text) is replaced, never thrown on.
  return object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

void log_event(std::string_view level, std::string_view component, std::string_view message,
               LogFields fields) {
  if (current_request) {
    bool named = false;
    for (const auto& [key, value] : fields) named = named || key == "request_id";
    if (!named) fields.emplace_back("request_id", *current_request);
  }
  if (format_.load() == LogFormat::json) {
    nlohmann::ordered_json line = {
        {"time", timestamp()}, {"level", level}, {"component", component}, {"message", message}};
    for (const auto& [key, value] : fields) line[key] = value;
    write_line(json_line(std::move(line)));
    return;
  }
  std::string line = std::string(component) + ": " + std::string(message);
  for (const auto& [key, value] : fields) line += " " + key + "=" + value;
  write_line(line + "\n");
}

}  // namespace

RequestScope::RequestScope(const std::string& request_id) : outer_(current_request) {
  current_request = &request_id;
}

RequestScope::~RequestScope() {
  current_request = outer_;
}

void set_log_format(LogFormat format) {
  format_.store(format);
}

LogFormat log_format() {
  return format_.load();
}

std::optional<LogFormat> parse_log_format(std::string_view name) {
  if (name == "text") return LogFormat::text;
  if (name == "json") return LogFormat::json;
  return std::nullopt;
}

void log_access(const AccessEntry& entry) {
  if (format_.load() == LogFormat::json) {
    nlohmann::ordered_json line = {{"time", timestamp()},
                                   {"level", "info"},
                                   {"component", "http"},
                                   {"message", entry.stream ? "stream" : "request"},
                                   {"request_id", entry.request_id},
                                   {"method", entry.method},
                                   {"route", entry.route},
                                   {"status", entry.status}};
    // Microseconds are the most a duration means here.
    if (entry.duration_ms) line["duration_ms"] = std::round(*entry.duration_ms * 1000) / 1000;
    if (entry.person_id) line["person_id"] = *entry.person_id;
    write_line(json_line(std::move(line)));
    return;
  }
  std::string line = entry.method + " " + entry.route + " " + std::to_string(entry.status);
  if (entry.person_id) line += " person=" + std::to_string(*entry.person_id);
  if (entry.stream) line += " stream";
  if (entry.duration_ms) {
    char duration[32];
    std::snprintf(duration, sizeof duration, " %.1fms", *entry.duration_ms);
    line += duration;
  }
  if (!entry.request_id.empty()) line += " id=" + entry.request_id;
  write_line(line + "\n");
}

void log_error(std::string_view component, std::string_view message, const LogFields& fields) {
  log_event("error", component, message, fields);
}

void log_notice(std::string_view component, std::string_view message, const LogFields& fields) {
  log_event("notice", component, message, fields);
}

}  // namespace guiche::observability
