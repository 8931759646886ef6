// The knowledge base's API on both engines (api/knowledge_routes.cpp): the
// list without sign-in holds public articles only, an article carries its
// markup and the escaped HTML, writers create and replace, bad input is a
// pt-BR problem that changes nothing, "resolveu" counts once, and a ticket's
// articles are linked and unlinked. Who may call what is the authorization
// matrix's (authorization_matrix_table.cpp).
#include <gmock/gmock.h>

#include "app/tickets/ticket_work.hpp"
#include "support/api_world.hpp"

namespace guiche::testing {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;

class KnowledgeApiTest : public ApiTest {
 protected:
  std::vector<std::string> titles(const HttpResult& r) {
    std::vector<std::string> out;
    const auto body = r.json();  // kept: a temporary would end before the loop
    for (const auto& item : body.at("items")) out.push_back(item.at("title"));
    return out;
  }
};

TEST_P(KnowledgeApiTest, WritersPublishAndVisitorsReadOnlyPublicArticles) {
  const auto admin = sign_in(w.admin);
  auto made = call("POST", "/api/v1/knowledge/articles", admin,
                   R"({"title":"Senha do e-mail","body":"Use o **webmail**. <b>x</b>",)"
                   R"("service_code":"EMAIL-INST","category":"E-mail"})");
  ASSERT_EQ(made.status, 201) << made.body;
  const auto id = made.json().at("id").get<std::int64_t>();
  EXPECT_EQ(made.json().at("slug"), "senha-do-e-mail");
  EXPECT_EQ(made.json().at("html"), "<p>Use o <strong>webmail</strong>. &lt;b&gt;x&lt;/b&gt;</p>");
  EXPECT_EQ(made.json().at("service_code"), "EMAIL-INST");
  auto internal =
      call("POST", "/api/v1/knowledge/articles", admin,
           R"({"title":"Senha: procedimento interno","body":"Passos.","audience":"internal"})");
  ASSERT_EQ(internal.status, 201) << internal.body;

  const auto list = raw("GET", "/api/v1/knowledge/articles?q=SENHA");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(titles(list), std::vector<std::string>{"Senha do e-mail"});
  EXPECT_EQ(raw("GET", "/api/v1/knowledge/articles/" + std::to_string(id)).status, 200);
  EXPECT_EQ(raw("GET", "/api/v1/knowledge/articles/" +
                           std::to_string(internal.json().at("id").get<std::int64_t>()))
                .status,
            404);
  EXPECT_EQ(titles(call("GET", "/api/v1/knowledge/articles?q=senha", sign_in(w.attendant))).size(),
            2u);
  EXPECT_EQ(titles(call("GET", "/api/v1/knowledge/articles?q=senha", sign_in(w.requester_seger))),
            std::vector<std::string>{"Senha do e-mail"});
  EXPECT_EQ(titles(raw("GET", "/api/v1/knowledge/articles?service_code=EMAIL-INST")),
            std::vector<std::string>{"Senha do e-mail"});
  EXPECT_TRUE(titles(raw("GET", "/api/v1/knowledge/articles?service_code=NADA")).empty());

  auto put =
      call("PUT", "/api/v1/knowledge/articles/" + std::to_string(id), admin,
           R"({"title":"Senha do correio","body":"Texto novo.","service_code":"EMAIL-INST"})");
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(put.json().at("slug"), "senha-do-e-mail");
  EXPECT_EQ(put.json().at("title"), "Senha do correio");
}

TEST_P(KnowledgeApiTest, BadInputIsAPortugueseProblemAndChangesNothing) {
  const auto admin = sign_in(w.admin);
  const auto before = count("knowledge_articles");
  auto r = call("POST", "/api/v1/knowledge/articles", admin, R"({"title":"","body":""})");
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.headers["content-type"], "application/problem+json");
  EXPECT_THAT(r.body, HasSubstr("O título é obrigatório."));
  r = call("POST", "/api/v1/knowledge/articles", admin,
           R"({"title":"A","body":"B","audience":"todos"})");
  EXPECT_EQ(r.status, 422);
  r = call("POST", "/api/v1/knowledge/articles", admin, R"({"title":"A","body":"B","cor":"azul"})");
  EXPECT_EQ(r.status, 422);
  r = call("POST", "/api/v1/knowledge/articles", admin, R"({"title":"A",)");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(count("knowledge_articles"), before);
}

TEST_P(KnowledgeApiTest, ResolvedCountsOnceAndTicketsLinkArticles) {
  const auto admin = sign_in(w.admin);
  const auto id = call("POST", "/api/v1/knowledge/articles", admin,
                       R"({"title":"VPN de casa","body":"Instale o cliente."})")
                      .json()
                      .at("id")
                      .get<std::int64_t>();
  const auto maria = sign_in(w.requester_seger);
  const std::string avoided = "/api/v1/knowledge/articles/" + std::to_string(id) + "/avoided";
  auto first = call("POST", avoided, maria);
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.json(), (json{{"counted", true}, {"requests_avoided", 1}}));
  EXPECT_EQ(call("POST", avoided, maria).json(),
            (json{{"counted", false}, {"requests_avoided", 1}}));

  Ticket t = register_sis(w.requester_sesa);
  desk->work().route(as(w.attendant), t.id, w.sgsis.id, w.analyst_sis.id);
  const auto analyst = sign_in(w.analyst_sis);
  const std::string links = "/api/v1/tickets/" + std::to_string(t.id) + "/articles";
  auto linked = call("POST", links, analyst, R"({"article_id":)" + std::to_string(id) + "}");
  ASSERT_EQ(linked.status, 200) << linked.body;
  EXPECT_EQ(titles(linked), std::vector<std::string>{"VPN de casa"});
  EXPECT_EQ(call("POST", links, analyst, R"({"article_id":999999})").status, 404);
  EXPECT_EQ(call("DELETE", links + "/" + std::to_string(id), analyst).status, 204);
  EXPECT_TRUE(titles(call("GET", links, analyst)).empty());
}

TEST_P(KnowledgeApiTest, TheOpenApiDocumentDescribesTheRoutes) {
  const auto doc = raw("GET", "/api/v1/openapi.json").json();
  for (const char* path :
       {"/api/v1/knowledge/articles", "/api/v1/knowledge/articles/{id}",
        "/api/v1/knowledge/articles/{id}/avoided", "/api/v1/tickets/{id}/articles",
        "/api/v1/tickets/{id}/articles/{article_id}"}) {
    EXPECT_TRUE(doc.at("paths").contains(path)) << path;
  }
  EXPECT_TRUE(doc.at("components").at("schemas").contains("KnowledgeArticle"));
}

GUICHE_ON_BOTH_ENGINES(KnowledgeApiTest);

}  // namespace
}  // namespace guiche::testing
