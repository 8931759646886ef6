// Notices leave by the channel the person prefers or the one the request came
// through (app/notices/notice_route.hpp), on a desk that runs both e-mail and
// WhatsApp transports: the outbox row names the channel and the address.
#include <gmock/gmock.h>

#include "app/directory/directory.hpp"
#include "app/intake/intake.hpp"
#include "store/outbox_rows.hpp"
#include "support/desk_world.hpp"

namespace guiche::testing {
namespace {

class NoticePreferenceTest : public DeskTest {
 protected:
  app::DeskConfig desk_config() override {
    auto c = DeskTest::desk_config();
    c.notice_channels = {"email", "whatsapp"};
    return c;
  }
  // "channel -> address" of the ticket's registration notice.
  std::string receipt_of(std::int64_t ticket_id) {
    std::vector<store::OutboxMessage> messages;
    database->db().read(
        [&](store::Connection& c) { messages = store::messages_of_ticket(c, ticket_id); });
    for (const auto& m : messages) {
      if (m.template_key == "registration") return m.channel + " -> " + m.recipient_address;
    }
    return "none";
  }
  Ticket register_by(Channel channel) {
    app::RegisterRequest r;
    r.requester_id = w.requester_seger.id;
    r.service_code = "SUP-TEC";
    r.subject = "Impressora parada";
    r.description = "A impressora do 3º andar não imprime.";
    r.channel = channel;
    return desk->intake().register_request(as(w.attendant, channel), r);
  }
  void prefer(NoticePreference p) {
    w.requester_seger.phone = "+55 27 99999-0000";
    w.requester_seger.notice_preference = p;
    w.requester_seger = desk->directory().update_person(as(w.admin), w.requester_seger);
  }
};

TEST_P(NoticePreferenceTest, ByDefaultTheRequestsOwnChannel) {
  prefer(NoticePreference::request_channel);
  EXPECT_EQ(receipt_of(register_by(Channel::whatsapp).id), "whatsapp -> +5527999990000");
  EXPECT_EQ(receipt_of(register_by(Channel::phone).id), "email -> maria@seger.es.gov.br");
}

TEST_P(NoticePreferenceTest, AStatedPreferenceWins) {
  prefer(NoticePreference::email);
  EXPECT_EQ(receipt_of(register_by(Channel::whatsapp).id), "email -> maria@seger.es.gov.br");
  prefer(NoticePreference::whatsapp);
  EXPECT_EQ(receipt_of(register_by(Channel::phone).id), "whatsapp -> +5527999990000");
  EXPECT_EQ(desk->directory().person(as(w.admin), w.requester_seger.id).notice_preference,
            NoticePreference::whatsapp);
}

GUICHE_ON_BOTH_ENGINES(NoticePreferenceTest);

}  // namespace
}  // namespace guiche::testing
