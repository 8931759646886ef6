// Scheduled reports through the real server: the form under a report
// subscribes with the filters on screen; the list shows and cancels one's
// own; the e-mail the server writes (web/reports/report_mail.hpp) carries
// each table as the very CSV the page downloads, the summary and the link.
#include <gmock/gmock.h>

#include "app/intake/intake.hpp"
#include "app/privacy/access_log.hpp"
#include "app/reports/report_subscriptions.hpp"
#include "app/tickets/ticket_work.hpp"
#include "mail/attachment_payload.hpp"
#include "store/outbox_rows.hpp"
#include "support/web_server_test.hpp"
#include "web/reports/report_mail.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class ReportSubscriptionPagesTest : public WebServerTest {
 protected:
  std::unique_ptr<web::WebContext> mail_pages;
  void SetUp() override {
    WebServerTest::SetUp();
    mail_pages = std::make_unique<web::WebContext>(*desk, GUICHE_WEB_DIR, false);
    desk->report_subscriptions().set_writer(
        [this](const app::Actor& a, const std::string& report, const app::ReportFilters& q) {
          return web::report_mail(*mail_pages, a, report, q);
        });
  }
  // A ticket of March 2026 at SGSIS, resolved in 30 minutes.
  std::int64_t one_ticket() {
    app::RegisterRequest r;
    r.requester_id = w.requester_seger.id;
    r.service_code = "SUP-TEC";
    r.category = Category::service_request;
    r.subject = "Impressora";
    r.description = "Não imprime.";
    r.impact = 1;
    r.urgency = 1;
    const auto t = desk->intake().register_request(as(w.requester_seger), r);
    desk->work().route(as(w.attendant), t.id, w.sgsis.id, std::nullopt);
    clock.advance(std::chrono::minutes(30));
    desk->work().resolve(as(w.attendant), t.id, "Feito.", 5);
    return t.id;
  }
};

TEST_P(ReportSubscriptionPagesTest, TheFormSubscribesWithTheFiltersAndTheMailCarriesThePagesCsv) {
  one_ticket();
  const auto browser = sign_in(w.admin);
  const std::string unit = std::to_string(w.sgsis.id);
  const auto page = get(browser, "/relatorios/sla?unidade=" + unit);
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("action=\"/relatorios/assinaturas\""));
  EXPECT_THAT(page.body, HasSubstr("name=\"unidade\" value=\"" + unit + "\""));

  const auto done =
      post(browser, "/relatorios/assinaturas",
           "csrf=" + browser.csrf + "&relatorio=sla&frequencia=monthly&unidade=" + unit);
  EXPECT_EQ(done.status, 303);
  EXPECT_EQ(done.headers.at("location"), "/relatorios/assinaturas?assinado=1");
  const auto list = get(browser, "/relatorios/assinaturas?assinado=1");
  ASSERT_EQ(list.status, 200);
  EXPECT_THAT(list.body, HasSubstr("Cumprimento de SLA"));
  EXPECT_THAT(list.body, HasSubstr("mensal"));
  EXPECT_THAT(list.body, HasSubstr("01/04/2026"));  // the next sending

  clock.set(parse_instant("2026-04-01T07:00-03:00").value());
  ASSERT_EQ(desk->report_subscriptions().send_due(), 1);
  std::optional<store::OutboxMessage> sent;
  database->db().read([&](store::Connection& c) {
    for (auto& m : store::list_messages(c, "", std::nullopt, 50)) {
      if (m.template_key == "report_scheduled") sent = m;
    }
  });
  ASSERT_TRUE(sent.has_value());
  EXPECT_EQ(sent->subject, "Relatório: Cumprimento de SLA — 01/03/2026 a 31/03/2026");
  EXPECT_THAT(sent->text_body, HasSubstr("Com prazo no período: 1"));
  EXPECT_THAT(sent->text_body,
              HasSubstr("/relatorios/sla?de=01/03/2026&ate=31/03/2026&unidade=" + unit));
  const auto files = mail::attachments_from_payload(sent->payload.value_or(""));
  ASSERT_GE(files.size(), 2u);
  EXPECT_EQ(files[0].filename, "sla-severidades-2026-03-01_2026-03-31.csv");
  // A month later the morning's session has long expired.
  const auto csv = get(sign_in(w.admin),
                       "/relatorios/sla.csv?tabela=severidades&de=01/03/2026"
                       "&ate=31/03/2026&unidade=" +
                           unit);
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(files[0].content, csv.body);
}

TEST_P(ReportSubscriptionPagesTest, EveryOtherReportIsSubscribedToo) {
  const auto ticket = one_ticket();
  desk->work().evaluate(as(w.requester_seger), ticket, 4, "Resolveram rápido.");
  const auto browser = sign_in(w.admin);
  for (const auto& [report, title, table] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {"satisfacao", "Satisfação", "distribuicao"},
           {"carta", "Painel da Carta", "servicos"},
           {"incidentes", "Incidentes", "resumo"},
           {"manifestacoes", "Manifestações", "prazos"}}) {
    SCOPED_TRACE(report);
    const auto page = get(browser, "/relatorios/" + report);
    ASSERT_EQ(page.status, 200);
    EXPECT_THAT(page.body, HasSubstr("name=\"relatorio\" value=\"" + report + "\""));
    EXPECT_EQ(post(browser, "/relatorios/assinaturas",
                   "csrf=" + browser.csrf + "&relatorio=" + report + "&frequencia=monthly")
                  .status,
              303);
    EXPECT_THAT(get(browser, "/relatorios/assinaturas").body, HasSubstr(title));
  }
  clock.set(parse_instant("2026-04-01T07:00-03:00").value());
  ASSERT_EQ(desk->report_subscriptions().send_due(), 4);
  std::map<std::string, store::OutboxMessage> sent;
  database->db().read([&](store::Connection& c) {
    for (auto& m : store::list_messages(c, "", std::nullopt, 50)) {
      if (m.template_key == "report_scheduled") sent[m.subject] = m;
    }
  });
  const auto& satisfaction = sent.at("Relatório: Satisfação — 01/03/2026 a 31/03/2026");
  EXPECT_THAT(satisfaction.text_body, HasSubstr("Perguntados: 1"));
  // The comment it carried is its requester's words: the read is logged.
  desk->access_log().flush();
  EXPECT_EQ(count("access_log WHERE object_kind = 'rating_comment' AND channel = 'email' AND "
                  "subject_person_id = " +
                  std::to_string(w.requester_seger.id)),
            1);
  auto files = mail::attachments_from_payload(satisfaction.payload.value_or(""));
  ASSERT_EQ(files.size(), 4u);
  EXPECT_EQ(files[0].filename, "satisfacao-distribuicao-2026-03-01_2026-03-31.csv");
  const auto admin = sign_in(w.admin);
  EXPECT_EQ(
      files[0].content,
      get(admin, "/relatorios/satisfacao.csv?tabela=distribuicao&de=01/03/2026&ate=31/03/2026")
          .body);
  const auto& charter = sent.at("Relatório: Painel da Carta — 01/03/2026 a 31/03/2026");
  files = mail::attachments_from_payload(charter.payload.value_or(""));
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].content,
            get(admin, "/relatorios/carta.csv?tabela=servicos&de=01/03/2026&ate=31/03/2026").body);
  for (const auto& [report, title, table] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {"incidentes", "Incidentes", "resumo"}, {"manifestacoes", "Manifestações", "prazos"}}) {
    const auto& m = sent.at("Relatório: " + title + " — 01/03/2026 a 31/03/2026");
    EXPECT_THAT(m.text_body, HasSubstr("/relatorios/" + report + "?de=01/03/2026&ate=31/03/2026"));
    files = mail::attachments_from_payload(m.payload.value_or(""));
    ASSERT_GE(files.size(), 2u) << report;
    EXPECT_EQ(files[0].filename, report + "-" + table + "-2026-03-01_2026-03-31.csv");
    EXPECT_EQ(files[0].content, get(admin, "/relatorios/" + report + ".csv?tabela=" + table +
                                               "&de=01/03/2026&ate=31/03/2026")
                                    .body);
  }
}

TEST_P(ReportSubscriptionPagesTest, OnlyOnesOwnAreListedAndCancelled) {
  const auto admin = sign_in(w.admin);
  ASSERT_EQ(post(admin, "/relatorios/assinaturas",
                 "csrf=" + admin.csrf + "&relatorio=volume&frequencia=weekly")
                .status,
            303);
  const auto id = desk->report_subscriptions().mine(as(w.admin)).at(0).id;
  const std::string cancel = "/relatorios/assinaturas/" + std::to_string(id) + "/cancelar";
  const auto manager = sign_in(w.manager_gesin);
  EXPECT_THAT(get(manager, "/relatorios/assinaturas").body, Not(HasSubstr("Volume e estoque")));
  EXPECT_EQ(post(manager, cancel, "csrf=" + manager.csrf).status, 404);
  EXPECT_EQ(post(admin, cancel, "csrf=wrong").status, 403);  // CSRF
  EXPECT_EQ(count("report_subscriptions"), 1);
  EXPECT_EQ(post(admin, cancel, "csrf=" + admin.csrf).status, 303);
  EXPECT_EQ(count("report_subscriptions"), 0);
  EXPECT_THAT(get(admin, "/relatorios/assinaturas?cancelado=1").body,
              HasSubstr("Assinatura cancelada"));
}

TEST_P(ReportSubscriptionPagesTest, ThoseWhoReadNoReportsNeitherListNorSubscribe) {
  const auto requester = sign_in(w.requester_seger);
  EXPECT_EQ(get(requester, "/relatorios/assinaturas").status, 403);
  EXPECT_EQ(post(requester, "/relatorios/assinaturas",
                 "csrf=" + requester.csrf + "&relatorio=sla&frequencia=weekly")
                .status,
            403);
  const auto admin = sign_in(w.admin);
  EXPECT_EQ(post(admin, "/relatorios/assinaturas",
                 "csrf=" + admin.csrf + "&relatorio=sla&frequencia=daily")
                .status,
            400);  // only a tampered form sends another frequency
  EXPECT_EQ(count("report_subscriptions"), 0);
}

GUICHE_ON_BOTH_ENGINES(ReportSubscriptionPagesTest);

}  // namespace
}  // namespace guiche::testing
