// Messages a crash left in doubt, in the administration (issue 17, item 2):
// the index warns of them, /admin/mensagens-em-duvida lists each with the two
// ways out (confirm the delivery, resend), only for admins and with CSRF.
#include <gmock/gmock.h>

#include "store/outbox_rows.hpp"
#include "support/web_server_test.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class OutboxInDoubtPagesTest : public WebServerTest {
 protected:
  // Two receipts cut off mid-send: `sending` past their lease, then settled.
  std::vector<std::int64_t> cut_off_two() {
    register_sis(w.requester_seger, "Acesso ao SIGEFES cortado");
    register_sis(w.requester_sesa, "Acesso ao SIGEFES também cortado");
    std::vector<std::int64_t> ids;
    database->db().write([&](store::Connection& c) {
      for (const auto& m : store::claim_due_messages(c, "email", clock.now(),
                                                     clock.now() + std::chrono::minutes(1), 2)) {
        ids.push_back(m.id);
      }
      store::settle_in_doubt(c, "email", clock.now() + std::chrono::minutes(2));
    });
    return ids;
  }
  std::string status_of(std::int64_t id) {
    std::string s;
    database->db().read([&](store::Connection& c) { s = store::load_message(c, id)->status; });
    return s;
  }
};

TEST_P(OutboxInDoubtPagesTest, TheAdminSeesThemAndConfirmsOneAndResendsTheOther) {
  const auto admin = sign_in(w.admin);
  EXPECT_THAT(get(admin, "/admin").body, Not(HasSubstr("em dúvida: o envio foi interrompido")));
  EXPECT_THAT(get(admin, "/admin/mensagens-em-duvida").body,
              HasSubstr("Nenhuma mensagem em dúvida"));
  const auto ids = cut_off_two();
  ASSERT_EQ(ids.size(), 2u);

  const auto index = get(admin, "/admin");
  EXPECT_THAT(index.body, HasSubstr("2 mensagem(ns) em dúvida: o envio foi interrompido."));
  EXPECT_THAT(index.body, HasSubstr("href=\"/admin/mensagens-em-duvida\""));
  const auto list = get(admin, "/admin/mensagens-em-duvida");
  ASSERT_EQ(list.status, 200);
  EXPECT_THAT(list.body, HasSubstr("podem ter chegado ou não"));
  const std::string base = "/admin/mensagens-em-duvida/";
  for (auto id : ids) {
    EXPECT_THAT(list.body, HasSubstr(base + std::to_string(id) + "/confirmar"));
    EXPECT_THAT(list.body, HasSubstr(base + std::to_string(id) + "/reenviar"));
  }

  const std::string confirm = base + std::to_string(ids[0]) + "/confirmar";
  EXPECT_EQ(post(admin, confirm, "csrf=errado").status, 403);
  EXPECT_EQ(status_of(ids[0]), "in_doubt");
  const auto confirmed = post(admin, confirm, "csrf=" + admin.csrf);
  EXPECT_EQ(confirmed.status, 303) << confirmed.body;
  EXPECT_EQ(status_of(ids[0]), "sent");
  const auto resent =
      post(admin, base + std::to_string(ids[1]) + "/reenviar", "csrf=" + admin.csrf);
  EXPECT_EQ(resent.status, 303) << resent.body;
  EXPECT_EQ(status_of(ids[1]), "pending");
  EXPECT_THAT(get(admin, "/admin/mensagens-em-duvida").body,
              HasSubstr("Nenhuma mensagem em dúvida"));
  // Confirming again what is no longer in doubt changes nothing.
  const auto again = post(admin, confirm, "csrf=" + admin.csrf);
  EXPECT_EQ(again.status, 400);
  EXPECT_THAT(again.body, HasSubstr("Só se confirma a entrega de uma mensagem em dúvida."));
  EXPECT_EQ(status_of(ids[0]), "sent");
  EXPECT_EQ(post(admin, base + "abc/confirmar", "csrf=" + admin.csrf).status, 404);
}

TEST_P(OutboxInDoubtPagesTest, OnlyAdminsSeeOrSettleThem) {
  const auto ids = cut_off_two();
  const auto attendant = sign_in(w.attendant);
  EXPECT_EQ(get(attendant, "/admin/mensagens-em-duvida").status, 403);
  EXPECT_EQ(post(attendant, "/admin/mensagens-em-duvida/" + std::to_string(ids[0]) + "/confirmar",
                 "csrf=" + attendant.csrf)
                .status,
            403);
  EXPECT_EQ(post(attendant, "/admin/mensagens-em-duvida/" + std::to_string(ids[0]) + "/reenviar",
                 "csrf=" + attendant.csrf)
                .status,
            403);
  EXPECT_EQ(status_of(ids[0]), "in_doubt");
}

GUICHE_ON_BOTH_ENGINES(OutboxInDoubtPagesTest);

}  // namespace
}  // namespace guiche::testing
