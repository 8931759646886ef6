// When the desk reminds by itself (domain/incidents/notice_reminder.hpp):
// every line of tests/domain/data/notice_reminders.cases; and the reminder
// is nobody's action to take.
#include "domain/incidents/notice_reminder.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace guiche::testing {
namespace {

const Instant kNow = from_millis(1772452800000);  // 2026-03-02T12:00Z

std::chrono::milliseconds offset(const std::string& text) {
  const char unit = text.back();
  const long long n = std::stoll(text.substr(0, text.size() - 1));
  if (unit == 'm') return std::chrono::minutes(n);
  if (unit == 'h') return std::chrono::hours(n);
  throw std::runtime_error("offset sem unidade: " + text);
}

std::vector<std::string> split(const std::string& text, char by) {
  std::vector<std::string> out;
  std::stringstream in(text);
  for (std::string part; std::getline(in, part, by);) out.push_back(part);
  return out;
}

// "confirm_general@-3h/draft/published@-1h"
NoticeEvent event_of(const std::string& spec, std::int64_t id) {
  const auto parts = split(spec, '/');
  const auto at = parts.at(0).find('@');
  NoticeEvent e;
  e.id = id;
  e.action = parse_notice_action(parts.at(0).substr(0, at)).value();
  e.at = kNow + offset(parts.at(0).substr(at + 1));
  e.message = NoticeMessage{"key", "title", "text"};
  for (std::size_t i = 1; i < parts.size(); ++i) {
    if (parts[i] == "published") e.published_at = e.at;
    if (parts[i].rfind("published@", 0) == 0) e.published_at = kNow + offset(parts[i].substr(10));
  }
  return e;
}

struct ReminderCase {
  int line = 0;
  StatusNotice notice;
  std::vector<NoticeEvent> events;
  bool remind = false;
};

std::vector<ReminderCase> cases() {
  std::ifstream file(std::string(GUICHE_DOMAIN_CASES_DIR) + "/notice_reminders.cases");
  std::vector<ReminderCase> out;
  std::string line;
  for (int number = 1; std::getline(file, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream in(line);
    std::string kind, state, timeline, starts, arrow, outcome;
    in >> kind >> state >> timeline >> starts >> arrow >> outcome;
    ReminderCase c;
    c.line = number;
    c.notice.id = 1;
    c.notice.kind = parse_notice_kind(kind).value();
    c.notice.state = parse_notice_state(state).value();
    c.notice.created_at = kNow - std::chrono::hours(72);
    if (starts != "-") {
      c.notice.starts_at = kNow + offset(starts.substr(starts[0] == '+' ? 1 : 0));
      c.notice.ends_at = *c.notice.starts_at + std::chrono::hours(2);
    }
    std::int64_t id = 0;
    for (const auto& spec : split(timeline, ',')) {
      auto e = event_of(spec, ++id);
      // Each event leaves the notice in the state it reached by then; the
      // others, in the case's state.
      e.state_after = c.notice.state;
      if (e.action == NoticeAction::report) e.state_after = NoticeState::reported;
      if (e.action == NoticeAction::acknowledge) e.state_after = NoticeState::acknowledged;
      if (e.action == NoticeAction::schedule) e.state_after = NoticeState::scheduled;
      if (e.action == NoticeAction::confirm_general) e.state_after = NoticeState::confirmed_general;
      if (e.action == NoticeAction::confirm_organization)
        e.state_after = NoticeState::confirmed_organization;
      c.events.push_back(e);
    }
    if (arrow != "->" || (outcome != "remind" && outcome != "none")) {
      throw std::runtime_error("linha malformada: " + std::to_string(number));
    }
    c.remind = outcome == "remind";
    out.push_back(std::move(c));
  }
  return out;
}

TEST(NoticeReminder, FollowsTheCasesFile) {
  const auto all = cases();
  ASSERT_GE(all.size(), 25u);
  ReminderSettings settings;
  settings.maintenance_before = std::chrono::hours(24);
  settings.incident_quiet = std::chrono::hours(2);
  for (const auto& c : all) {
    SCOPED_TRACE("notice_reminders.cases:" + std::to_string(c.line));
    const auto due = reminder_due(c.notice, c.events, kNow, settings);
    EXPECT_EQ(due.has_value(), c.remind);
    if (!due) continue;
    EXPECT_EQ(due->kind, c.notice.kind == NoticeKind::maintenance ? ReminderKind::maintenance_start
                                                                  : ReminderKind::incident_update);
    // Turned off, never.
    ReminderSettings off;
    EXPECT_FALSE(reminder_due(c.notice, c.events, kNow, off));
  }
}

TEST(NoticeReminder, AnchorsNameTheScheduleAndTheQuietPeriod) {
  ReminderSettings settings{std::chrono::hours(24), std::chrono::hours(2)};
  StatusNotice m;
  m.kind = NoticeKind::maintenance;
  m.state = NoticeState::scheduled;
  m.starts_at = kNow + std::chrono::hours(23);
  const std::vector<NoticeEvent> schedule = {event_of("schedule@-48h/published", 7),
                                             event_of("reschedule@-30h/published", 9)};
  EXPECT_EQ(reminder_due(m, schedule, kNow, settings)->anchor, 9);

  StatusNotice i;
  i.kind = NoticeKind::incident;
  i.state = NoticeState::confirmed_general;
  auto confirm = event_of("confirm_general@-3h/published", 3);
  confirm.state_after = NoticeState::confirmed_general;
  const auto due = reminder_due(i, {confirm}, kNow, settings);
  EXPECT_EQ(due->anchor, to_millis(kNow - std::chrono::hours(3)));
  EXPECT_EQ(due->since, kNow - std::chrono::hours(3));
}

TEST(NoticeReminder, IsNobodysActionToTake) {
  for (const auto* actor : {"team", "communications", "leadership", "monitoring"}) {
    NoticeStanding s;
    s.team = std::string(actor) == "team";
    s.communications = std::string(actor) == "communications";
    s.leadership = std::string(actor) == "leadership";
    s.monitoring = std::string(actor) == "monitoring";
    s.staff = true;
    const auto d = decide_notice_action(NoticeKind::maintenance, NoticeState::scheduled,
                                        NoticeAction::remind, s);
    EXPECT_EQ(d.outcome, NoticeDecision::Outcome::forbidden) << actor;
  }
  EXPECT_EQ(parse_notice_action("remind"), NoticeAction::remind);
  EXPECT_FALSE(notice_message_key(NoticeAction::remind));
}

}  // namespace
}  // namespace guiche::testing
