// Scheduled reports (app/reports/report_subscriptions.hpp) on both engines:
// who may subscribe and to what; each period sent once, when it has ended,
// with its files in the outbox row; a subscriber who may no longer read the
// report stops receiving it; only one's own subscription is cancelled.
#include <gmock/gmock.h>

#include "app/directory/directory.hpp"
#include "app/expect_error.hpp"
#include "app/reports/report_subscriptions.hpp"
#include "domain/report_day.hpp"
#include "mail/attachment_payload.hpp"
#include "store/outbox_rows.hpp"
#include "support/desk_world.hpp"

namespace guiche::testing {
namespace {

class ReportSubscriptionsTest : public DeskTest {
 protected:
  void SetUp() override {
    DeskTest::SetUp();
    desk->report_subscriptions().set_writer(
        [this](const app::Actor& a, const std::string& report, const app::ReportFilters& q) {
          std::string filters;
          for (const auto& [name, value] : q) {
            if (name != "from" && name != "to") filters += " " + name + "=" + value;
          }
          written.push_back(report + " " + q.at("from") + "/" + q.at("to") + " " + a.person.name +
                            filters);
          return app::ReportMail{"Relatório " + report,
                                 "Resumo",
                                 "<p>Resumo</p>",
                                 {{"sla-severidades.csv", "text/csv; charset=UTF-8", "a;b\r\n"}}};
        });
  }
  std::vector<store::OutboxMessage> reports_sent() {
    std::vector<store::OutboxMessage> out;
    database->db().read([&](store::Connection& c) {
      for (const auto& m : store::list_messages(c, "", std::nullopt, 100)) {
        if (m.template_key == "report_scheduled") out.push_back(m);
      }
    });
    return out;
  }
  std::vector<std::string> written;
};

TEST_P(ReportSubscriptionsTest, EachEndedPeriodGoesOnceWithItsFiles) {
  // Monday 2 March 2026, 09:00 in Vitória.
  auto& subs = desk->report_subscriptions();
  const auto s = subs.subscribe(as(w.admin), "sla", "monthly", {});
  EXPECT_EQ(s.next_run_at, parse_instant("2026-04-01T07:00-03:00").value());
  const auto weekly = subs.subscribe(as(w.admin), "volume", "weekly", {});
  EXPECT_EQ(weekly.next_run_at, parse_instant("2026-03-09T07:00-03:00").value());
  EXPECT_EQ(subs.send_due(), 0);  // nothing has ended yet

  clock.set(parse_instant("2026-03-09T06:59-03:00").value());
  EXPECT_EQ(subs.send_due(), 0);
  clock.set(parse_instant("2026-03-09T07:00-03:00").value());
  EXPECT_EQ(subs.send_due(), 1);
  EXPECT_THAT(written, ::testing::ElementsAre("volume 2026-03-02/2026-03-08 " + w.admin.name));
  EXPECT_EQ(subs.send_due(), 0);  // once

  clock.set(parse_instant("2026-04-01T08:30-03:00").value());
  // The last whole week (a server down meanwhile sends no older one), and the month.
  EXPECT_EQ(subs.send_due(), 2);
  EXPECT_EQ(written[1], "volume 2026-03-23/2026-03-29 " + w.admin.name);
  EXPECT_EQ(written[2], "sla 2026-03-01/2026-03-31 " + w.admin.name);
  const auto sent = reports_sent();
  ASSERT_EQ(sent.size(), 3u);
  for (const auto& m : sent) {
    EXPECT_EQ(m.channel, "email");
    EXPECT_EQ(m.recipient_address, w.admin.emails.front());
    ASSERT_TRUE(m.payload.has_value());
    const auto files = mail::attachments_from_payload(*m.payload);
    ASSERT_EQ(files.size(), 1u);
    EXPECT_EQ(files[0].content, "a;b\r\n");
  }
  const auto mine = subs.mine(as(w.admin));
  ASSERT_EQ(mine.size(), 2u);
  EXPECT_EQ(mine[0].last_period, "2026-03-01/2026-03-31");
  EXPECT_EQ(mine[0].next_run_at, parse_instant("2026-05-01T07:00-03:00").value());
}

TEST_P(ReportSubscriptionsTest, OnlyThoseWhoReadReportsSubscribeAndOnlyToWhatTheyRead) {
  auto& subs = desk->report_subscriptions();
  EXPECT_EQ(outcome([&] { subs.subscribe(as(w.requester_seger), "sla", "monthly", {}); }),
            "forbidden");
  EXPECT_EQ(outcome([&] { subs.subscribe(as(w.analyst_sis), "sla", "weekly", {}); }), "forbidden");
  EXPECT_EQ(outcome([&] { subs.subscribe(as(w.admin), "tudo", "weekly", {}); }), "validation");
  EXPECT_EQ(outcome([&] { subs.subscribe(as(w.admin), "sla", "daily", {}); }), "validation");
  const app::ReportFilters other_unit{{"unit", std::to_string(w.sgdba.id)}};  // not below GESIN
  EXPECT_EQ(outcome([&] { subs.subscribe(as(w.manager_gesin), "sla", "weekly", other_unit); }),
            "not_found");
  EXPECT_EQ(
      outcome([&] { subs.subscribe(as(w.manager_gesin), "incidentes", "weekly", other_unit); }),
      "not_found");
  const app::ReportFilters other_org{{"organization", std::to_string(w.sesa.id)}};
  EXPECT_EQ(outcome([&] { subs.subscribe(as(w.manager_seger), "sla", "weekly", other_org); }),
            "not_found");
  // A filter the report does not read, a malformed one.
  EXPECT_EQ(outcome([&] {
              subs.subscribe(as(w.admin), "carta", "weekly", {{"severity", "Alta"}});
            }),
            "validation");
  EXPECT_EQ(outcome([&] {
              subs.subscribe(as(w.admin), "manifestacoes", "weekly", {{"kind", "queixa"}});
            }),
            "validation");
  // The manifestações are the ouvidoria's, the leadership's and the admins'.
  EXPECT_EQ(outcome([&] { subs.subscribe(as(w.manager_gesin), "manifestacoes", "weekly", {}); }),
            "forbidden");
  EXPECT_EQ(count("report_subscriptions"), 0);
  subs.subscribe(as(w.manager_seger), "volume", "weekly", {});
  EXPECT_EQ(count("report_subscriptions"), 1);
}

TEST_P(ReportSubscriptionsTest, EveryReportIsSubscribedWithItsOwnFilters) {
  auto& subs = desk->report_subscriptions();
  subs.subscribe(as(w.manager_gesin), "incidentes", "monthly",
                 {{"unit", std::to_string(w.sgsis.id)}});
  subs.subscribe(as(w.admin), "manifestacoes", "monthly",
                 {{"kind", "complaint"}, {"service", std::to_string(w.support.id)}});
  subs.subscribe(as(w.admin), "satisfacao", "monthly", {{"severity", "Alta"}});
  subs.subscribe(as(w.admin), "carta", "monthly", {{"service", std::to_string(w.support.id)}});
  clock.set(parse_instant("2026-04-01T07:00-03:00").value());
  EXPECT_EQ(subs.send_due(), 4);
  EXPECT_THAT(written, ::testing::UnorderedElementsAre(
                           "incidentes 2026-03-01/2026-03-31 " + w.manager_gesin.name +
                               " unit=" + std::to_string(w.sgsis.id),
                           "manifestacoes 2026-03-01/2026-03-31 " + w.admin.name +
                               " kind=complaint service=" + std::to_string(w.support.id),
                           "satisfacao 2026-03-01/2026-03-31 " + w.admin.name + " severity=Alta",
                           "carta 2026-03-01/2026-03-31 " + w.admin.name +
                               " service=" + std::to_string(w.support.id)));
}

TEST_P(ReportSubscriptionsTest, OneWhoMayNoLongerReadTheReportStopsReceivingIt) {
  auto& subs = desk->report_subscriptions();
  subs.subscribe(as(w.manager_gesin), "sla", "weekly", {});
  auto demoted = w.manager_gesin;
  demoted.roles = {{Role::analyst, w.gesin.id}};
  desk->directory().update_person(as(w.admin), demoted);
  clock.set(parse_instant("2026-03-09T07:00-03:00").value());
  EXPECT_EQ(subs.send_due(), 0);
  EXPECT_TRUE(written.empty());
  EXPECT_EQ(count("report_subscriptions"), 0);
}

TEST_P(ReportSubscriptionsTest, OnlyOnesOwnSubscriptionIsCancelled) {
  auto& subs = desk->report_subscriptions();
  const auto s = subs.subscribe(as(w.admin), "sla", "monthly", {});
  EXPECT_EQ(outcome([&] { subs.cancel(as(w.manager_gesin), s.id); }), "not_found");
  EXPECT_EQ(count("report_subscriptions"), 1);
  subs.cancel(as(w.admin), s.id);
  EXPECT_EQ(count("report_subscriptions"), 0);
  EXPECT_EQ(outcome([&] { subs.cancel(as(w.admin), s.id); }), "not_found");
}

GUICHE_ON_BOTH_ENGINES(ReportSubscriptionsTest);

}  // namespace
}  // namespace guiche::testing
