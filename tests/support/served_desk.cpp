#include "support/served_desk.hpp"

#include <chrono>
#include <thread>

#include "support/http_client.hpp"

namespace guiche::testing {

bool wait_until_accepting(Child& server, unsigned short port) {
  for (int i = 0; i < 600 && server.running(); ++i) {
    if (http_request(port, "GET", "/api/v1/health").status != 0) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

HttpHeaders sign_in_over_http(unsigned short port, const std::string& login,
                              const std::string& password) {
  const nlohmann::json credentials = {{"login", login}, {"password", password}};
  auto r = http_request(port, "POST", "/api/v1/session", {{"Content-Type", "application/json"}},
                        credentials.dump());
  if (r.status != 201 || r.set_cookies.empty()) return {};
  const auto& cookie = r.set_cookies.front();
  return {{"Cookie", cookie.substr(0, cookie.find(';'))},
          {"X-CSRF-Token", r.json().value("csrf_token", "")}};
}

}  // namespace guiche::testing
