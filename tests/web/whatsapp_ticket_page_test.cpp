// The agent's ticket page shows the ticket's WhatsApp conversation as it
// happened (issue 20, items 5 and 7): who wrote each message and when, its
// text and attachments, where each of ours stands (na fila, enviada,
// entregue, lida, falhou and why; modelo aprovado outside the window), the
// person's messages not yet processed; and whether the requester's 24-hour
// window is open, also by the reply form. Escaped; staff only.
#include <gmock/gmock.h>

#include "app/tickets/ticket_reads.hpp"
#include "app/tickets/ticket_work.hpp"
#include "domain/error.hpp"
#include "store/outbox_rows.hpp"
#include "store/whatsapp_window_rows.hpp"
#include "support/web_server_test.hpp"
#include "support/whatsapp_payloads.hpp"
#include "support/whatsapp_ticket_messages.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kPhone = "+5527999990001";
constexpr const char* kWaId = "552799990001";  // WhatsApp's 12-digit form of kPhone

class WhatsAppTicketPageTest : public WebServerTest {
 protected:
  app::DeskConfig desk_config() override {
    auto config = WebServerTest::desk_config();
    config.whatsapp = test_whatsapp_config();
    config.notice_channels = {"email", "whatsapp"};
    return config;
  }
  void give_phone(const Person& p, const std::string& preference = "whatsapp") {
    database->db().write([&](store::Connection& c) {
      c.query("UPDATE people SET phone = ?, notice_preference = ? WHERE id = ?",
              {std::string(kPhone), preference, p.id});
    });
  }
  Instant at(int minutes) { return t.created_at + std::chrono::minutes(minutes); }
  std::string page() {
    const auto r = get(carlos, "/atendimento/chamados/" + t.protocol);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.body;
  }
  // The conversation section alone.
  std::string section(const std::string& body) {
    const auto from = body.find("id=\"whatsapp\"");
    if (from == std::string::npos) return "";
    return body.substr(from, body.find("</section>", from) - from);
  }
  void SetUp() override {
    WebServerTest::SetUp();
    give_phone(w.requester_seger);
    t = register_sis(w.requester_seger, "Acesso pelo WhatsApp");
    carlos = sign_in(w.attendant);
  }
  Ticket t;
  Browser carlos;
};

TEST_P(WhatsAppTicketPageTest, TheConversationAsItHappenedWithEachStatus) {
  clock.advance(std::chrono::minutes(1));
  database->db().write([&](store::Connection& c) {
    add_inbound(c, cloud_message("w1", kWaId, "text", {{"body", "Não consigo entrar"}}), at(1),
                "done", t.id);
    store::touch_whatsapp_window(c, kWaId, at(1));
    add_inbound(c,
                cloud_message(
                    "w2", kWaId, "document",
                    {{"id", "m1"}, {"filename", "print-do-erro.pdf"}, {"caption", "segue o erro"}}),
                at(2), "done", t.id);
    add_inbound(c, cloud_message("w3", kWaId, "audio", {{"id", "m2"}}), at(2), "done", t.id);
  });
  clock.advance(std::chrono::minutes(2));
  desk->work().reply(as(w.attendant), t.id, "Qual é a mensagem de erro?");
  database->db().write([&](store::Connection& c) {
    const auto rows = store::messages_of_ticket(c, t.id);
    for (const auto& m : rows) {
      if (m.channel == "whatsapp") accept_outbound(c, m, "wamid.q1", at(3));
    }
    store::record_whatsapp_status(c, "wamid.q1", "delivered", at(4), std::nullopt, "");
    auto read = add_outbound(c, t.id, w.requester_seger.id, kPhone, "Lida pelo solicitante", at(5));
    accept_outbound(c, read, "wamid.r1", at(5));
    store::record_whatsapp_status(c, "wamid.r1", "read", at(6), std::nullopt, "");
    auto tmpl = add_outbound(c, t.id, w.requester_seger.id, kPhone, "Fora da janela", at(7));
    accept_outbound(c, tmpl, "wamid.t1", at(7), "template");
    auto bad = add_outbound(c, t.id, w.requester_seger.id, kPhone, "Não chegou", at(8));
    accept_outbound(c, bad, "wamid.f1", at(8));
    store::record_whatsapp_status(c, "wamid.f1", "failed", at(9), 131026, "Message undeliverable");
    auto refused = add_outbound(c, t.id, w.requester_seger.id, kPhone, "Recusada", at(9));
    store::mark_attempt_failed(c, refused.id, "A API do WhatsApp recusou a mensagem.",
                               std::nullopt);
    add_outbound(c, t.id, w.requester_seger.id, kPhone, "Esperando a vez", at(10));
    add_inbound(c, cloud_message("w4", kWaId, "text", {{"body", "Ainda aí?"}}), at(11), "pending");
    add_inbound(c, cloud_message("w5", kWaId, "text", {{"body", "Perdida"}}), at(12), "failed",
                std::nullopt, "Falha ao registrar a mensagem.");
  });
  const auto body = page();
  const auto s = section(body);
  ASSERT_THAT(s, HasSubstr("Conversa no WhatsApp"));
  EXPECT_THAT(s, HasSubstr("Janela de 24 horas do WhatsApp aberta até 03/03/2026 às 09:01"));
  const auto order = {"Não consigo entrar",
                      "segue o erro",
                      "print-do-erro.pdf",
                      "[áudio]",
                      "Qual é a mensagem de erro?",
                      "Lida pelo solicitante",
                      "Fora da janela",
                      "Não chegou",
                      "Recusada",
                      "Esperando a vez",
                      "Ainda aí?",
                      "Perdida"};
  std::size_t last = 0;
  for (const std::string text : order) {
    const auto found = s.find(text, last);
    ASSERT_NE(found, std::string::npos) << text << " missing or out of order";
    last = found;
  }
  // Who wrote: the requester, the agent whose question it carries, the desk.
  EXPECT_THAT(s, HasSubstr("<strong>" + w.requester_seger.name + "</strong>"));
  EXPECT_THAT(s, HasSubstr("<strong>" + w.attendant.name + "</strong>"));
  EXPECT_THAT(s, HasSubstr("<strong>Guichê</strong>"));
  EXPECT_THAT(s, HasSubstr("02/03/2026 às 09:01"));
  EXPECT_THAT(s, HasSubstr(">entregue</span>"));
  EXPECT_THAT(s, HasSubstr(">lida</span>"));
  EXPECT_THAT(s, HasSubstr(">modelo aprovado</span>"));
  EXPECT_THAT(s, HasSubstr(">falhou</span> <span class=\"motivo\">Message undeliverable (código "
                           "131026)</span>"));
  EXPECT_THAT(s, HasSubstr("<span class=\"motivo\">A API do WhatsApp recusou a mensagem.</span>"));
  EXPECT_THAT(s, HasSubstr(">na fila</span>"));
  EXPECT_THAT(s, HasSubstr(">aguardando processamento</span>"));
  EXPECT_THAT(s, HasSubstr("<span class=\"motivo\">Falha ao registrar a mensagem.</span>"));
  // By the reply form: how the reply goes and whether the window is open.
  const auto form = body.find("id=\"form-mensagem\"");
  ASSERT_NE(form, std::string::npos);
  EXPECT_NE(body.find("Respostas públicas vão pelo WhatsApp. Janela de 24 horas do WhatsApp "
                      "aberta até 03/03/2026 às 09:01",
                      form),
            std::string::npos);
}

TEST_P(WhatsAppTicketPageTest, TheWindowClosesADayAfterTheLastMessage) {
  database->db().write([&](store::Connection& c) {
    add_inbound(c, cloud_message("w1", kWaId, "text", {{"body", "Oi"}}), at(0), "done", t.id);
    store::touch_whatsapp_window(c, kWaId, at(0));
  });
  clock.advance(std::chrono::hours(23));
  carlos = sign_in(w.attendant);  // the morning's session has ended
  EXPECT_THAT(section(page()), HasSubstr("aberta até 03/03/2026 às 09:00"));
  clock.advance(std::chrono::hours(1));
  const auto body = page();
  EXPECT_THAT(section(body), HasSubstr("Fora da janela: respostas seguem como modelo aprovado."));
  EXPECT_THAT(body, HasSubstr("Respostas públicas vão pelo WhatsApp. Fora da janela"));
}

TEST_P(WhatsAppTicketPageTest, AMessageIsShownAsTextNeverAsMarkup) {
  database->db().write([&](store::Connection& c) {
    add_inbound(c, cloud_message("w1", kWaId, "text", {{"body", "<script>alert('x')</script>"}}),
                at(0), "done", t.id);
    add_inbound(c, cloud_message("w2", kWaId, "<img>", {{"id", "1"}}), at(0), "done", t.id);
  });
  const auto s = section(page());
  EXPECT_THAT(s, HasSubstr("&lt;script&gt;alert("));
  EXPECT_THAT(s, HasSubstr("&lt;/script&gt;"));
  EXPECT_THAT(s, Not(HasSubstr("<script>")));
  EXPECT_THAT(s, Not(HasSubstr("<img>")));
}

TEST_P(WhatsAppTicketPageTest, WithoutAPhoneOrAChannelThereIsNoWhatsApp) {
  database->db().write([&](store::Connection& c) {
    add_inbound(c, cloud_message("w1", kWaId, "text", {{"body", "Oi"}}), at(0), "done", t.id);
    c.query("UPDATE people SET phone = NULL, notice_preference = 'request_channel' WHERE id = ?",
            {w.requester_seger.id});
  });
  const auto body = page();
  EXPECT_THAT(section(body), HasSubstr("Sem WhatsApp: o solicitante não tem celular cadastrado."));
  EXPECT_THAT(body, HasSubstr("Respostas públicas vão por e-mail."));
}

TEST_P(WhatsAppTicketPageTest, ATicketWithNothingOfWhatsAppHasNoSection) {
  const auto other = register_sis(w.requester_seger, "Pelo portal");
  database->db().write([&](store::Connection& c) {
    // The registration receipts went by WhatsApp (the requester prefers it):
    // without them `other` has no WhatsApp row of its own.
    c.query("DELETE FROM outbox WHERE channel = 'whatsapp'");
    // The person writes again: still waiting for the handler, not this ticket's.
    add_inbound(c, cloud_message("w9", kWaId, "text", {{"body", "Oi de novo"}}), at(1), "pending");
  });
  const auto body = get(carlos, "/atendimento/chamados/" + other.protocol).body;
  EXPECT_THAT(body, HasSubstr("Pelo portal"));
  EXPECT_THAT(body, Not(HasSubstr("Conversa no WhatsApp")));
  EXPECT_THAT(body, Not(HasSubstr("janela-whatsapp")));
}

TEST_P(WhatsAppTicketPageTest, TheRequesterDoesNotSeeIt) {
  database->db().write([&](store::Connection& c) {
    add_inbound(c, cloud_message("w1", kWaId, "text", {{"body", "Mensagem interna"}}), at(0),
                "done", t.id);
  });
  const auto maria = sign_in(w.requester_seger);
  const auto own = get(maria, "/chamados/" + t.protocol);
  EXPECT_EQ(own.status, 200);
  EXPECT_THAT(own.body, Not(HasSubstr("Conversa no WhatsApp")));
  EXPECT_EQ(get(maria, "/atendimento/chamados/" + t.protocol).status, 403);
  try {
    desk->tickets().whatsapp_conversation(as(w.requester_seger), t.id);
    ADD_FAILURE() << "a requester read the conversation";
  } catch (const DomainError& e) {
    EXPECT_EQ(e.kind(), DomainError::Kind::forbidden);
  }
  try {
    desk->tickets().whatsapp_conversation(as(w.requester_sesa), t.id);
    ADD_FAILURE() << "someone else's ticket";
  } catch (const DomainError& e) {
    EXPECT_EQ(e.kind(), DomainError::Kind::not_found);
  }
}

GUICHE_ON_BOTH_ENGINES(WhatsAppTicketPageTest);

}  // namespace
}  // namespace guiche::testing
