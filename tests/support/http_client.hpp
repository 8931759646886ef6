#pragma once
// A tiny HTTP/1.1 client over a real loopback socket, for tests.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace guiche::testing {

struct HttpResult {
  int status = 0;
  std::string reason;                          // the status line's reason phrase ("See Other")
  bool connected = false;                      // the connection was made and the request sent
  std::map<std::string, std::string> headers;  // names lowercased; last value wins
  std::vector<std::string> set_cookies;
  std::string body;

  nlohmann::json json() const { return nlohmann::json::parse(body, nullptr, false); }
};

// Sends one request (Connection: close) and reads the whole response.
// `status` is 0 if the connection failed or the response was unreadable.
HttpResult http_request(unsigned short port, const std::string& method, const std::string& target,
                        const std::vector<std::pair<std::string, std::string>>& headers = {},
                        const std::string& body = "");

// A port nobody listens on right now (bound then released).
unsigned short free_loopback_port();

}  // namespace guiche::testing
