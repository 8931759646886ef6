// A channel that stopped working (the WhatsApp token refused, store/
// channel_health_rows.hpp) shows on the administration's index, with its
// reason and since when, until it works again.
#include <gmock/gmock.h>

#include "store/channel_health_rows.hpp"
#include "support/web_server_test.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class ChannelHealthPageTest : public WebServerTest {};

TEST_P(ChannelHealthPageTest, TheAdminSeesABrokenChannelUntilItWorks) {
  const Browser admin = sign_in(w.admin);
  EXPECT_THAT(get(admin, "/admin").body, Not(HasSubstr("Canal parado")));
  database->db().write([&](store::Connection& c) {
    store::mark_channel_broken(c, "whatsapp", "A API do WhatsApp recusou o token <190>.",
                               clock.now());
  });
  const auto page = get(admin, "/admin").body;
  EXPECT_THAT(page, HasSubstr("Canal parado: whatsapp (desde 02/03/2026 às 09:00)"));
  EXPECT_THAT(page, HasSubstr("recusou o token &lt;190&gt;."));
  database->db().write([&](store::Connection& c) { store::mark_channel_working(c, "whatsapp"); });
  EXPECT_THAT(get(admin, "/admin").body, Not(HasSubstr("Canal parado")));
}

GUICHE_ON_BOTH_ENGINES(ChannelHealthPageTest);

}  // namespace
}  // namespace guiche::testing
