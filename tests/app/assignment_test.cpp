// Who a ticket may be given to, and by whom, on both engines: the members of
// the ticket's unit; the central de serviços, client relations and the unit's
// managers give it to anyone of them, an analyst takes it only for themself.
#include <gmock/gmock.h>

#include "app/directory/directory.hpp"
#include "app/expect_error.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "app/tickets/ticket_work.hpp"
#include "support/desk_world.hpp"

namespace guiche::testing {
namespace {

using ::testing::ElementsAre;

class AssignmentTest : public DeskTest {
 protected:
  std::vector<std::string> member_names(const Person& who, std::int64_t unit_id) {
    std::vector<std::string> out;
    for (const auto& p : desk->directory().unit_members(as(who), unit_id)) out.push_back(p.name);
    return out;
  }
  Ticket routed_to_sgsis() {
    return desk->work().route(as(w.attendant), register_sis(w.requester_seger).id, w.sgsis.id,
                              std::nullopt);
  }
};

TEST_P(AssignmentTest, TheMembersOfAUnitAreWhoMayTakeItsTickets) {
  // The analyst of SGSIS and the manager of GESIN above it, by name.
  EXPECT_THAT(member_names(w.attendant, w.sgsis.id),
              ElementsAre("Gustavo Gerente", "Sofia Analista"));
  EXPECT_THAT(member_names(w.analyst_sis, w.sgdba.id), ElementsAre("Diego DBA"));
  EXPECT_THAT(member_names(w.admin, w.central.id), ElementsAre("Carlos Atendente"));
  // An inactive person takes nothing.
  Person sofia = desk->directory().person(as(w.admin), w.analyst_sis.id);
  sofia.active = false;
  desk->directory().update_person(as(w.admin), sofia);
  EXPECT_THAT(member_names(w.attendant, w.sgsis.id), ElementsAre("Gustavo Gerente"));

  EXPECT_EQ(outcome([&] { desk->directory().unit_members(as(w.requester_seger), w.sgsis.id); }),
            "forbidden");
  EXPECT_EQ(outcome([&] { desk->directory().unit_members(as(w.attendant), 987654); }), "not_found");
}

TEST_P(AssignmentTest, TheCentralAndTheUnitsManagerGiveTheTicketToAnyMember) {
  Ticket t = routed_to_sgsis();
  EXPECT_TRUE(desk->work().may_assign_others(as(w.attendant), w.sgsis.id));
  EXPECT_TRUE(desk->work().may_assign_others(as(w.manager_gesin), w.sgsis.id));
  EXPECT_TRUE(desk->work().may_assign_others(as(w.relations_agent), w.sgsis.id));
  EXPECT_FALSE(desk->work().may_assign_others(as(w.analyst_sis), w.sgsis.id));
  EXPECT_FALSE(desk->work().may_assign_others(as(w.manager_gesin), w.sgdba.id));

  t = desk->work().assign(as(w.attendant), t.id, w.analyst_sis.id);
  EXPECT_EQ(t.assignee_id, w.analyst_sis.id);
  EXPECT_EQ(t.status, Status::assigned);
  t = desk->work().assign(as(w.manager_gesin), t.id, w.manager_gesin.id);
  t = desk->work().assign(as(w.manager_gesin), t.id, w.analyst_sis.id);
  EXPECT_EQ(t.assignee_id, w.analyst_sis.id);
  // Someone outside the unit is bad input, whoever asks; nothing changes.
  for (const Person* who : {&w.attendant, &w.manager_gesin}) {
    EXPECT_EQ(outcome([&] { desk->work().assign(as(*who), t.id, w.analyst_dba.id); }),
              "validation");
    EXPECT_EQ(outcome([&] { desk->work().assign(as(*who), t.id, w.requester_seger.id); }),
              "validation");
  }
  EXPECT_EQ(desk->tickets().ticket(as(w.attendant), t.id).version, t.version);
}

TEST_P(AssignmentTest, AnAnalystTakesTheTicketOnlyForThemself) {
  Ticket t = routed_to_sgsis();
  const auto analyst = as(w.analyst_sis);
  EXPECT_EQ(outcome([&] { desk->work().assign(analyst, t.id, w.manager_gesin.id); }), "forbidden");
  EXPECT_EQ(desk->tickets().ticket(analyst, t.id).version, t.version);
  t = desk->work().assign(analyst, t.id, w.analyst_sis.id);
  EXPECT_EQ(t.assignee_id, w.analyst_sis.id);
  t = desk->work().assign(analyst, t.id, std::nullopt);  // lets it go
  EXPECT_FALSE(t.assignee_id);
  // Removing someone else from the ticket is giving it away too.
  t = desk->work().assign(as(w.manager_gesin), t.id, w.manager_gesin.id);
  EXPECT_EQ(outcome([&] { desk->work().assign(analyst, t.id, std::nullopt); }), "forbidden");
  // Routing with someone else named is the same decision.
  EXPECT_EQ(outcome([&] { desk->work().route(analyst, t.id, w.sgsis.id, w.manager_gesin.id); }),
            "forbidden");
  EXPECT_EQ(desk->tickets().ticket(analyst, t.id).assignee_id, w.manager_gesin.id);
}

GUICHE_ON_BOTH_ENGINES(AssignmentTest);

}  // namespace
}  // namespace guiche::testing
