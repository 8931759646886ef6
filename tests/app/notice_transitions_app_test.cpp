// Every line of tests/domain/data/notice_transitions.cases replayed through
// the application layer on both engines, with real people in each part: a
// fresh notice is brought to the line's state by the steps the norm orders,
// then each actor tries the line's action. Monitoring has no person: its
// intake is tested on its own. Those who may not read a notice (a requester,
// another organization's manager) are refused with "not found".
#include <gmock/gmock.h>

#include <map>
#include <set>

#include "app/expect_error.hpp"
#include "app/incidents/notice_tickets.hpp"
#include "support/incident_world.hpp"
#include "support/notice_transition_cases.hpp"

namespace guiche::testing {
namespace {

class NoticeTransitionsAppTest : public IncidentTest {
 protected:
  const Person& person(const std::string& actor) {
    static const std::map<std::string, Person World::*> in_world = {
        {"team", &World::analyst_sis},
        {"staff", &World::analyst_dba},
        {"admin", &World::admin},
        {"client_manager", &World::manager_seger},
        {"requester", &World::requester_seger}};
    if (actor == "communications") return ascom;
    if (actor == "leadership") return director;
    return w.*in_world.at(actor);
  }
  // A notice of `kind` in `state`, reached by the norm's own steps.
  std::int64_t notice_in(NoticeKind kind, NoticeState state) {
    using S = NoticeState;
    using A = NoticeAction;
    const Person& team = w.analyst_sis;
    if (kind == NoticeKind::maintenance) {
      app::ScheduleMaintenance s;
      s.component_ids = {sigefes.id};
      s.starts_at = clock.now() + std::chrono::hours(24);
      s.ends_at = clock.now() + std::chrono::hours(26);
      const auto id = desk->status_notices().schedule_maintenance(as(team), s).notice.id;
      if (state == S::in_progress || state == S::completed) step(team, id, A::start);
      if (state == S::completed) step(team, id, A::complete);
      if (state == S::cancelled) step(team, id, A::cancel);
      return id;
    }
    const auto id = report_sigefes(team).notice.id;
    if (state == S::acknowledged) step(ascom, id, A::acknowledge);
    if (state == S::not_confirmed) step(team, id, A::not_confirm);
    if (state == S::confirmed_organization) step(team, id, A::confirm_organization);
    if (state == S::confirmed_general || state == S::restored) step(team, id, A::confirm_general);
    if (state == S::restored) step(team, id, A::restore);
    return id;
  }
};

TEST_P(NoticeTransitionsAppTest, EveryCaseHoldsWithRealPeople) {
  const auto cases = load_notice_transition_cases(std::string(GUICHE_DOMAIN_CASES_DIR) +
                                                  "/notice_transitions.cases");
  int tried = 0;
  for (const auto& c : cases) {
    // Here the action picks the kind (report: an incident, schedule: a
    // maintenance): the domain test covers the mismatched creations.
    if (!c.state && !c.next) continue;
    // Linking needs a ticket the actor may see: tests/app/notice_tickets_test.cpp.
    if (c.action == NoticeAction::link_ticket || c.action == NoticeAction::unlink_ticket) continue;
    SCOPED_TRACE("line " + std::to_string(c.line) + ": " + c.text);
    const std::set<std::string> may(c.actors.begin(), c.actors.end());
    for (const auto& actor : notice_case_actors()) {
      if (actor == "monitoring") continue;
      SCOPED_TRACE(actor);
      std::string outcome;
      std::optional<NoticeState> reached;
      bool had_drafts = false;
      try {
        if (!c.state) {
          const auto& by = person(actor);
          app::NoticeView v;
          if (c.action == NoticeAction::report) {
            v = report_sigefes(by);
          } else {
            app::ScheduleMaintenance s;
            s.component_ids = {sigefes.id};
            s.starts_at = clock.now() + std::chrono::hours(24);
            s.ends_at = clock.now() + std::chrono::hours(26);
            v = desk->status_notices().schedule_maintenance(as(by), s);
          }
          reached = v.notice.state;
        } else {
          const auto id = notice_in(c.kind, *c.state);
          had_drafts = desk->status_notices().notice(as(w.admin), id).has_drafts;
          if (c.action == NoticeAction::resolve_tickets) {
            desk->notice_tickets().resolve_linked_tickets(as(person(actor)), id,
                                                          "O serviço foi restabelecido.");
            reached = desk->status_notices().notice(as(w.admin), id).notice.state;
          } else {
            reached = step(person(actor), id, c.action).notice.state;
          }
        }
        outcome = "allowed";
      } catch (const DomainError& e) {
        // Whoever may not read the notice is refused without learning it exists.
        outcome =
            e.kind() == DomainError::Kind::forbidden || e.kind() == DomainError::Kind::not_found
                ? "forbidden"
            : e.kind() == DomainError::Kind::conflict ? "conflict"
                                                      : std::string("other: ") + e.what();
      }
      if (!may.contains(actor)) {
        EXPECT_EQ(outcome, "forbidden");
      } else if (!c.next) {
        EXPECT_EQ(outcome, "conflict");
      } else if (c.action == NoticeAction::publish && !had_drafts) {
        EXPECT_EQ(outcome, "conflict") << "nothing to publish";
      } else {
        ASSERT_EQ(outcome, "allowed");
        EXPECT_EQ(reached, c.next);
      }
      ++tried;
    }
  }
  EXPECT_GT(tried, 900);
}

GUICHE_ON_BOTH_ENGINES(NoticeTransitionsAppTest);

}  // namespace
}  // namespace guiche::testing
