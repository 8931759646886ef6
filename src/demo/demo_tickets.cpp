// Places every demo ticket's steps in time: the decisive step of each story
// falls in a window that makes its target status true at "now" (a resolved
// ticket within the reopen window, a closed one well before it), the other
// steps around it in working hours.
#include <utility>

#include "demo/demo_internal.hpp"

namespace guiche::demo {
namespace {

using namespace std::chrono;

// Days before now in which the anchor step of a story falls, by target.
std::pair<double, double> window_of(const Story& s) {
  if (s.max_days > 0) return {s.min_days, s.max_days};
  switch (s.target) {
    case Status::new_:
      return {0.1, 3};
    case Status::triage:
      return {0.2, 4};
    case Status::assigned:
      return {0.3, 7};
    case Status::in_progress:
      return {0.3, 9};
    case Status::pending_requester:
      return {1, 12};
    case Status::pending_third_party:
      return {1, 15};
    case Status::resolved:
      return {0.2, 6.3};  // still inside the 7-day reopen window
    case Status::closed:
      return {9, 56};  // past the window: the nightly job has closed it
    case Status::reopened:
      return {0.3, 10};
    case Status::cancelled:
      return {0.5, 50};
  }
  return {1, 10};
}

// A random working instant between `hi` and `lo` days before the end. Only
// candidates already in working hours are taken, so the window holds exactly.
Instant pick_anchor(World& w, double lo, double hi) {
  const auto lo_s = static_cast<int>(lo * 86400);
  const auto hi_s = static_cast<int>(hi * 86400);
  Instant candidate{};
  for (int attempt = 0; attempt < 200; ++attempt) {
    candidate = w.end - seconds{w.rng.uniform(lo_s, hi_s)};
    if (snap_backward(candidate) == candidate) return candidate;
  }
  return sub_working(snap_backward(candidate), minutes{w.rng.uniform(5, 120)});
}

std::vector<Instant> lay_out(const TicketPlan& plan, Instant anchor) {
  std::vector<Instant> at(plan.steps.size());
  at[plan.anchor] = anchor;
  for (auto i = plan.anchor; i > 0; --i) at[i - 1] = sub_working(at[i], plan.steps[i].gap);
  for (auto i = plan.anchor + 1; i < at.size(); ++i) {
    at[i] = add_working(at[i - 1], plan.steps[i].gap);
  }
  return at;
}

std::vector<Instant> lay_out_from_first(const TicketPlan& plan, Instant first) {
  std::vector<Instant> at(plan.steps.size());
  at[0] = first;
  for (std::size_t i = 1; i < at.size(); ++i) at[i] = add_working(at[i - 1], plan.steps[i].gap);
  return at;
}

bool self_service(Channel c) {
  return c == Channel::portal || c == Channel::api || c == Channel::whatsapp;
}

}  // namespace

void schedule_tickets(World& w) {
  const Instant floor = w.clock.now() + minutes{30};  // after the directory exists
  std::vector<Story> stories = systems_stories();
  for (auto& s : support_stories()) stories.push_back(s);
  // The runs hold pointers into `stories` while the timeline plays.
  auto all = std::make_shared<std::vector<Story>>(std::move(stories));

  std::shared_ptr<TicketRun> previous;
  for (const auto& story : *all) {
    auto run = std::make_shared<TicketRun>();
    run->story = &story;
    run->previous = previous;
    TicketPlan plan = plan_ticket(w, run);

    std::vector<Instant> at;
    const bool follows = story.flags & (kLinkPrevious | kDuplicatePrevious);
    if (follows) {
      // Reported by someone else shortly after the previous story's ticket.
      at =
          lay_out_from_first(plan, add_working(previous->first_at, minutes{w.rng.uniform(10, 90)}));
    } else {
      auto [lo, hi] = window_of(story);
      at = lay_out(plan, pick_anchor(w, lo, hi));
      if (at.front() < floor) {
        at = lay_out_from_first(plan, add_working(floor, minutes{w.rng.uniform(0, 300)}));
      }
      // Some people write in the evening or at the weekend.
      if (self_service(story.channel) && w.rng.chance(0.15)) {
        const Instant evening =
            at_local(local_day_of(at.front()) - days{1}, minutes{19 * 60 + w.rng.uniform(0, 200)});
        if (evening > floor) at.front() = evening;
      }
    }
    run->first_at = at.front();

    for (std::size_t i = 0; i < plan.steps.size(); ++i) {
      if (at[i] > w.end - minutes{1}) break;  // what has not happened yet
      auto& step = plan.steps[i];
      w.timeline.add(at[i], std::string(story.subject) + " (" + step.label + ")",
                     [all, act = std::move(step.act)] { act(); });
    }
    previous = run;
  }
}

}  // namespace guiche::demo
