#pragma once
// The desk world of desk_world.hpp, served over real HTTP on 127.0.0.1, with
// helpers to sign in as anyone of the world.
#include <thread>

#include "api/api_context.hpp"
#include "http/server.hpp"
#include "support/desk_world.hpp"
#include "support/http_client.hpp"

namespace guiche::testing {

// A signed-in browser: the session cookie and the CSRF token to echo.
struct Browser {
  std::string cookie;
  std::string csrf;
};

// The served world on the engine engine() names (desk_world.hpp): ApiTest
// takes it from the test's parameter.
class ApiWorldTest : public DeskWorldTest {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Gives `p` a login and password ("senha-de-teste") and signs in.
  Browser sign_in(const Person& p);
  // POST /api/v1/session with a login and password the desk's sign-in parts
  // know (a local password, or the directory's when one is on).
  Browser sign_in(const std::string& login, const std::string& password);
  HttpResult call(const std::string& method, const std::string& target, const Browser& as,
                  const std::string& json_body = "");
  // Without a session: explicit headers only.
  HttpResult raw(const std::string& method, const std::string& target,
                 const std::vector<std::pair<std::string, std::string>>& headers = {},
                 const std::string& body = "");

  unsigned short port = 0;

 private:
  std::unique_ptr<api::ApiContext> context_;
  std::vector<http::Route> routes_;
  http::ServeControl control_;
  std::thread server_;
};

class ApiTest : public ApiWorldTest, public ::testing::WithParamInterface<Engine> {
 protected:
  Engine engine() const override { return GetParam(); }
};

}  // namespace guiche::testing
