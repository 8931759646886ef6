// The status notice's rule (domain/incidents/notice_transitions.hpp) against
// every line of tests/domain/data/notice_transitions.cases, for every actor.
#include "domain/incidents/notice_transitions.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "support/notice_transition_cases.hpp"

namespace guiche::testing {
namespace {

NoticeStanding standing_of(const std::string& actor) {
  NoticeStanding s;
  s.team = actor == "team";
  s.communications = actor == "communications";
  s.leadership = actor == "leadership";
  s.client_manager = actor == "client_manager";
  s.monitoring = actor == "monitoring";
  // Everyone of the desk's own staff.
  s.staff = actor == "team" || actor == "staff" || actor == "communications" ||
            actor == "leadership" || actor == "admin";
  return s;
}

const auto& transition_cases() {
  static const auto all = load_notice_transition_cases(std::string(GUICHE_DOMAIN_CASES_DIR) +
                                                       "/notice_transitions.cases");
  return all;
}

TEST(NoticeTransitions, EveryKindStateAndActionHasExactlyOneCase) {
  std::map<std::string, int> seen;
  for (const auto& c : transition_cases()) {
    seen[std::string(notice_kind_code(c.kind)) + " " +
         (c.state ? std::string(notice_state_code(*c.state)) : "-") + " " +
         std::string(notice_action_code(c.action))]++;
  }
  for (const auto& [key, n] : seen) EXPECT_EQ(n, 1) << key;
  const std::vector<std::pair<NoticeKind, std::vector<NoticeState>>> kinds = {
      {NoticeKind::incident,
       {NoticeState::reported, NoticeState::acknowledged, NoticeState::not_confirmed,
        NoticeState::confirmed_organization, NoticeState::confirmed_general,
        NoticeState::restored}},
      {NoticeKind::maintenance,
       {NoticeState::scheduled, NoticeState::in_progress, NoticeState::completed,
        NoticeState::cancelled}}};
  std::size_t expected = 0;
  for (const auto& [kind, states] : kinds) {
    for (int a = 0; a <= static_cast<int>(NoticeAction::resolve_tickets); ++a) {
      const auto action = static_cast<NoticeAction>(a);
      // Nobody's to take: the desk's own (tests/domain/notice_reminder_test.cpp).
      if (action == NoticeAction::remind) continue;
      const bool creates = action == NoticeAction::report || action == NoticeAction::schedule;
      for (const auto& state :
           creates ? std::vector<std::optional<NoticeState>>{std::nullopt}
                   : std::vector<std::optional<NoticeState>>(states.begin(), states.end())) {
        const std::string key = std::string(notice_kind_code(kind)) + " " +
                                (state ? std::string(notice_state_code(*state)) : "-") + " " +
                                std::string(notice_action_code(action));
        EXPECT_EQ(seen.count(key), 1u) << "no case for " << key;
        ++expected;
      }
    }
  }
  EXPECT_EQ(transition_cases().size(), expected);
}

TEST(NoticeTransitions, FollowTheCasesFileForEveryActor) {
  for (const auto& c : transition_cases()) {
    SCOPED_TRACE("line " + std::to_string(c.line) + ": " + c.text);
    const std::set<std::string> may(c.actors.begin(), c.actors.end());
    for (const auto& actor : notice_case_actors()) {
      SCOPED_TRACE(actor);
      const auto d = decide_notice_action(c.kind, c.state.value_or(NoticeState::reported), c.action,
                                          standing_of(actor));
      if (!may.contains(actor)) {
        EXPECT_EQ(d.outcome, NoticeDecision::Outcome::forbidden);
        EXPECT_FALSE(d.reason.empty());
      } else if (!c.next) {
        EXPECT_EQ(d.outcome, NoticeDecision::Outcome::conflict);
        EXPECT_FALSE(d.reason.empty());
      } else {
        ASSERT_EQ(d.outcome, NoticeDecision::Outcome::allowed);
        EXPECT_EQ(d.next, *c.next);
      }
    }
  }
}

}  // namespace
}  // namespace guiche::testing
