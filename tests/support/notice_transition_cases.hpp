#pragma once
// The cases of tests/domain/data/notice_transitions.cases, read once: the
// domain test checks the pure rule with them, the application test replays
// them on both engines with real people.
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "domain/incidents/notice_transitions.hpp"

namespace guiche::testing {

// Every actor the cases name, in a stable order.
inline const std::vector<std::string>& notice_case_actors() {
  static const std::vector<std::string> actors = {"team",       "staff",    "communications",
                                                  "leadership", "admin",    "client_manager",
                                                  "monitoring", "requester"};
  return actors;
}

struct NoticeTransitionCase {
  int line = 0;
  NoticeKind kind = NoticeKind::incident;
  std::optional<NoticeState> state;  // none: the creation of a notice
  NoticeAction action = NoticeAction::report;
  std::vector<std::string> actors;  // those that may take the action at all
  std::optional<NoticeState> next;  // none: conflict
  std::string text;
};

// Throws std::runtime_error naming the line when one is malformed.
inline std::vector<NoticeTransitionCase> load_notice_transition_cases(const std::string& path) {
  std::ifstream file(path);
  if (!file) throw std::runtime_error("cannot read " + path);
  std::vector<NoticeTransitionCase> cases;
  int number = 0;
  for (std::string line; std::getline(file, line);) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    std::istringstream in(line);
    std::string kind, state, action, actors, arrow, next;
    auto wrong = [&] { return std::runtime_error("line " + std::to_string(number) + ": " + line); };
    if (!(in >> kind >> state >> action >> actors >> arrow >> next) || arrow != "->") throw wrong();
    NoticeTransitionCase c;
    c.line = number;
    c.text = line;
    auto k = parse_notice_kind(kind);
    auto a = parse_notice_action(action);
    if (!k || !a) throw wrong();
    c.kind = *k;
    c.action = *a;
    if (state != "-") {
      c.state = parse_notice_state(state);
      if (!c.state) throw wrong();
    }
    if (next != "conflict") {
      c.next = parse_notice_state(next);
      if (!c.next) throw wrong();
    }
    std::stringstream list(actors);
    for (std::string actor; std::getline(list, actor, ',');) c.actors.push_back(actor);
    cases.push_back(std::move(c));
  }
  return cases;
}

}  // namespace guiche::testing
