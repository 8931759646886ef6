#pragma once
// A desk served over a real loopback socket with the API and the pages (as
// `guiche serve` does), for the web tests that speak HTTP to it: a visitor
// signs in and gets the session cookie and CSRF token a browser would hold.
#include <chrono>
#include <thread>

#include "api/routes.hpp"
#include "http/server.hpp"
#include "support/desk_world.hpp"
#include "support/http_client.hpp"
#include "support/test_password.hpp"
#include "web/page_routes.hpp"

namespace guiche::testing {

struct Browser {
  std::string cookie;  // "guiche_session=…"
  std::string csrf;
};

class WebServerTest : public DeskTest {
 protected:
  void SetUp() override {
    DeskTest::SetUp();
    api_ = std::make_unique<api::ApiContext>(api::ApiContext{*desk});
    web_ = std::make_unique<web::WebContext>(*desk, GUICHE_WEB_DIR, false);
    routes_ = api::api_routes(*api_);
    for (auto& r : web::web_routes(*web_)) routes_.push_back(std::move(r));
    port = free_loopback_port();
    auto options = serve_options();
    options.control = &control_;
    server_ = std::thread([this, options] { http::serve(routes_, "127.0.0.1", port, options); });
    for (int i = 0; i < 200; ++i) {
      if (http_request(port, "GET", "/api/v1/health").status == 200) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    FAIL() << "the server did not start";
  }
  void TearDown() override {
    stop();
    DeskTest::TearDown();
  }
  virtual http::ServeOptions serve_options() { return {}; }
  void stop() {
    control_.request_stop();
    if (server_.joinable()) server_.join();
  }
  // Gives `p` a login and signs in through the API, as the pages' sign-in does.
  Browser sign_in(const Person& p) {
    const std::string login = "user" + std::to_string(p.id);
    const std::string& hash = test_password_hash();
    database->db().write([&](store::Connection& c) {
      c.query("UPDATE people SET login = ?, password_hash = ? WHERE id = ?", {login, hash, p.id});
    });
    auto r = http_request(port, "POST", "/api/v1/session", {{"Content-Type", "application/json"}},
                          nlohmann::json{{"login", login}, {"password", kTestPassword}}.dump());
    Browser b;
    for (const auto& c : r.set_cookies) {
      if (c.rfind("guiche_session=", 0) == 0) b.cookie = c.substr(0, c.find(';'));
    }
    if (b.cookie.empty()) ADD_FAILURE() << "no session for " << p.name;
    b.csrf = r.json().value("csrf_token", "");
    return b;
  }
  HttpResult get(const Browser& b, const std::string& target) {
    return http_request(port, "GET", target, {{"Cookie", b.cookie}});
  }
  HttpResult post(const Browser& b, const std::string& target, const std::string& form) {
    return http_request(
        port, "POST", target,
        {{"Cookie", b.cookie}, {"Content-Type", "application/x-www-form-urlencoded"}}, form);
  }

  unsigned short port = 0;

 private:
  std::unique_ptr<api::ApiContext> api_;
  std::unique_ptr<web::WebContext> web_;
  std::vector<http::Route> routes_;
  http::ServeControl control_;
  std::thread server_;
};

}  // namespace guiche::testing
