// Who sees which ticket, as a table: every role of the test world against
// tickets of several organizations and units. Lists, searches, pages and
// single reads must all agree with the table, with no leak anywhere.
#include <gmock/gmock.h>

#include <algorithm>
#include <map>
#include <set>

#include "app/attachments/attachments.hpp"
#include "app/directory/directory.hpp"
#include "app/expect_error.hpp"
#include "app/intake/intake.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "app/tickets/ticket_work.hpp"
#include "support/desk_world.hpp"

namespace guiche::testing {
namespace {

using ::testing::IsEmpty;

class AuthorizationScopeTest : public DeskTest {
 protected:
  struct Case {
    std::string name;
    Person person;
    std::set<std::string> visible;  // ticket labels
  };

  // Registers the tickets of the table, each labelled, each subject with "planilha".
  void build_tickets() {
    const auto attendant = as(w.attendant);
    auto sis = [&](const Person& requester, const std::string& label) {
      clock.advance(std::chrono::minutes(1));
      return tickets[label] = register_sis(requester, "Planilha " + label);
    };
    auto routed = [&](const Person& requester, const std::string& label, const Unit& unit) {
      tickets[label] =
          desk->work().route(attendant, sis(requester, label).id, unit.id, std::nullopt);
    };
    routed(w.requester_seger, "seger@SGSIS", w.sgsis);
    routed(w.requester_sesa, "sesa@SGDBA", w.sgdba);
    sis(w.manager_seger, "seger-manager@central");
    sis(w.requester_viana, "viana@relations");  // not a client: client relations
    routed(w.requester_sesa, "sesa@GESIN", w.gesin);

    Person p;
    p.name = "Lúcia Servidora";
    p.emails = {"lucia@seger.es.gov.br"};
    p.organization_id = w.seger.id;
    p.roles = {{Role::requester, std::nullopt}};
    colleague = desk->directory().create_person(as(w.admin), {p, std::nullopt});
    app::RegisterRequest r;
    r.requester_id = colleague.id;
    r.service_code = "SUP-TEC";
    r.subject = "Planilha do colega";
    r.description = "Pedido registrado por telefone.";
    tickets["seger-colleague@central"] =
        desk->intake().register_request(as(w.attendant, Channel::phone), r);
    // Two tickets at the same instant: pages must break the tie by id.
    r.requester_id = w.citizen.id;
    r.subject = "Planilha do cidadão";
    tickets["citizen@GEINF"] = desk->work().route(
        attendant, desk->intake().register_request(as(w.citizen), r).id, w.geinf.id, std::nullopt);
    r.subject = "Planilha do cidadão, de novo";
    tickets["citizen@central"] = desk->intake().register_request(as(w.citizen), r);
  }

  std::vector<Case> table() {
    std::set<std::string> all;
    for (const auto& [label, t] : tickets) all.insert(label);
    return {
        {"admin", w.admin, all},
        {"attendant", w.attendant, all},
        {"analyst SGSIS", w.analyst_sis, {"seger@SGSIS"}},
        {"analyst SGDBA", w.analyst_dba, {"sesa@SGDBA"}},
        {"manager GESIN", w.manager_gesin, {"seger@SGSIS", "sesa@GESIN"}},
        {"client relations", w.relations_agent, {"viana@relations"}},
        {"requester SEGER", w.requester_seger, {"seger@SGSIS"}},
        {"manager SEGER",
         w.manager_seger,
         {"seger@SGSIS", "seger-manager@central", "seger-colleague@central"}},
        {"colleague SEGER", colleague, {"seger-colleague@central"}},
        {"requester SESA", w.requester_sesa, {"sesa@SGDBA", "sesa@GESIN"}},
        {"requester Viana", w.requester_viana, {"viana@relations"}},
        {"citizen", w.citizen, {"citizen@GEINF", "citizen@central"}},
    };
  }

  std::string label_of(std::int64_t id) const {
    for (const auto& [label, t] : tickets) {
      if (t.id == id) return label;
    }
    return "#" + std::to_string(id);
  }

  // Every ticket a list returns, following the cursor page by page.
  std::vector<std::string> listed(const app::Actor& a, store::TicketFilter f) {
    std::vector<std::string> out;
    for (int pages = 0; pages < 50; ++pages) {
      const auto page = desk->tickets().list_tickets(a, f);
      for (const auto& t : page.tickets) out.push_back(label_of(t.id));
      if (page.next_cursor.empty()) break;
      f.cursor = page.next_cursor;
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  std::map<std::string, Ticket> tickets;
  Person colleague;
};

// Adds a line to `leaks` for every difference between `got` and `expected`.
void compare(const std::string& who, const std::string& how, const std::vector<std::string>& got,
             const std::set<std::string>& expected, std::vector<std::string>& leaks) {
  std::set<std::string> seen;
  for (const auto& label : got) {
    if (!seen.insert(label).second) leaks.push_back(who + " " + how + ": twice " + label);
    if (!expected.count(label)) leaks.push_back(who + " " + how + ": LEAK " + label);
  }
  for (const auto& label : expected) {
    if (!seen.count(label)) leaks.push_back(who + " " + how + ": missing " + label);
  }
}

TEST_P(AuthorizationScopeTest, EveryRoleSeesExactlyItsTickets) {
  build_tickets();
  ASSERT_EQ(tickets.size(), 8u);
  std::vector<std::string> leaks;
  for (const auto& c : table()) {
    const auto a = as(c.person);
    store::TicketFilter f;
    compare(c.name, "list", listed(a, f), c.visible, leaks);
    f.limit = 1;
    compare(c.name, "list by 1", listed(a, f), c.visible, leaks);
    f.limit = 3;
    f.order = store::TicketOrder::deadline_first;
    compare(c.name, "queue by 3", listed(a, f), c.visible, leaks);
    f = {};
    f.text = "planilha";
    f.limit = 2;
    compare(c.name, "search", listed(a, f), c.visible, leaks);
    for (const auto& [label, t] : tickets) {
      const bool expected = c.visible.count(label) > 0;
      const std::string want = expected ? "ok" : "not_found";
      const std::pair<std::string, std::string> reads[] = {
          {"ticket", outcome([&] { desk->tickets().ticket(a, t.id); })},
          {"protocol", outcome([&] { desk->tickets().ticket_by_protocol(a, t.protocol); })},
          {"history", outcome([&] { desk->tickets().history(a, t.id); })},
          {"attachments", outcome([&] { desk->attachments().attachments(a, t.id); })},
      };
      for (const auto& [read, got] : reads) {
        if (got != want) leaks.push_back(c.name + " " + read + " " + label + ": " + got);
      }
    }
  }
  EXPECT_THAT(leaks, IsEmpty());
}

TEST_P(AuthorizationScopeTest, FiltersNeverWidenTheScope) {
  build_tickets();
  std::vector<std::string> leaks;
  for (const auto& c : table()) {
    const auto a = as(c.person);
    for (const Organization& o : {w.seger, w.sesa, w.viana}) {
      store::TicketFilter f;
      f.organization_id = o.id;
      std::set<std::string> expected;
      for (const auto& label : c.visible) {
        if (tickets[label].organization_id == o.id) expected.insert(label);
      }
      compare(c.name, "org " + o.acronym, listed(a, f), expected, leaks);
    }
    for (const Unit& u : {w.central, w.relations, w.gesin, w.sgsis, w.geinf, w.sgdba}) {
      store::TicketFilter f;
      f.unit_id = u.id;
      f.text = "planilha";
      std::set<std::string> expected;
      for (const auto& label : c.visible) {
        if (tickets[label].unit_id == u.id) expected.insert(label);
      }
      compare(c.name, "unit " + u.code, listed(a, f), expected, leaks);
    }
    for (const Person& requester : {w.requester_seger, w.requester_sesa, w.citizen}) {
      store::TicketFilter f;
      f.requester_id = requester.id;
      std::set<std::string> expected;
      for (const auto& label : c.visible) {
        if (tickets[label].requester_id == requester.id) expected.insert(label);
      }
      compare(c.name, "requester " + requester.name, listed(a, f), expected, leaks);
    }
  }
  EXPECT_THAT(leaks, IsEmpty());
}

GUICHE_ON_BOTH_ENGINES(AuthorizationScopeTest);

}  // namespace
}  // namespace guiche::testing
