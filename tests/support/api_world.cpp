#include "support/api_world.hpp"

#include <chrono>

#include "api/routes.hpp"
#include "store/database.hpp"
#include "support/test_password.hpp"

namespace guiche::testing {

void ApiWorldTest::SetUp() {
  DeskWorldTest::SetUp();
  context_ = std::make_unique<api::ApiContext>(api::ApiContext{*desk});
  routes_ = api::api_routes(*context_);
  port = free_loopback_port();
  server_ =
      std::thread([this] { http::serve(routes_, "127.0.0.1", port, {.control = &control_}); });
  for (int i = 0; i < 200; ++i) {
    if (http_request(port, "GET", "/api/v1/health").status == 200) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  FAIL() << "the server did not start on port " << port;
}

void ApiWorldTest::TearDown() {
  control_.request_stop();
  if (server_.joinable()) server_.join();
  DeskWorldTest::TearDown();
}

Browser ApiWorldTest::sign_in(const Person& p) {
  const std::string login = "user" + std::to_string(p.id);
  const std::string& hash = test_password_hash();
  database->db().write([&](store::Connection& c) {
    c.query("UPDATE people SET login = ?, password_hash = ? WHERE id = ?", {login, hash, p.id});
  });
  return sign_in(login, kTestPassword);
}

Browser ApiWorldTest::sign_in(const std::string& login, const std::string& password) {
  auto r = raw("POST", "/api/v1/session", {{"Content-Type", "application/json"}},
               nlohmann::json{{"login", login}, {"password", password}}.dump());
  Browser b;
  for (const auto& c : r.set_cookies) {
    if (c.rfind("guiche_session=", 0) == 0) b.cookie = c.substr(0, c.find(';'));
  }
  b.csrf = r.json().value("csrf_token", "");
  EXPECT_EQ(r.status, 201) << r.body;
  return b;
}

HttpResult ApiWorldTest::call(const std::string& method, const std::string& target,
                              const Browser& as, const std::string& json_body) {
  std::vector<std::pair<std::string, std::string>> headers = {{"Cookie", as.cookie},
                                                              {"X-CSRF-Token", as.csrf}};
  if (!json_body.empty()) headers.emplace_back("Content-Type", "application/json");
  return http_request(port, method, target, headers, json_body);
}

HttpResult ApiWorldTest::raw(const std::string& method, const std::string& target,
                             const std::vector<std::pair<std::string, std::string>>& headers,
                             const std::string& body) {
  return http_request(port, method, target, headers, body);
}

}  // namespace guiche::testing
