// PUT replaces a whole organization, person or service (every writable field
// is required; null clears optional ones); PATCH changes only what it names.
// The OpenAPI document says so.
#include <gmock/gmock.h>

#include "support/api_world.hpp"
#include "support/db_fingerprint.hpp"

namespace guiche::testing {
namespace {

using nlohmann::json;
using ::testing::UnorderedElementsAreArray;

class PutPatchApiTest : public ApiTest {
 protected:
  static std::vector<std::string> error_fields(const HttpResult& r) {
    std::vector<std::string> out;
    for (const auto& e : r.json().value("errors", json::array())) out.push_back(e["field"]);
    return out;
  }
  // A partial PUT is refused naming each field it left out; nothing changes.
  void expect_partial_put_refused(const Browser& b, const std::string& path, const json& body,
                                  const std::vector<std::string>& missing) {
    const auto before = database_fingerprint(*database);
    auto r = call("PUT", path, b, body.dump());
    EXPECT_EQ(r.status, 422) << r.body;
    EXPECT_EQ(r.headers["content-type"], "application/problem+json");
    EXPECT_THAT(r.json().value("detail", ""), ::testing::HasSubstr("PATCH"));
    EXPECT_THAT(error_fields(r), UnorderedElementsAreArray(missing));
    EXPECT_EQ(database_fingerprint(*database), before);
  }
};

TEST_P(PutPatchApiTest, OrganizationPutReplacesAndPatchMerges) {
  Browser admin = sign_in(w.admin);
  const std::string path = "/api/v1/organizations/" + std::to_string(w.seger.id);
  expect_partial_put_refused(admin, path, {{"name", "Outro nome"}},
                             {"acronym", "cnpj", "is_client", "client_reference", "calendar",
                              "parent_id", "authorization_changes_need_confirmation"});
  json whole = {{"name", "Secretaria de Gestão"},
                {"acronym", "SEGER"},
                {"cnpj", nullptr},
                {"is_client", true},
                {"client_reference", "Contrato 099/2026"},
                {"calendar", "br-es"},
                {"parent_id", nullptr},
                {"authorization_changes_need_confirmation", true}};
  auto put = call("PUT", path, admin, whole.dump());
  ASSERT_EQ(put.status, 200) << put.body;
  for (const auto& [key, value] : whole.items()) EXPECT_EQ(put.json()[key], value) << key;
  // PATCH keeps what it does not name; null clears an optional field.
  auto patch = call("PATCH", path, admin, R"({"cnpj":"27.080.571/0001-30"})");
  ASSERT_EQ(patch.status, 200) << patch.body;
  EXPECT_EQ(patch.json()["client_reference"], "Contrato 099/2026");
  EXPECT_EQ(patch.json()["authorization_changes_need_confirmation"], true);
  patch = call("PATCH", path, admin, R"({"cnpj":null})");
  EXPECT_EQ(patch.json()["cnpj"], nullptr);
  EXPECT_EQ(call("GET", path, admin).json()["name"], "Secretaria de Gestão");
}

TEST_P(PutPatchApiTest, PersonPutReplacesAndPatchMerges) {
  Browser admin = sign_in(w.admin);
  const std::string path = "/api/v1/people/" + std::to_string(w.requester_sesa.id);
  expect_partial_put_refused(
      admin, path, {{"phone", "+55 27 3636-7200"}},
      {"name", "login", "emails", "cpf", "organization_id", "roles", "active"});
  json whole = {{"name", "Paulo da Saúde"},
                {"login", "paulo.saude"},
                {"emails", {"paulo@saude.es.gov.br"}},
                {"phone", nullptr},
                {"cpf", nullptr},
                {"organization_id", w.sesa.id},
                {"roles", {{{"role", "requester"}, {"unit_id", nullptr}}}},
                {"active", true}};
  auto put = call("PUT", path, admin, whole.dump());
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(put.json()["login"], "paulo.saude");
  EXPECT_EQ(put.json()["phone"], nullptr);
  auto patch = call("PATCH", path, admin, R"({"phone":"+55 27 3636-7200"})");
  ASSERT_EQ(patch.status, 200) << patch.body;
  EXPECT_EQ(patch.json()["phone"], "+552736367200");
  EXPECT_EQ(patch.json()["login"], "paulo.saude");
  EXPECT_EQ(patch.json()["name"], "Paulo da Saúde");
}

TEST_P(PutPatchApiTest, ServicePutReplacesAndPatchMerges) {
  Browser admin = sign_in(w.admin);
  const std::string path = "/api/v1/services/SUP-TEC";
  expect_partial_put_refused(
      admin, path, {{"cost", "R$ 0"}, {"name", "Suporte"}, {"code", "SUP-TEC"}},
      {"popular_names", "description", "audience", "who_may_use", "required_documents", "stages",
       "max_deadline", "access_channels", "communication_channels", "complaint_channels",
       "commitment", "owning_unit_id", "default_category", "sla_policy", "is_public", "active",
       "form"});
  json whole = call("GET", path, admin).json();
  whole.erase("id");
  whole["description"] = "Suporte técnico em informática.";
  whole["owning_unit_id"] = nullptr;
  auto put = call("PUT", path, admin, whole.dump());
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(put.json()["owning_unit_id"], nullptr);
  EXPECT_EQ(put.json()["description"], "Suporte técnico em informática.");
  auto patch = call("PATCH", path, admin, R"({"cost":"Sem custo"})");
  ASSERT_EQ(patch.status, 200) << patch.body;
  EXPECT_EQ(patch.json()["description"], "Suporte técnico em informática.");
  EXPECT_EQ(patch.json()["cost"], "Sem custo");
}

TEST_P(PutPatchApiTest, TheDocumentSaysWhichIsWhich) {
  auto doc = call("GET", "/api/v1/openapi.json", Browser{}).json();
  for (const char* path :
       {"/api/v1/organizations/{id}", "/api/v1/people/{id}", "/api/v1/services/{code}"}) {
    const auto& item = doc["paths"][path];
    ASSERT_TRUE(item.contains("put")) << path;
    ASSERT_TRUE(item.contains("patch")) << path;
    const std::string ref =
        item["put"]["requestBody"]["content"]["application/json"]["schema"]["$ref"];
    const std::string name = ref.substr(ref.rfind('/') + 1);
    EXPECT_FALSE(doc["components"]["schemas"][name]["required"].empty()) << path;
    EXPECT_THAT(item["patch"]["summary"].get<std::string>(), ::testing::HasSubstr("só os campos"));
  }
}

GUICHE_ON_BOTH_ENGINES(PutPatchApiTest);

}  // namespace
}  // namespace guiche::testing
