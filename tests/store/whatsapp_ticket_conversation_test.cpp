// A ticket's WhatsApp conversation (store/whatsapp_ticket_rows.hpp): the
// requester's messages attached to it and those of the requester's number
// still waiting or failed since it was registered, and the ticket's WhatsApp
// outbox rows to the requester, sent or not, in the order they happened; only
// the newest 200; every part read through an index.
#include <gmock/gmock.h>

#include "store/whatsapp_ticket_rows.hpp"
#include "support/desk_world.hpp"
#include "support/query_plan.hpp"
#include "support/whatsapp_ticket_messages.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kPhone = "+5527999990001";
constexpr const char* kOldForm = "552799990001";  // the same number, 12 digits

class WhatsAppTicketConversationTest : public DeskTest {
 protected:
  Instant at(int minutes) { return ticket.created_at + std::chrono::minutes(minutes); }
  nlohmann::json text(const std::string& wamid, const std::string& body,
                      const std::string& from = kOldForm) {
    return cloud_message(wamid, from, "text", {{"body", body}});
  }
  store::WhatsAppTicketQuery query(int limit = 200) {
    store::WhatsAppTicketQuery q;
    q.ticket_id = ticket.id;
    q.requester_id = w.requester_seger.id;
    q.numbers = {"5527999990001", kOldForm};
    q.since = ticket.created_at;
    q.limit = limit;
    return q;
  }
  std::vector<store::WhatsAppTicketMessage> conversation(int limit = 200) {
    std::vector<store::WhatsAppTicketMessage> out;
    database->db().read(
        [&](store::Connection& c) { out = store::whatsapp_ticket_conversation(c, query(limit)); });
    return out;
  }
  std::string plan(const std::string& sql, const std::vector<store::Value>& params) {
    return query_plan(database->db(), sql, params);
  }
  void SetUp() override {
    DeskTest::SetUp();
    ticket = register_sis(w.requester_seger, "Acesso pelo WhatsApp");
    other = register_sis(w.requester_seger, "Outro chamado");
  }
  Ticket ticket, other;
};

TEST_P(WhatsAppTicketConversationTest, MessagesBothWaysInTheOrderTheyHappened) {
  database->db().write([&](store::Connection& c) {
    add_inbound(c, text("w-before", "antes do chamado"), at(-5), "pending");
    add_inbound(c, text("w1", "Não consigo entrar"), at(1), "done", ticket.id);
    auto reply = add_outbound(c, ticket.id, w.requester_seger.id, kPhone, "Qual o erro?", at(2),
                              "agent_reply");
    accept_outbound(c, reply, "wamid.out1", at(2));
    store::record_whatsapp_status(c, "wamid.out1", "read", at(3), std::nullopt, "");
    add_inbound(c, text("w2", "Senha expirada"), at(4), "done", ticket.id);
    add_inbound(c, text("w-other", "do outro chamado"), at(4), "done", other.id);
    add_outbound(c, ticket.id, w.requester_seger.id, kPhone, "Na fila", at(5));
    add_outbound(c, ticket.id, w.requester_seger.id, "maria@seger.es.gov.br", "por e-mail", at(5),
                 "agent_reply", "email");
    add_outbound(c, ticket.id, w.attendant.id, "+5527988880000", "aviso ao atendente", at(5),
                 "sla_warning");
    add_inbound(c, text("w3", "mais uma coisa"), at(6), "pending");
    add_inbound(c, text("w4", "não deu"), at(7), "failed", std::nullopt, "erro ao registrar");
    add_inbound(c, text("w5", "outro número", "5527988887777"), at(7), "pending");
    add_inbound(c, text("w6", "já tratada, sem chamado"), at(8), "done");
  });
  const auto m = conversation();
  ASSERT_EQ(m.size(), 6u);
  EXPECT_TRUE(m[0].inbound);
  EXPECT_THAT(m[0].item, HasSubstr("Não consigo entrar"));
  EXPECT_FALSE(m[1].inbound);
  EXPECT_EQ(m[1].text_body, "Qual o erro?");
  ASSERT_TRUE(m[1].delivery.has_value());
  EXPECT_EQ(m[1].delivery->status, "read");
  EXPECT_EQ(m[1].delivery->kind, "free_form");
  EXPECT_THAT(m[2].item, HasSubstr("Senha expirada"));
  EXPECT_EQ(m[3].text_body, "Na fila");
  EXPECT_EQ(m[3].outbox_status, "pending");
  EXPECT_FALSE(m[3].delivery.has_value());
  EXPECT_THAT(m[4].item, HasSubstr("mais uma coisa"));
  EXPECT_EQ(m[4].state, "pending");
  EXPECT_THAT(m[5].item, HasSubstr("não deu"));
  EXPECT_EQ(m[5].state, "failed");
  EXPECT_EQ(m[5].last_error.value_or(""), "erro ao registrar");
}

TEST_P(WhatsAppTicketConversationTest, OnlyTheNewest200OldestFirst) {
  database->db().write([&](store::Connection& c) {
    for (int i = 0; i < 150; ++i) {
      add_inbound(c, text("w" + std::to_string(i), "m" + std::to_string(i)), at(2 * i), "done",
                  ticket.id);
      add_outbound(c, ticket.id, w.requester_seger.id, kPhone, "r" + std::to_string(i),
                   at(2 * i + 1));
    }
  });
  const auto m = conversation();
  ASSERT_EQ(m.size(), 200u);
  // 300 messages: the first 100 (m0, r0 … m49, r49) are left out.
  EXPECT_TRUE(m.front().inbound);
  EXPECT_THAT(m.front().item, HasSubstr("\"m50\""));
  EXPECT_EQ(m.back().text_body, "r149");
  for (std::size_t i = 1; i < m.size(); ++i) EXPECT_LE(m[i - 1].at, m[i].at);
  EXPECT_EQ(conversation(3).size(), 3u);
  EXPECT_EQ(conversation(3).back().text_body, "r149");
}

TEST_P(WhatsAppTicketConversationTest, EveryPartIsReadThroughAnIndex) {
  const std::int64_t id = ticket.id, limit = 200, since = 0;
  for (const auto& p : {plan(store::whatsapp_ticket_attached_sql(), {id, limit}),
                        plan(store::whatsapp_ticket_unattached_sql(2),
                             {std::string("5527999990001"), std::string(kOldForm), since, limit}),
                        plan(store::whatsapp_ticket_outbound_sql(), {id, id, limit})}) {
    EXPECT_THAT(p, Not(HasSubstr("Seq Scan"))) << p;
    EXPECT_THAT(p, Not(::testing::ContainsRegex("SCAN [a-z_]+( AS [a-z]+)?\n"))) << p;
  }
  if (GetParam() == Engine::sqlite) {
    EXPECT_THAT(plan(store::whatsapp_ticket_attached_sql(), {id, limit}),
                HasSubstr("whatsapp_inbound_ticket"));
    EXPECT_THAT(plan(store::whatsapp_ticket_unattached_sql(2),
                     {std::string("a"), std::string("b"), since, limit}),
                HasSubstr("whatsapp_inbound_number"));
    const auto out = plan(store::whatsapp_ticket_outbound_sql(), {id, id, limit});
    EXPECT_THAT(out, HasSubstr("outbox_ticket"));
    EXPECT_THAT(out, HasSubstr("whatsapp_messages_outbox"));
  }
}

GUICHE_ON_BOTH_ENGINES(WhatsAppTicketConversationTest);

}  // namespace
}  // namespace guiche::testing
