// The knowledge base through the application layer on both engines
// (app/knowledge/knowledge_base.hpp): who reads which article (internal ones
// and drafts never reach requesters or anonymous visitors), who writes
// (domain/knowledge/article_writers.hpp), the search without regard to
// accents, the suggestions as a subject is typed, the "requests avoided"
// count (once per person), and articles linked to tickets.
#include <gmock/gmock.h>

#include "app/expect_error.hpp"
#include "app/knowledge/knowledge_base.hpp"
#include "app/tickets/ticket_work.hpp"
#include "store/knowledge_article_rows.hpp"
#include "support/desk_world.hpp"
#include "support/query_plan.hpp"

namespace guiche::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

class KnowledgeBaseTest : public DeskTest {
 protected:
  app::KnowledgeBase& kb() { return desk->knowledge(); }

  app::ArticleDraft draft(const std::string& title, const std::string& body,
                          const std::string& audience = "public",
                          const std::string& service = "SIS-ACESSO") {
    app::ArticleDraft d;
    d.title = title;
    d.body = body;
    d.audience = audience;
    d.category = "Acesso";
    d.service_code = service;
    return d;
  }

  std::vector<std::string> titles(const std::vector<KnowledgeArticle>& articles) {
    std::vector<std::string> out;
    for (const auto& a : articles) out.push_back(a.title);
    return out;
  }

  void SetUp() override {
    DeskTest::SetUp();
    senha =
        kb().create(as(w.admin), draft("Como redefinir a senha do e-mail institucional",
                                       "1. Abra o **webmail**.\n2. Clique em *Esqueci a senha*.\n\n"
                                       "Se ainda não conseguir, registre uma solicitação.",
                                       "public", "EMAIL-INST"));
    interno = kb().create(as(w.admin), draft("Reiniciar o serviço de autenticação",
                                             "Procedimento interno: reinicie o serviço de "
                                             "autenticação e a senha volta a valer.",
                                             "internal"));
    auto d = draft("Rascunho sobre impressão", "Ação em andamento para impressoras.");
    d.published = false;
    rascunho = kb().create(as(w.admin), d);
  }

  KnowledgeArticle senha, interno, rascunho;
};

TEST_P(KnowledgeBaseTest, PublicArticlesForEveryoneInternalAndDraftsForStaffOnly) {
  const app::Reader anonymous;
  const app::Reader requester = as(w.requester_seger);
  const app::Reader attendant = as(w.attendant);
  EXPECT_EQ(kb().article_by_slug(anonymous, senha.slug).article.id, senha.id);
  EXPECT_EQ(kb().article(requester, senha.id).article.title, senha.title);
  for (const auto& reader : {anonymous, requester, app::Reader(as(w.citizen))}) {
    EXPECT_EQ(outcome([&] { kb().article(reader, interno.id); }), "not_found");
    EXPECT_EQ(outcome([&] { kb().article_by_slug(reader, rascunho.slug); }), "not_found");
    EXPECT_THAT(titles(kb().articles(reader, "")), ElementsAre(senha.title));
    EXPECT_THAT(titles(kb().articles(reader, "autenticação")), IsEmpty());
  }
  EXPECT_EQ(kb().article(attendant, interno.id).article.id, interno.id);
  EXPECT_EQ(kb().articles(attendant, "").size(), 3u);
  EXPECT_THAT(titles(kb().articles(attendant, "autenticacao")), ElementsAre(interno.title));
}

TEST_P(KnowledgeBaseTest, SearchFoldsAccentsAndCaseAndRanksTheTitleFirst) {
  const app::Reader anonymous;
  EXPECT_THAT(titles(kb().articles(anonymous, "SENHA do E-MAIL")), ElementsAre(senha.title));
  EXPECT_THAT(titles(kb().articles(anonymous, "nao conseguir")), ElementsAre(senha.title));
  EXPECT_THAT(titles(kb().articles(anonymous, "INSTITUCIONÁL")), ElementsAre(senha.title));
  EXPECT_THAT(titles(kb().articles(anonymous, "senha impressora")), IsEmpty());
  EXPECT_THAT(titles(kb().articles(anonymous, "\"(*) OR NEAR")), IsEmpty());
  const app::Reader admin = as(w.admin);
  EXPECT_THAT(titles(kb().articles(admin, "acao")), ElementsAre(rascunho.title));
  // Both hold "senha"; the one with it in the title first.
  EXPECT_THAT(titles(kb().articles(admin, "senha")), ElementsAre(senha.title, interno.title));
}

TEST_P(KnowledgeBaseTest, SuggestionsWhileTypingArePublicAndPublishedOnly) {
  EXPECT_THAT(titles(kb().suggestions("senha do e-mail")), ElementsAre(senha.title));
  EXPECT_THAT(titles(kb().suggestions("minha sen")), ElementsAre(senha.title));
  EXPECT_THAT(titles(kb().suggestions("esqueci a senha do webmail")), ElementsAre(senha.title));
  EXPECT_THAT(titles(kb().suggestions("autenticação")), IsEmpty());
  EXPECT_THAT(titles(kb().suggestions("impressoras")), IsEmpty());
  EXPECT_THAT(titles(kb().suggestions("de")), IsEmpty());
  EXPECT_THAT(titles(kb().service_articles(w.servants.id)), ElementsAre(senha.title));
  EXPECT_THAT(titles(kb().service_articles(w.sis_access.id)), IsEmpty());
}

TEST_P(KnowledgeBaseTest, AvoidedRequestsCountEachPersonOnce) {
  EXPECT_TRUE(kb().record_avoided(as(w.requester_seger), senha.id));
  EXPECT_FALSE(kb().record_avoided(as(w.requester_seger), senha.id));
  EXPECT_TRUE(kb().record_avoided(as(w.citizen), senha.id));
  EXPECT_EQ(kb().article(as(w.admin), senha.id).article.avoided, 2);
  EXPECT_EQ(outcome([&] { kb().record_avoided(as(w.requester_seger), interno.id); }), "not_found");
  EXPECT_EQ(kb().article(as(w.admin), interno.id).article.avoided, 0);
}

TEST_P(KnowledgeBaseTest, TheOwningUnitWritesItsServicesArticles) {
  // SIS-ACESSO is SGSIS's; SUP-TEC the central's; GESIN is above SGSIS.
  EXPECT_EQ(outcome([&] { kb().create(as(w.analyst_sis), draft("Acesso ao SIGEFES", "Passos.")); }),
            "ok");
  EXPECT_EQ(outcome([&] {
              kb().create(as(w.analyst_sis), draft("Suporte", "Passos.", "public", "SUP-TEC"));
            }),
            "forbidden");
  EXPECT_EQ(
      outcome([&] { kb().create(as(w.manager_gesin), draft("Geral", "Texto.", "public", "")); }),
      "ok");
  EXPECT_EQ(
      outcome([&] { kb().create(as(w.analyst_sis), draft("Geral", "Texto.", "public", "")); }),
      "forbidden");
  for (const auto* p : {&w.attendant, &w.requester_seger, &w.relations_agent}) {
    EXPECT_EQ(outcome([&] { kb().create(as(*p), draft("Outro", "Texto.")); }), "forbidden");
  }
  EXPECT_EQ(outcome([&] { kb().update(as(w.analyst_sis), senha.id, draft("X", "Y.")); }),
            "forbidden");
  const auto before = count("knowledge_articles");
  const auto bad = error_of([&] { kb().create(as(w.admin), draft("", "", "secreto", "NADA")); });
  ASSERT_TRUE(bad);
  ASSERT_EQ(bad->fields().size(), 4u);
  EXPECT_EQ(bad->fields()[0].message, "O título é obrigatório.");
  EXPECT_EQ(bad->fields()[1].message, "O texto é obrigatório.");
  EXPECT_EQ(count("knowledge_articles"), before);
}

TEST_P(KnowledgeBaseTest, AnUpdateKeepsTheSlugAndReindexes) {
  auto d = draft("Senha do correio: como trocar", "Use o **webmail**.", "public", "EMAIL-INST");
  const auto changed = kb().update(as(w.admin), senha.id, d);
  EXPECT_EQ(changed.slug, "como-redefinir-a-senha-do-e-mail-institucional");
  EXPECT_THAT(titles(kb().articles(app::Reader(), "correio")), ElementsAre(d.title));
  EXPECT_THAT(titles(kb().articles(app::Reader(), "institucional")), IsEmpty());
  const auto twin = kb().create(as(w.admin), draft(senha.title, "Outro texto."));
  EXPECT_EQ(twin.slug, "como-redefinir-a-senha-do-e-mail-institucional-2");
}

TEST_P(KnowledgeBaseTest, AgentsWhoWorkTheTicketLinkArticles) {
  Ticket t = register_sis(w.requester_sesa);
  desk->work().route(as(w.attendant), t.id, w.sgsis.id, w.analyst_sis.id);
  kb().link_ticket(as(w.analyst_sis), t.id, interno.id);
  clock.advance(std::chrono::minutes(1));
  kb().link_ticket(as(w.analyst_sis), t.id, senha.id);
  kb().link_ticket(as(w.analyst_sis), t.id, senha.id);  // again: nothing new
  EXPECT_THAT(titles(kb().ticket_articles(as(w.manager_gesin), t.id)),
              ElementsAre(interno.title, senha.title));
  EXPECT_EQ(outcome([&] { kb().link_ticket(as(w.requester_sesa), t.id, senha.id); }), "forbidden");
  EXPECT_EQ(outcome([&] { kb().ticket_articles(as(w.requester_sesa), t.id); }), "forbidden");
  EXPECT_EQ(outcome([&] { kb().link_ticket(as(w.requester_seger), t.id, senha.id); }), "not_found");
  EXPECT_EQ(outcome([&] { kb().link_ticket(as(w.analyst_sis), t.id, 999999); }), "not_found");
  kb().unlink_ticket(as(w.analyst_sis), t.id, interno.id);
  EXPECT_THAT(titles(kb().ticket_articles(as(w.admin), t.id)), ElementsAre(senha.title));
}

TEST_P(KnowledgeBaseTest, FilesFollowTheirArticlesReaders) {
  const auto f = kb().attach(as(w.admin), interno.id, "passos.txt", "Passo 1.\n");
  EXPECT_EQ(kb().file(as(w.attendant), f.id).bytes, "Passo 1.\n");
  EXPECT_EQ(outcome([&] { kb().file(app::Reader(), f.id); }), "not_found");
  EXPECT_EQ(outcome([&] { kb().file(as(w.requester_seger), f.id); }), "not_found");
  EXPECT_EQ(outcome([&] { kb().attach(as(w.attendant), senha.id, "a.txt", "x\n"); }), "forbidden");
  const auto pub = kb().attach(as(w.admin), senha.id, "guia.txt", "Guia.\n");
  EXPECT_EQ(kb().file(app::Reader(), pub.id).file.filename, "guia.txt");
  EXPECT_EQ(kb().article(app::Reader(), senha.id).files.size(), 1u);
}

// Many articles: a search reads the full-text index (its plan), and the
// times are printed (no bound: a figure, not a flaky test).
TEST_P(KnowledgeBaseTest, ManyArticlesStillAnswerAtOnce) {
  constexpr int kArticles = 5000;
  database->db().write([&](store::Connection& c) {
    for (int i = 0; i < kArticles; ++i) {
      KnowledgeArticle a;
      a.slug = "artigo-" + std::to_string(i);
      a.title = "Artigo número " + std::to_string(i) + " sobre impressão e rede";
      a.body = "Texto de apoio " + std::to_string(i) + " com palavras comuns: acesso, sistema.";
      a.category = "Geral";
      a.published = true;
      a.created_at = a.updated_at = clock.now();
      a.id = store::insert_article(c, a);
      store::index_article_text(c, a.id, a.title, a.body);
    }
  });
  // The search reads the full-text index, then each match by its key.
  const bool sqlite = GetParam() == Engine::sqlite;
  if (!sqlite) {
    database->db().write([](store::Connection& c) {
      c.query("ANALYZE knowledge_articles");
      c.query("ANALYZE knowledge_search");
    });
  }
  for (bool any_word : {false, true}) {
    const auto q =
        store::article_search_query(sqlite ? store::Dialect::sqlite : store::Dialect::postgres,
                                    "senha do e-mail", store::ArticleFilter{}, any_word);
    const auto plan = query_plan(database->db(), q.sql, q.params);
    SCOPED_TRACE(plan);
    if (sqlite) {
      EXPECT_THAT(plan, ::testing::HasSubstr("VIRTUAL TABLE INDEX"));
      EXPECT_THAT(plan, ::testing::HasSubstr("SEARCH a USING INTEGER PRIMARY KEY"));
    } else {
      EXPECT_THAT(plan, ::testing::HasSubstr("knowledge_search_document"));
      EXPECT_THAT(plan, ::testing::Not(::testing::HasSubstr("Seq Scan")));
    }
  }
  auto timed = [](const char* what, auto&& run) {
    const auto started = std::chrono::steady_clock::now();
    auto out = run();
    const auto us = std::chrono::duration_cast<std::chrono::microseconds>(
                        std::chrono::steady_clock::now() - started)
                        .count();
    std::printf("knowledge base, %d articles, %s: %.1f ms\n", kArticles, what, us / 1000.0);
    return out;
  };
  const auto rare =
      timed("suggestions for a rare subject", [&] { return kb().suggestions("senha do e-mail"); });
  const auto common = timed("a search matching every article", [&] {
    return kb().articles(app::Reader(), "impressao rede", std::nullopt, 20);
  });
  const auto listed = timed("the staff's newest 50",
                            [&] { return kb().articles(as(w.admin), "", std::nullopt, 50); });
  EXPECT_THAT(titles(rare), ElementsAre(senha.title));
  EXPECT_EQ(common.size(), 20u);
  EXPECT_EQ(listed.size(), 50u);
}

GUICHE_ON_BOTH_ENGINES(KnowledgeBaseTest);

}  // namespace
}  // namespace guiche::testing
