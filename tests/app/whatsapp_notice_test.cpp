// Notices routed to WhatsApp carry the short pt-BR text, not the e-mail, and
// the approved template for outside the 24-hour window
// (app/notices/whatsapp_notice.hpp); the resolution asks for the evaluation
// as an interactive list. And the templates file is checked when loaded.
#include <gmock/gmock.h>

#include "app/directory/directory.hpp"
#include "app/intake/intake.hpp"
#include "app/tickets/ticket_work.hpp"
#include "app/whatsapp/whatsapp_templates.hpp"
#include "store/outbox_rows.hpp"
#include "store/whatsapp_payload.hpp"
#include "support/desk_world.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;

class WhatsAppNoticeTest : public DeskTest {
 protected:
  app::DeskConfig desk_config() override {
    auto c = DeskTest::desk_config();
    c.notice_channels = {"email", "whatsapp"};
    c.whatsapp.templates = app::load_whatsapp_templates(GUICHE_WHATSAPP_TEMPLATES);
    return c;
  }
  void SetUp() override {
    DeskTest::SetUp();
    w.requester_seger.phone = "+55 27 99999-0001";
    w.requester_seger.notice_preference = NoticePreference::whatsapp;
    w.requester_seger = desk->directory().update_person(as(w.admin), w.requester_seger);
  }
  store::OutboxMessage row_of(std::int64_t ticket_id, const std::string& key) {
    std::vector<store::OutboxMessage> messages;
    database->db().read(
        [&](store::Connection& c) { messages = store::messages_of_ticket(c, ticket_id); });
    for (const auto& m : messages) {
      if (m.template_key == key) return m;
    }
    ADD_FAILURE() << "no " << key << " notice";
    return {};
  }
};

TEST_P(WhatsAppNoticeTest, TheReceiptIsShortAndCarriesItsTemplate) {
  const Ticket t = register_sis(w.requester_seger);
  const auto m = row_of(t.id, "registration");
  EXPECT_EQ(m.channel, "whatsapp");
  EXPECT_EQ(m.recipient_address, "+5527999990001");
  EXPECT_THAT(m.text_body, HasSubstr("*Protocolo:* " + t.protocol));
  EXPECT_THAT(m.text_body, HasSubstr("*Prazo estimado:* "));
  EXPECT_THAT(m.text_body, ::testing::Not(HasSubstr("Serviço:")));  // the e-mail's lines
  EXPECT_TRUE(m.html_body.empty());
  ASSERT_TRUE(m.payload.has_value());
  const auto payload = store::parse_payload(*m.payload);
  EXPECT_FALSE(payload.message.has_value());  // the text goes as a text message
  ASSERT_TRUE(payload.template_call.has_value());
  EXPECT_EQ(payload.template_call->name, "guiche_registro");
  EXPECT_THAT(payload.template_call->parameters,
              ::testing::ElementsAre("Maria Solicitante", t.protocol, ::testing::Not(""),
                                     "http://127.0.0.1:8080/chamados/" + t.protocol));
}

TEST_P(WhatsAppNoticeTest, TheResolutionAsksForTheEvaluationAsAList) {
  Ticket t = register_sis(w.requester_seger);
  desk->work().route(as(w.attendant), t.id, w.sgsis.id, w.analyst_sis.id);
  desk->work().resolve(as(w.analyst_sis), t.id, "Acesso liberado.\nTeste de novo.", 15);
  const auto m = row_of(t.id, "resolution");
  ASSERT_EQ(m.channel, "whatsapp");
  const auto payload = store::parse_payload(m.payload.value());
  ASSERT_TRUE(payload.message.has_value());
  const auto& list = (*payload.message)["interactive"];
  EXPECT_EQ(list["type"], "list");
  EXPECT_THAT(list["body"]["text"].get<std::string>(), HasSubstr("Acesso liberado."));
  const auto& rows = list["action"]["sections"][0]["rows"];
  ASSERT_EQ(rows.size(), 5u);
  const std::string prefix = "avaliar:" + std::to_string(t.id) + ":";
  EXPECT_EQ(rows[0]["id"], prefix + "5");
  EXPECT_EQ(rows[4]["id"], prefix + "1");
  for (const auto& r : rows) EXPECT_LE(r["title"].get<std::string>().size(), 24u);
  // Outside the window: the template, its free text on one line.
  EXPECT_EQ(payload.template_call->name, "guiche_pesquisa_satisfacao");
  EXPECT_EQ(payload.template_call->parameters.at(2), "Acesso liberado. Teste de novo.");
}

GUICHE_ON_BOTH_ENGINES(WhatsAppNoticeTest);

TEST(WhatsAppTemplatesTest, ParametersAreOneLineAndCut) {
  EXPECT_EQ(app::template_parameter_text("a\n\nb\t c     d"), "a b c d");
  EXPECT_EQ(app::template_parameter_text(""), "-");
  EXPECT_EQ(app::template_parameter_text(std::string(10, 'x'), 4), "xxxx…");
  // A cut never splits a UTF-8 character.
  EXPECT_EQ(app::template_parameter_text("ããã", 3), "ã…");
}

TEST(WhatsAppTemplatesTest, AFileWhoseTextAndParametersDisagreeIsRefused) {
  EXPECT_THROW(app::parse_whatsapp_templates(
                   R"({"notices":{"registration":{"name":"x","text":"{{1}} {{2}}",
                   "parameters":["name"]}}})"),
               std::invalid_argument);
  EXPECT_THROW(app::parse_whatsapp_templates(R"({"fallback":{"text":"{{1}}"}})"),
               std::invalid_argument);
  EXPECT_THROW(app::parse_whatsapp_templates("[]"), std::invalid_argument);
  const auto shipped = app::load_whatsapp_templates(GUICHE_WHATSAPP_TEMPLATES);
  EXPECT_EQ(shipped.fallback->name, "guiche_aviso");
  EXPECT_EQ(shipped.notices.at("resolution").parameters.size(), 4u);
}

}  // namespace
}  // namespace guiche::testing
