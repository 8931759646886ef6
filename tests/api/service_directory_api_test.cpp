// Units, services of the Carta de Serviços and categories over HTTP, on both
// engines: administrators create and change them, requesters see only what is
// public.
#include <gmock/gmock.h>

#include "support/api_world.hpp"

namespace guiche::testing {
namespace {

using nlohmann::json;

class ServiceDirectoryApiTest : public ApiTest {
 protected:
  static std::string error_field(const HttpResult& r) {
    auto body = r.json();
    if (!body.contains("errors") || body["errors"].empty()) return "";
    return body["errors"][0]["field"].get<std::string>();
  }
  json charter() {
    return {{"code", "BKP-RESTORE"},
            {"name", "Restauração de backup"},
            {"description", "Recupera arquivos de uma cópia de segurança."},
            {"audience", "authorized_requesters"},
            {"who_may_use", "Solicitantes autorizados dos órgãos clientes"},
            {"required_documents", "Nenhum"},
            {"stages", {"Abertura", "Análise", "Restauração"}},
            {"cost", "Sem custo adicional"},
            {"max_deadline", "2 dias úteis"},
            {"access_channels", "Portal, e-mail"},
            {"communication_channels", "E-mail"},
            {"complaint_channels", "Ouvidoria"},
            {"commitment", "Atendimento cordial"},
            {"owning_unit_id", w.sgdba.id},
            {"default_category", "service_request"},
            {"form",
             {{{"key", "caminho"}, {"label", "Caminho"}, {"type", "text"}, {"required", true}},
              {{"key", "ambiente"},
               {"label", "Ambiente"},
               {"type", "choice"},
               {"choices", {"produção", "homologação"}}}}}};
  }
};

TEST_P(ServiceDirectoryApiTest, UnitsAreListedToAllAndCreatedByAdmins) {
  Browser admin = sign_in(w.admin);
  Browser attendant = sign_in(w.attendant);
  Browser maria = sign_in(w.requester_seger);
  auto units = call("GET", "/api/v1/units", maria);
  ASSERT_EQ(units.status, 200);
  EXPECT_EQ(units.json()["items"].size(), 7u);
  const json unit = {{"code", "SGNOV"},
                     {"name", "Subgerência Nova"},
                     {"parent_id", w.gesin.id},
                     {"kind", "technical"}};
  auto r = call("POST", "/api/v1/units", admin, unit.dump());
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json()["parent_id"], w.gesin.id);
  EXPECT_EQ(r.headers["location"], "/api/v1/units");
  EXPECT_EQ(call("POST", "/api/v1/units", admin, unit.dump()).status, 409);
  json other = unit;
  other["code"] = "SGOUT";
  EXPECT_EQ(call("POST", "/api/v1/units", attendant, other.dump()).status, 403);
  EXPECT_EQ(call("POST", "/api/v1/units", maria, other.dump()).status, 403);
  other["parent_id"] = 987654;
  EXPECT_EQ(error_field(call("POST", "/api/v1/units", admin, other.dump())), "parent_id");
  other["parent_id"] = nullptr;
  other["kind"] = "cozinha";
  EXPECT_EQ(error_field(call("POST", "/api/v1/units", admin, other.dump())), "kind");
  EXPECT_EQ(count("units"), 8);
}

TEST_P(ServiceDirectoryApiTest, AdminPublishesAServiceWithItsCharterAndForm) {
  Browser admin = sign_in(w.admin);
  Browser maria = sign_in(w.requester_seger);
  auto r = call("POST", "/api/v1/services", admin, charter().dump());
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.headers["location"], "/api/v1/services/BKP-RESTORE");
  auto read = call("GET", "/api/v1/services/BKP-RESTORE", maria);
  ASSERT_EQ(read.status, 200);
  json s = read.json();
  EXPECT_EQ(s["who_may_use"], "Solicitantes autorizados dos órgãos clientes");
  EXPECT_EQ(s["stages"].size(), 3u);
  EXPECT_EQ(s["max_deadline"], "2 dias úteis");
  EXPECT_EQ(s["owning_unit_id"], w.sgdba.id);
  ASSERT_EQ(s["form"].size(), 2u);
  EXPECT_EQ(s["form"][1]["choices"][0], "produção");

  // PATCH changes what it names; hiding the service hides it from requesters.
  auto put = call("PATCH", "/api/v1/services/BKP-RESTORE", admin,
                  R"({"description":"Nova descrição.","is_public":false})");
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(put.json()["cost"], "Sem custo adicional");
  EXPECT_EQ(call("GET", "/api/v1/services/BKP-RESTORE", maria).status, 404);
  auto listed = call("GET", "/api/v1/services", maria).json()["items"];
  for (const auto& item : listed) EXPECT_NE(item["code"], "BKP-RESTORE");
  EXPECT_EQ(call("GET", "/api/v1/services/BKP-RESTORE", sign_in(w.attendant)).status, 200);
  EXPECT_EQ(call("GET", "/api/v1/services/NAO-EXISTE", admin).status, 404);
}

TEST_P(ServiceDirectoryApiTest, OnlyAdminsChangeServicesAndBadChartersAreRejected) {
  Browser admin = sign_in(w.admin);
  Browser manager = sign_in(w.manager_gesin);
  Browser maria = sign_in(w.requester_seger);
  EXPECT_EQ(call("POST", "/api/v1/services", manager, charter().dump()).status, 403);
  EXPECT_EQ(call("PATCH", "/api/v1/services/SIS-ACESSO", maria, R"({"cost":"R$ 1"})").status, 403);
  EXPECT_EQ(call("PATCH", "/api/v1/services/SIS-ACESSO", manager, R"({"cost":"R$ 1"})").status,
            403);
  EXPECT_EQ(
      call("POST", "/api/v1/services", admin, R"({"code":"SIS-ACESSO","name":"Outro"})").status,
      409);
  json bad = charter();
  bad["form"][0]["required"] = "sim";
  EXPECT_EQ(error_field(call("POST", "/api/v1/services", admin, bad.dump())), "form");
  bad = charter();
  bad["default_category"] = "urgente";
  EXPECT_EQ(error_field(call("POST", "/api/v1/services", admin, bad.dump())), "default_category");
  bad = charter();
  bad["owning_unit_id"] = 987654;
  EXPECT_EQ(error_field(call("POST", "/api/v1/services", admin, bad.dump())), "owning_unit_id");
  bad = charter();
  bad["stages"] = "Abertura";
  EXPECT_EQ(error_field(call("POST", "/api/v1/services", admin, bad.dump())), "stages");
  EXPECT_EQ(error_field(call("PATCH", "/api/v1/services/SIS-ACESSO", admin, R"({"name":"  "})")),
            "name");
  EXPECT_EQ(count("services"), 4);
  EXPECT_EQ(call("GET", "/api/v1/services/SIS-ACESSO", admin).json()["cost"], "");
}

TEST_P(ServiceDirectoryApiTest, PopularNamesAreTidiedAndBadOnesRefused) {
  Browser admin = sign_in(w.admin);
  Browser maria = sign_in(w.requester_seger);
  json body = charter();
  body["popular_names"] = {" Backup ", "", "backup", "Recuperar arquivo", "BÁCKUP"};
  auto r = call("POST", "/api/v1/services", admin, body.dump());
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json()["popular_names"], json({"Backup", "Recuperar arquivo"}));
  EXPECT_EQ(call("GET", "/api/v1/services/BKP-RESTORE", maria).json()["popular_names"],
            json({"Backup", "Recuperar arquivo"}));
  const std::string path = "/api/v1/services/BKP-RESTORE";
  EXPECT_EQ(error_field(call("PATCH", path, admin, R"({"popular_names":"Backup"})")),
            "popular_names");
  EXPECT_EQ(error_field(call("PATCH", path, admin, R"({"popular_names":["a", 1]})")),
            "popular_names");
  const auto too_long =
      call("PATCH", path, admin, json{{"popular_names", {std::string(101, 'x')}}}.dump());
  EXPECT_EQ(too_long.status, 422);
  EXPECT_EQ(error_field(too_long), "popular_names");
  json many = json::array();
  for (int i = 0; i < 21; ++i) many.push_back("nome " + std::to_string(i));
  EXPECT_EQ(error_field(call("PATCH", path, admin, json{{"popular_names", many}}.dump())),
            "popular_names");
  EXPECT_EQ(call("GET", path, admin).json()["popular_names"],
            json({"Backup", "Recuperar arquivo"}));
  auto cleared = call("PATCH", path, admin, R"({"popular_names":[]})");
  ASSERT_EQ(cleared.status, 200) << cleared.body;
  EXPECT_EQ(cleared.json()["popular_names"], json::array());
  // A service created without them has none.
  EXPECT_EQ(call("GET", "/api/v1/services/SIS-ACESSO", admin).json()["popular_names"],
            json::array());
}

TEST_P(ServiceDirectoryApiTest, CategoriesCarryTheirPortugueseLabelAndGuidance) {
  Browser maria = sign_in(w.requester_seger);
  auto r = call("GET", "/api/v1/categories", maria);
  ASSERT_EQ(r.status, 200);
  auto items = r.json()["items"];
  ASSERT_EQ(items.size(), 6u);
  bool found_project = false;
  for (const auto& c : items) {
    EXPECT_FALSE(c["label"].get<std::string>().empty());
    EXPECT_FALSE(c["guidance"].get<std::string>().empty());
    if (c["code"] == "project") found_project = c["is_project"] == true;
  }
  EXPECT_TRUE(found_project);
  EXPECT_EQ(raw("GET", "/api/v1/categories").status, 401);
}

GUICHE_ON_BOTH_ENGINES(ServiceDirectoryApiTest);

}  // namespace
}  // namespace guiche::testing
