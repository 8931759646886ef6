// The OpenAPI document describes exactly the routes the server registers.
#include <gmock/gmock.h>

#include <set>

#include "api/openapi.hpp"
#include "api/routes.hpp"
#include "support/api_world.hpp"

namespace guiche::testing {
namespace {

class OpenApiTest : public ApiTest {};

TEST_P(OpenApiTest, DocumentsEveryRegisteredRouteAndNothingElse) {
  api::ApiContext context{*desk};
  std::set<std::string> registered, documented;
  for (const auto& r : api::api_routes(context)) {
    std::string method = r.method;
    for (auto& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    registered.insert(method + " " + api::openapi_path(r.path));
  }
  auto served = call("GET", "/api/v1/openapi.json", Browser{});
  ASSERT_EQ(served.status, 200);
  auto doc = served.json();
  EXPECT_EQ(doc["openapi"], "3.1.0");
  for (const auto& [path, item] : doc["paths"].items()) {
    for (const auto& [method, op] : item.items()) {
      documented.insert(method + " " + path);
      EXPECT_TRUE(op.contains("responses")) << method << " " << path;
      for (const auto& [code, response] : op["responses"].items()) {
        if (code[0] == '4') {
          EXPECT_EQ(response["content"].begin().key(), "application/problem+json") << path;
        }
      }
      // Every schema referenced exists.
      const std::string text = op.dump();
      for (auto pos = text.find("#/components/schemas/"); pos != std::string::npos;
           pos = text.find("#/components/schemas/", pos + 1)) {
        auto end = text.find('"', pos);
        auto name = text.substr(pos + 21, end - pos - 21);
        EXPECT_TRUE(doc["components"]["schemas"].contains(name)) << name;
      }
    }
  }
  std::vector<std::string> missing, extra;
  std::set_difference(registered.begin(), registered.end(), documented.begin(), documented.end(),
                      std::back_inserter(missing));
  std::set_difference(documented.begin(), documented.end(), registered.begin(), registered.end(),
                      std::back_inserter(extra));
  EXPECT_THAT(missing, ::testing::IsEmpty()) << "routes without documentation";
  EXPECT_THAT(extra, ::testing::IsEmpty()) << "documented but not served";
}

INSTANTIATE_TEST_SUITE_P(Engines, OpenApiTest, ::testing::Values(Engine::sqlite), engine_name);

}  // namespace
}  // namespace guiche::testing
