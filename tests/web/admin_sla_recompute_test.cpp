// The SLA page (/admin/sla) tells the admin how far the recompute of the
// clocks a change started is (role=status, pt-BR, figures grouped), and once
// finished how long the last one took; nothing before any ran.
#include <gmock/gmock.h>

#include "app/sla/sla_admin.hpp"
#include "app/sla/sla_recompute.hpp"
#include "support/web_server_test.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class AdminSlaRecomputeTest : public WebServerTest {};

TEST_P(AdminSlaRecomputeTest, TheSlaPageShowsTheRecomputeProgress) {
  register_sis(w.requester_seger);
  const auto admin = sign_in(w.admin);
  auto page = get(admin, "/admin/sla");
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, Not(HasSubstr("id=\"recalculo\"")));

  desk->sla().update_sla_configuration(as(w.admin),
                                       sla::to_json(desk->sla().sla_configuration(as(w.admin))));
  // Figures as an admin reads them at scale: grouped, with the share done.
  database->db().write([](store::Connection& c) {
    c.query("UPDATE sla_recompute SET total = 98765, done = 12345");
  });
  page = get(admin, "/admin/sla");
  EXPECT_THAT(page.body,
              HasSubstr("<div class=\"br-message info\" role=\"status\" id=\"recalculo\">"));
  EXPECT_THAT(page.body,
              HasSubstr("Recalculando os prazos após configuração de ANS alterada: 12.345 de "
                        "98.765 chamados (12 %), iniciado em 02/03/2026 às 09:00."));

  database->db().write(
      [](store::Connection& c) { c.query("UPDATE sla_recompute SET total = 1, done = 0"); });
  clock.advance(std::chrono::seconds(75));
  desk->sla_recompute().run_until_done();
  page = get(admin, "/admin/sla");
  EXPECT_THAT(page.body, HasSubstr("role=\"status\" id=\"recalculo\""));
  EXPECT_THAT(page.body, HasSubstr("Último recálculo dos prazos (configuração de ANS alterada): "));
  // One ticket is "1 chamado".
  EXPECT_THAT(page.body, HasSubstr(": 1 chamado em 1 min 15 s, concluído em 02/03/2026 às 09:01."));
  // Under a second reads "< 1 s", not "0 s".
  desk->sla().update_sla_configuration(as(w.admin),
                                       sla::to_json(desk->sla().sla_configuration(as(w.admin))));
  desk->sla_recompute().run_until_done();
  EXPECT_THAT(get(admin, "/admin/sla").body, HasSubstr(": 1 chamado em &lt; 1 s, concluído em"));
  EXPECT_EQ(get(sign_in(w.analyst_sis), "/admin/sla").status, 403);
}

GUICHE_ON_BOTH_ENGINES(AdminSlaRecomputeTest);

}  // namespace
}  // namespace guiche::testing
