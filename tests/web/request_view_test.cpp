// How a request reads in the requester's pages: the fluxo vivo (public
// events only, what the team asks, files as links, time spent), the
// consolidated stages, and the category guidance (docs/domain.md, "Categories").
#include "web/request_view.hpp"

#include "app/attachments/attachments.hpp"
#include "app/directory/directory.hpp"
#include "app/intake/intake.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "app/tickets/ticket_work.hpp"
#include "support/desk_world.hpp"
#include "web/page.hpp"

namespace guiche::testing {
namespace {

class RequestViewTest : public DeskTest {
 protected:
  void SetUp() override {
    DeskTest::SetUp();
    ctx = std::make_unique<web::WebContext>(*desk, GUICHE_WEB_DIR, false);
  }
  // A request asked for information, answered with a file, then resolved.
  Ticket worked_request() {
    Ticket t = register_sis(w.requester_seger);
    desk->work().route(as(w.attendant), t.id, w.sgsis.id, w.analyst_sis.id);
    desk->work().reply(as(w.analyst_sis), t.id, "Qual é a matrícula?", true);
    desk->work().add_internal_note(as(w.analyst_sis), t.id, "Nota só da equipe");
    desk->work().reply(as(w.requester_seger), t.id, "Matrícula 1234567.");
    desk->attachments().attach(as(w.requester_seger), t.id, "tela.txt", "passo a passo\n");
    clock.advance(std::chrono::minutes(30));
    return desk->work().resolve(as(w.analyst_sis), t.id, "Perfil concedido.", 90);
  }
  std::unique_ptr<web::WebContext> ctx;
};

TEST_P(RequestViewTest, TimelineShowsPublicEventsWithAnswersFilesAndTimeSpent) {
  Ticket t = worked_request();
  auto items = web::timeline_view(*ctx, desk->tickets().history(as(w.requester_seger), t.id));
  std::string all = items.dump();
  EXPECT_EQ(all.find("Nota só da equipe"), std::string::npos);
  ASSERT_GE(items.size(), 5u);
  EXPECT_EQ(items[0]["o_que"], "Solicitação registrada");
  const nlohmann::json* asks = nullptr;
  const nlohmann::json* file = nullptr;
  const nlohmann::json* resolved = nullptr;
  for (const auto& item : items) {
    if (item.value("pede", false)) asks = &item;
    if (item.contains("arquivo")) file = &item;
    if (item.contains("tempo")) resolved = &item;
  }
  ASSERT_TRUE(asks && file && resolved) << all;
  EXPECT_EQ((*asks)["detalhe"], "Qual é a matrícula?");
  EXPECT_NE(all.find("Resposta do solicitante; atendimento retomado"), std::string::npos);
  EXPECT_EQ((*file)["arquivo"]["nome"], "tela.txt");
  EXPECT_EQ((*file)["arquivo"]["url"].get<std::string>().rfind("/api/v1/attachments/", 0), 0u);
  EXPECT_EQ((*file)["arquivo"]["tamanho"], "14 bytes");
  EXPECT_EQ((*resolved)["detalhe"], "Perfil concedido.");
  EXPECT_EQ((*resolved)["tempo"], "Tempo de atendimento: 1 h 30 min");
}

TEST_P(RequestViewTest, StagesMarkDoneCurrentAndNextAndFollowAReopen) {
  Ticket t = register_sis(w.requester_seger);
  auto stages = web::stages_view(*ctx, t, desk->tickets().history(as(w.requester_seger), t.id));
  ASSERT_EQ(stages.size(), 5u);
  EXPECT_TRUE(stages[0]["atual"]);
  EXPECT_TRUE(stages[0].contains("desde"));
  EXPECT_TRUE(stages[1]["futura"]);

  t = worked_request();
  stages = web::stages_view(*ctx, t, desk->tickets().history(as(w.requester_seger), t.id));
  EXPECT_TRUE(stages[0]["feita"]);
  EXPECT_TRUE(stages[2]["feita"]);
  EXPECT_TRUE(stages[3]["atual"]);
  EXPECT_EQ(stages[3]["nome"], "Resolvida");
  EXPECT_TRUE(stages[4]["futura"]);
  EXPECT_FALSE(stages[4].contains("desde"));

  t = desk->work().reopen(as(w.requester_seger), t.id, "Continua sem acesso.");
  stages = web::stages_view(*ctx, t, desk->tickets().history(as(w.requester_seger), t.id));
  EXPECT_TRUE(stages[2]["atual"]);
  EXPECT_TRUE(stages[3]["futura"]);
  EXPECT_FALSE(stages[3].contains("desde"));
}

TEST_P(RequestViewTest, CancelledRequestEndsInTheCancelledStageAndSkipsTheOthers) {
  Ticket t = register_sis(w.requester_seger);
  t = desk->work().cancel(as(w.requester_seger), t.id, "Registrei por engano.");
  auto stages = web::stages_view(*ctx, t, desk->tickets().history(as(w.requester_seger), t.id));
  EXPECT_TRUE(stages[4]["atual"]);
  EXPECT_EQ(stages[4]["nome"], "Cancelada");
  // Registered, then cancelled: the stages between were skipped, not done.
  EXPECT_TRUE(stages[0]["feita"]);
  for (int i = 1; i <= 3; ++i) {
    EXPECT_FALSE(stages[i]["feita"]) << i;
    EXPECT_TRUE(stages[i]["pulada"]) << i;
    EXPECT_FALSE(stages[i].contains("desde")) << i;
  }
}

TEST_P(RequestViewTest, DeadlineOfAProjectIsToBeAgreed) {
  app::RegisterRequest r;
  r.requester_id = w.requester_seger.id;
  r.service_code = w.project.code;
  r.subject = "Novo sistema";
  r.description = "Projeto de sistema.";
  Ticket t = desk->intake().register_request(as(w.requester_seger), r);
  EXPECT_EQ(web::deadline_text(*ctx, t), "a combinar");
  Ticket sis = register_sis(w.requester_seger);
  EXPECT_NE(web::deadline_text(*ctx, sis).find(" às "), std::string::npos);
}

TEST_P(RequestViewTest, DurationsAndSizesReadAsPeopleWriteThem) {
  EXPECT_EQ(web::duration_text(*ctx, 45), "45 min");
  EXPECT_EQ(web::duration_text(*ctx, 120), "2 h");
  EXPECT_EQ(web::duration_text(*ctx, 0), "0 min");
  EXPECT_EQ(web::size_text(25LL * 1024 * 1024), "25 MB");
  EXPECT_EQ(web::size_text(2048), "2 KB");
}

// The portal shows the category guidance in the page's language; the
// Portuguese texts are the domain's own, so they cannot drift apart.
TEST_P(RequestViewTest, CategoryTextsInPortugueseAreTheDomainGuidance) {
  for (auto c : desk->directory().categories(as(w.requester_seger))) {
    const auto key = "portal.categorias." + std::string(category_code(c));
    EXPECT_EQ(ctx->texts.text("pt-BR", key + ".rotulo"), category_label_pt(c));
    EXPECT_EQ(ctx->texts.text("pt-BR", key + ".orientacao"), category_guidance_pt(c));
    EXPECT_NE(ctx->texts.text("en", key + ".orientacao"), key + ".orientacao");
  }
}

GUICHE_ON_BOTH_ENGINES(RequestViewTest);

}  // namespace
}  // namespace guiche::testing
