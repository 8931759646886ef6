// The public status page, a notice's page, the Atom feed and the
// Statuspage-shaped JSON, over HTTP: no sign-in needed; drafts never shown;
// an incident confirmed for one organization shown only to its people and
// the staff; every published update an entry of the feed.
#include <gmock/gmock.h>

#include "app/incidents/status_notices.hpp"
#include "support/incident_world.hpp"
#include "support/web_server_test.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class StatusPageTest : public WebServerTest {
 protected:
  void SetUp() override {
    WebServerTest::SetUp();
    i = add_incident_world(*desk, w, as(w.admin));
  }
  app::NoticeView act(const Person& by, std::int64_t id, NoticeAction action) {
    app::NoticeStep s;
    s.action = action;
    s.organization_id = w.sesa.id;
    s.position = "Diretor Técnico";
    return desk->status_notices().act(as(by), id, s);
  }
  std::int64_t incident(const StatusComponent& c, const std::string& impact) {
    app::ReportIncident r;
    r.component_ids = {c.id};
    r.impact = impact;
    return desk->status_notices().report_incident(as(w.attendant), r).notice.id;
  }
  HttpResult anonymous(const std::string& target) { return http_request(port, "GET", target); }
  IncidentWorld i;
};

TEST_P(StatusPageTest, ShowsWhatWasPublishedToAnyoneAndNeverADraft) {
  const auto id = incident(i.sigefes, "o lançamento da folha");
  act(w.analyst_sis, id, NoticeAction::confirm_general);  // a draft
  auto page = anonymous("/status");
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("Todos os serviços operando normalmente"));
  EXPECT_THAT(page.body, Not(HasSubstr("lançamento da folha")));
  EXPECT_EQ(anonymous("/status/comunicados/" + std::to_string(id)).status, 404);

  act(i.ascom, id, NoticeAction::publish);
  page = anonymous("/status");
  EXPECT_THAT(page.body, HasSubstr("Indisponibilidade em andamento"));
  EXPECT_THAT(page.body, HasSubstr("pode afetar o lançamento da folha."));
  EXPECT_THAT(page.body, HasSubstr("horário de Brasília"));
  const auto notice = anonymous("/status/comunicados/" + std::to_string(id));
  EXPECT_EQ(notice.status, 200);
  EXPECT_THAT(notice.body, HasSubstr("Aviso de Indisponibilidade"));

  auto summary = anonymous("/status/api/v2/summary.json");
  ASSERT_EQ(summary.status, 200);
  const auto json = summary.json();
  EXPECT_EQ(json["status"]["indicator"], "major");
  ASSERT_EQ(json["incidents"].size(), 1u);
  EXPECT_EQ(json["incidents"][0]["status"], "identified");
  EXPECT_EQ(json["incidents"][0]["impact"], "major");
  EXPECT_THAT(json["incidents"][0]["incident_updates"][0]["body"].get<std::string>(),
              HasSubstr("detectamos uma instabilidade no SIGEFES"));
  bool sigefes_down = false;
  for (const auto& c : json["components"]) {
    if (c["name"] == "SIGEFES") sigefes_down = c["status"] == "major_outage";
  }
  EXPECT_TRUE(sigefes_down);
  EXPECT_EQ(anonymous("/status/api/v2/status.json").json()["status"]["indicator"], "major");

  act(w.analyst_sis, id, NoticeAction::restore);
  act(i.ascom, id, NoticeAction::publish);
  const auto feed = anonymous("/status/feed.atom");
  ASSERT_EQ(feed.status, 200);
  EXPECT_THAT(feed.headers.at("content-type"), HasSubstr("application/atom+xml"));
  // Each update an entry: the confirmation and the restoration.
  std::size_t entries = 0;
  for (auto at = feed.body.find("<entry>"); at != std::string::npos;
       at = feed.body.find("<entry>", at + 1)) {
    ++entries;
  }
  EXPECT_EQ(entries, 2u);
  EXPECT_THAT(feed.body, HasSubstr("Serviço Restabelecido"));
  EXPECT_EQ(anonymous("/status/api/v2/incidents.json").json()["incidents"][0]["status"],
            "resolved");
  EXPECT_THAT(anonymous("/status").body, HasSubstr("Últimos 90 dias"));
}

TEST_P(StatusPageTest, AnIncidentOfOneOrganizationIsShownToItsPeopleAndTheStaffOnly) {
  const auto id = incident(i.network, "a rede da Saúde");
  act(w.analyst_dba, id, NoticeAction::confirm_organization);  // SESA
  act(i.ascom, id, NoticeAction::publish);
  EXPECT_THAT(anonymous("/status").body, Not(HasSubstr("a rede da Saúde")));
  EXPECT_EQ(anonymous("/status/comunicados/" + std::to_string(id)).status, 404);
  EXPECT_EQ(anonymous("/status/api/v2/summary.json").json()["incidents"].size(), 0u);
  EXPECT_THAT(anonymous("/status/feed.atom").body, Not(HasSubstr("<entry>")));

  const auto sesa = sign_in(i.manager_sesa);
  EXPECT_THAT(get(sesa, "/status").body, HasSubstr("a rede da Saúde"));
  EXPECT_EQ(get(sesa, "/status/comunicados/" + std::to_string(id)).status, 200);
  const auto seger = sign_in(w.manager_seger);
  EXPECT_THAT(get(seger, "/status").body, Not(HasSubstr("a rede da Saúde")));
  EXPECT_THAT(get(sign_in(w.attendant), "/status").body, HasSubstr("a rede da Saúde"));
}

TEST_P(StatusPageTest, AComponentsFeedHoldsOnlyItsNotices) {
  const auto a = incident(i.sigefes, "a folha");
  act(w.analyst_sis, a, NoticeAction::confirm_general);
  act(i.ascom, a, NoticeAction::publish);
  const auto feed = anonymous("/status/componentes/" + std::to_string(i.network.id) + "/feed.atom");
  ASSERT_EQ(feed.status, 200);
  EXPECT_THAT(feed.body, Not(HasSubstr("<entry>")));
  EXPECT_THAT(anonymous("/status/componentes/" + std::to_string(i.sigefes.id) + "/feed.atom").body,
              HasSubstr("<entry>"));
  EXPECT_EQ(anonymous("/status/componentes/abc/feed.atom").status, 404);
}

GUICHE_ON_BOTH_ENGINES(StatusPageTest);

}  // namespace
}  // namespace guiche::testing
