// The driver of tests/sla/data/*.clock: SLA clock cases, one a line (the
// format is described at the top of data/pauses.clock). Each line builds a
// ticket's history, runs the clock under the default configuration at "now"
// and checks the target's state, deadline and elapsed clock time.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "domain/ticket_status.hpp"
#include "sla/case_calendars.hpp"
#include "sla/clock.hpp"
#include "sla/local_time_text.hpp"

#ifndef GUICHE_SLA_CASES_DIR
#error "GUICHE_SLA_CASES_DIR must name tests/sla/data"
#endif

namespace guiche::sla::testing {
namespace {

struct ClockCase {
  std::string file;
  int line = 0;
  std::string text;
  std::string calendar, options, now, target;
  std::vector<std::string> events;
  std::string state, deadline, elapsed;
  std::string malformed;
};

void PrintTo(const ClockCase& c, std::ostream* os) {
  *os << c.file << ".clock:" << c.line << ": " << c.text;
}

std::vector<ClockCase> load_clock_cases() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(GUICHE_SLA_CASES_DIR))
    if (entry.path().extension() == ".clock") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::vector<ClockCase> cases;
  for (const auto& path : files) {
    std::ifstream in(path);
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
      std::istringstream fields(line.substr(0, line.find('#')));
      ClockCase c;
      c.file = path.stem().string();
      c.line = number;
      c.text = line;
      if (!(fields >> c.calendar)) continue;
      std::vector<std::string> rest;
      for (std::string f; fields >> f;) rest.push_back(f);
      auto arrow = std::find(rest.begin(), rest.end(), "=>");
      if (rest.size() < 4 || arrow == rest.end() || rest.end() - arrow != 4 ||
          arrow - rest.begin() < 4) {
        c.malformed = "expected: calendar options now target events... => state deadline elapsed";
      } else {
        c.options = rest[0];
        c.now = rest[1];
        c.target = rest[2];
        c.events.assign(rest.begin() + 3, arrow);
        c.state = arrow[1];
        c.deadline = arrow[2];
        c.elapsed = arrow[3];
      }
      cases.push_back(std::move(c));
    }
  }
  return cases;
}

// "KIND[:ARG]@INSTANT" → an event of the ticket (see data/pauses.clock).
TicketEvent event_from(const std::string& token, std::int64_t seq) {
  auto at_sign = token.find('@');
  if (at_sign == std::string::npos) throw std::invalid_argument("no @instant in " + token);
  auto at = parse_instant(token.substr(at_sign + 1));
  if (!at) throw std::invalid_argument("bad instant in " + token);
  std::string head = token.substr(0, at_sign), arg;
  if (auto colon = head.find(':'); colon != std::string::npos) {
    arg = head.substr(colon + 1);
    head = head.substr(0, colon);
  }
  TicketEvent e;
  e.ticket_id = 1;
  e.seq = seq;
  e.at = *at;
  auto classification = [&](nlohmann::json& d) {
    // "I/U" or "I/U/category"
    if (arg.size() < 3 || arg[1] != '/') throw std::invalid_argument("expected I/U in " + token);
    d["impact"] = arg[0] - '0';
    d["urgency"] = arg[2] - '0';
    if (arg.size() > 4) d["category"] = arg.substr(4);
  };
  if (head == "new") {
    e.kind = EventKind::created;
    e.data = {{"protocol", "2026-000001"}, {"requester_id", 1},         {"service_id", 1},
              {"category", "incident"},    {"subject", "Caso"},         {"description", "Caso"},
              {"unit_id", nullptr},        {"organization_id", nullptr}};
    classification(e.data);
  } else if (head == "triage") {
    e.kind = EventKind::triaged;
    classification(e.data);
  } else if (head == "status") {
    e.kind = EventKind::status_changed;
    e.data = {{"from", "new"}, {"to", arg}};
    if (!parse_status(arg)) throw std::invalid_argument("unknown status in " + token);
  } else if (head == "ask" || head == "reply" || head == "ack" || head == "answer") {
    e.kind = EventKind::public_reply;
    e.data = {{"text", "..."}, {"from_agent", head != "answer"}};
    if (head == "ask") e.data["status"] = "pending_requester";
    if (head == "answer") e.data["status"] = "in_progress";
    if (head == "ack") e.data["automatic"] = true;
  } else if (head == "resolve") {
    e.kind = EventKind::resolved;
    e.data = {{"resolution", "ok"}, {"time_spent_minutes", 1}};
  } else if (head == "reopen") {
    e.kind = EventKind::reopened;
  } else if (head == "close") {
    e.kind = EventKind::closed;
  } else if (head == "cancel") {
    e.kind = EventKind::cancelled;
  } else if (head == "merge") {
    e.kind = EventKind::merged;
    e.data = {{"into_id", 2}, {"into_protocol", "2026-000002"}, {"status_before", "in_progress"}};
  } else if (head == "unmerge") {
    e.kind = EventKind::merge_undone;
    e.data = {{"other_id", 2},
              {"other_protocol", "2026-000002"},
              {"side", "duplicate"},
              {"status", arg.empty() ? "in_progress" : arg}};
  } else {
    throw std::invalid_argument("unknown event " + head);
  }
  return e;
}

// "5h", "1h30m", "45m", "0m"
std::chrono::milliseconds parse_elapsed(const std::string& text) {
  std::chrono::milliseconds total{0};
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t used = 0;
    long long n = std::stoll(text.substr(pos), &used);
    pos += used;
    if (pos >= text.size()) throw std::invalid_argument("unit missing in " + text);
    total += text[pos] == 'h' ? std::chrono::milliseconds(std::chrono::hours(n))
                              : std::chrono::milliseconds(std::chrono::minutes(n));
    ++pos;
  }
  return total;
}

class ClockCases : public ::testing::TestWithParam<ClockCase> {};

TEST_P(ClockCases, Clock) {
  const auto& c = GetParam();
  SCOPED_TRACE(c.file + ".clock:" + std::to_string(c.line) + ": " + c.text);
  ASSERT_TRUE(c.malformed.empty()) << c.malformed;
  auto calendar = calendar_for_spec(c.calendar);
  SlaConfiguration config = default_configuration();
  if (c.options == "third-party-pauses") {
    for (auto& p : config.policies) p.pause_on_third_party = true;
  } else {
    ASSERT_EQ(c.options, "-") << "unknown option";
  }
  std::vector<TicketEvent> events;
  for (const auto& token : c.events) events.push_back(event_from(token, events.size() + 1));
  auto now = parse_instant(c.now);
  ASSERT_TRUE(now);
  auto target = parse_target(c.target);
  ASSERT_TRUE(target) << "target is first_response or resolution";

  ClockContext ctx;
  ctx.config = &config;
  ctx.service = [](std::int64_t) { return std::pair<std::string, std::string>{"SUP", ""}; };
  ctx.desk_calendar = "case";
  ctx.calendar = [&](const std::string&) { return calendar; };
  ctx.now = *now;
  ctx.explain = true;
  const SlaTimeline timeline = compute_timeline(events, ctx);
  ASSERT_TRUE(timeline.applies);
  const TargetClock& clock = timeline.targets[*target == Target::first_response ? 0 : 1];
  EXPECT_EQ(clock_state_code(clock.state), c.state);
  EXPECT_EQ(format_in_calendar(*calendar, clock.deadline), c.deadline);
  if (c.elapsed != "-") {
    EXPECT_EQ(clock.elapsed, parse_elapsed(c.elapsed));
  }
  // The explanation counts exactly the elapsed working time.
  if (clock.duration.unit != DurationUnit::calendar_hours) {
    std::chrono::milliseconds counted{0};
    for (const auto& i : clock.counted) counted += i.until - i.from;
    EXPECT_EQ(counted, clock.elapsed);
  }
}

std::string clock_case_name(const ::testing::TestParamInfo<ClockCase>& info) {
  std::string name = info.param.file + "_line_" + std::to_string(info.param.line);
  std::replace_if(
      name.begin(), name.end(), [](char ch) { return !std::isalnum(ch); }, '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(DataFiles, ClockCases, ::testing::ValuesIn(load_clock_cases()),
                         clock_case_name);

TEST(ClockCaseFiles, AreFound) {
  EXPECT_GE(load_clock_cases().size(), 15u) << "looked in " << GUICHE_SLA_CASES_DIR;
}

}  // namespace
}  // namespace guiche::sla::testing
