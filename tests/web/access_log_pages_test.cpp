// The personal-data access log through the real server (LGPD art. 37): a
// staff read of a ticket through the API and through its page, and of a
// person, each leave an entry naming reader, data subject and object; the
// requester reading their own ticket leaves none; /admin/acessos shows the
// entries to admins and the encarregado de dados, and 403 to anyone else.
#include <gmock/gmock.h>

#include "app/directory/directory.hpp"
#include "app/manifestations/manifestations.hpp"
#include "app/privacy/access_log.hpp"
#include "support/web_server_test.hpp"
#include "web/page.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class AccessLogPagesTest : public WebServerTest {
 protected:
  app::DeskConfig desk_config() override {
    auto config = WebServerTest::desk_config();
    config.access_log.flush_interval = std::chrono::hours(1);  // the test flushes
    return config;
  }
  std::vector<store::AccessRecord> logged() {
    desk->access_log().flush();
    store::AccessQuery q;
    q.limit = 200;
    return desk->access_log().query(as(w.admin), q).entries;
  }
};

TEST_P(AccessLogPagesTest, AStaffReadOfATicketThroughTheApiAndThePageEachLeaveAnEntry) {
  const Ticket t = register_sis(w.requester_seger);
  const auto agent = sign_in(w.attendant);
  ASSERT_EQ(get(agent, "/api/v1/tickets/" + std::to_string(t.id)).status, 200);
  auto entries = logged();
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].reader_person_id, w.attendant.id);
  EXPECT_EQ(entries[0].subject_person_id, w.requester_seger.id);
  EXPECT_EQ(entries[0].object_kind, "ticket");
  EXPECT_EQ(entries[0].object_id, t.id);
  EXPECT_EQ(entries[0].channel, "api");
  EXPECT_EQ(entries[0].reader_address, "127.0.0.1");

  ASSERT_EQ(get(agent, "/atendimento/chamados/" + t.protocol).status, 200);
  entries = logged();
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].channel, "web");
  EXPECT_EQ(entries[0].reader_person_id, w.attendant.id);
  EXPECT_EQ(entries[0].subject_person_id, w.requester_seger.id);
  EXPECT_EQ(entries[0].object_id, t.id);

  // Its history and the look-up by protocol are ticket reads too.
  ASSERT_EQ(get(agent, "/api/v1/tickets/" + std::to_string(t.id) + "/events").status, 200);
  ASSERT_EQ(get(agent, "/api/v1/tickets/by-protocol/" + t.protocol).status, 200);
  entries = logged();
  ASSERT_EQ(entries.size(), 4u);
  EXPECT_EQ(entries[0].object_kind, "ticket");
  EXPECT_EQ(entries[1].object_kind, "ticket_events");
}

TEST_P(AccessLogPagesTest, APersonReadThroughTheApiAndThePageLeavesAnEntry) {
  const auto admin = sign_in(w.admin);
  ASSERT_EQ(get(admin, "/api/v1/people/" + std::to_string(w.requester_sesa.id)).status, 200);
  ASSERT_EQ(get(admin, "/admin/pessoas/" + std::to_string(w.requester_sesa.id)).status, 200);
  const auto entries = logged();
  ASSERT_EQ(entries.size(), 2u);
  for (const auto& e : entries) {
    EXPECT_EQ(e.reader_person_id, w.admin.id);
    EXPECT_EQ(e.subject_person_id, w.requester_sesa.id);
    EXPECT_EQ(e.object_kind, "person");
  }
  EXPECT_EQ(entries[0].channel, "web");
  EXPECT_EQ(entries[1].channel, "api");
}

TEST_P(AccessLogPagesTest, ThePeopleListedByASearchAreEachAnEntry) {
  const auto admin = sign_in(w.admin);
  ASSERT_EQ(get(admin, "/api/v1/people?q=" + web::url_encode(w.requester_sesa.name)).status, 200);
  const auto entries = logged();
  ASSERT_FALSE(entries.empty());
  bool found = false;
  for (const auto& e : entries) {
    EXPECT_EQ(e.object_kind, "people_search");
    found = found || e.subject_person_id == w.requester_sesa.id;
  }
  EXPECT_TRUE(found);
}

TEST_P(AccessLogPagesTest, TheRequesterReadingTheirOwnTicketLeavesNone) {
  const Ticket t = register_sis(w.requester_seger);
  const auto maria = sign_in(w.requester_seger);
  ASSERT_EQ(get(maria, "/api/v1/tickets/" + std::to_string(t.id)).status, 200);
  ASSERT_EQ(get(maria, "/chamados/" + t.protocol).status, 200);
  ASSERT_EQ(get(maria, "/api/v1/people/" + std::to_string(w.requester_seger.id)).status, 200);
  EXPECT_TRUE(logged().empty());
  // Her organization's manager reading it is recorded.
  const auto manager = sign_in(w.manager_seger);
  ASSERT_EQ(get(manager, "/chamados/" + t.protocol).status, 200);
  const auto entries = logged();
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].reader_person_id, w.manager_seger.id);
  EXPECT_EQ(entries[0].subject_person_id, w.requester_seger.id);
}

TEST_P(AccessLogPagesTest, TheLogPageShowsEntriesToAdminsAndTheEncarregadoOnly) {
  const Ticket t = register_sis(w.requester_seger);
  ASSERT_EQ(get(sign_in(w.attendant), "/api/v1/tickets/" + std::to_string(t.id)).status, 200);
  desk->access_log().flush();
  const Person dpo = create_data_protection_officer();
  for (const auto& who : {w.admin, dpo}) {
    const auto page =
        get(sign_in(who), "/admin/acessos?titular=" + std::to_string(w.requester_seger.id));
    ASSERT_EQ(page.status, 200) << who.name;
    EXPECT_THAT(page.body, HasSubstr(w.attendant.name));
    EXPECT_THAT(page.body, HasSubstr("chamado #" + std::to_string(t.id)));
  }
  // Another subject's filter shows nothing of it.
  const auto other =
      get(sign_in(w.admin), "/admin/acessos?titular=" + std::to_string(w.requester_sesa.id));
  EXPECT_THAT(other.body, Not(HasSubstr("chamado #" + std::to_string(t.id))));
  // A bad filter is a clear error, not a crash.
  const auto bad = get(sign_in(w.admin), "/admin/acessos?de=31/02/2026");
  EXPECT_EQ(bad.status, 422);
  EXPECT_THAT(bad.body, HasSubstr("Data inválida"));
  // The encarregado's menu reaches it; the admin index lists it.
  EXPECT_THAT(get(sign_in(dpo), "/privacidade").body, HasSubstr("href=\"/admin/acessos\""));
  EXPECT_THAT(get(sign_in(w.admin), "/admin").body, HasSubstr("href=\"/admin/acessos\""));
}

TEST_P(AccessLogPagesTest, EveryoneElseGets403OnTheLgpdAdminPages) {
  const Person dpo = create_data_protection_officer();
  struct Row {
    const char* path;
  };
  for (const auto& row : {Row{"/admin/acessos"}, Row{"/admin/privacidade"}}) {
    EXPECT_EQ(get(sign_in(w.admin), row.path).status, 200) << row.path;
    EXPECT_EQ(get(sign_in(dpo), row.path).status, 200) << row.path;
    for (const auto& p : {w.attendant, w.analyst_sis, w.manager_gesin, w.relations_agent,
                          w.requester_seger, w.manager_seger}) {
      const auto r = get(sign_in(p), row.path);
      EXPECT_EQ(r.status, 403) << row.path << " " << p.name;
      EXPECT_THAT(r.body, HasSubstr("encarregado de dados")) << row.path;
    }
    EXPECT_EQ(http_request(port, "GET", row.path).status, 303) << row.path;  // to /entrar
  }
  // Admins grant the role on a person's page.
  EXPECT_THAT(get(sign_in(w.admin), "/admin/pessoas/nova").body,
              HasSubstr("value=\"data_protection_officer\""));
  // The encarregado has no administration of its own beyond these.
  EXPECT_EQ(get(sign_in(dpo), "/admin").status, 403);
  EXPECT_EQ(get(sign_in(dpo), "/admin/pessoas").status, 403);
}

TEST_P(AccessLogPagesTest, TheOuvidoriaReadingAnAuthorsIdentityLeavesAnEntry) {
  app::ManifestationForm f;
  f.kind = "complaint";
  f.identification = "identified";
  f.subject = "Atendimento demorado";
  f.description = "Esperei uma semana.";
  f.name = w.requester_seger.name;
  f.email = w.requester_seger.emails.front();
  const auto m = desk->manifestations().register_manifestation(as(w.requester_seger), f);
  ASSERT_EQ(m.manifestation.manifestant.person_id, w.requester_seger.id);
  const auto ombudsman = create_ombudsman();
  const auto url = "/ouvidoria/manifestacoes/" + std::to_string(m.manifestation.id);
  ASSERT_EQ(get(sign_in(ombudsman), url).status, 200);
  const auto entries = logged();
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].reader_person_id, ombudsman.id);
  EXPECT_EQ(entries[0].subject_person_id, w.requester_seger.id);
  EXPECT_EQ(entries[0].object_kind, "manifestation");
  EXPECT_EQ(entries[0].object_id, m.manifestation.id);
}

GUICHE_ON_BOTH_ENGINES(AccessLogPagesTest);

}  // namespace
}  // namespace guiche::testing
