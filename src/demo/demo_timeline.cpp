// Replays the demo history in time order, so protocol numbers, event
// instants and the nightly auto-close agree with one another.
#include <algorithm>
#include <stdexcept>

#include "app/tickets/ticket_work.hpp"
#include "demo/demo_internal.hpp"
#include "domain/error.hpp"

namespace guiche::demo {
namespace {

// A failing step is a bug in the demo script: say which one and why.
[[noreturn]] void fail(const std::string& label, const std::exception& e) {
  std::string message = "demo: " + label + ": " + e.what();
  if (const auto* domain = dynamic_cast<const DomainError*>(&e)) {
    for (const auto& f : domain->fields()) message += " [" + f.field + ": " + f.message + "]";
  }
  throw std::runtime_error(message);
}

}  // namespace

void Timeline::add(Instant at, std::string label, std::function<void()> action) {
  entries_.push_back({at, entries_.size(), std::move(label), std::move(action)});
}

void Timeline::run(ManualClock& clock, app::Desk& desk, Instant begin, Instant end) {
  std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
    return a.at != b.at ? a.at < b.at : a.seq < b.seq;
  });
  Instant last = begin;
  // The server runs the auto-close job nightly; the demo does the same.
  auto nightly_jobs_until = [&](Instant t) {
    for (auto day = local_day_of(last);; day += std::chrono::days{1}) {
      const Instant job = at_local(day, std::chrono::hours{3});
      if (job <= last) continue;
      if (job > t) break;
      clock.set(job);
      desk.work().close_expired_resolutions();
    }
  };
  for (auto& entry : entries_) {
    nightly_jobs_until(entry.at);
    clock.set(entry.at);
    try {
      entry.action();
    } catch (const std::exception& e) {
      fail(entry.label, e);
    }
    last = entry.at;
  }
  nightly_jobs_until(end);
  clock.set(end);
  desk.work().close_expired_resolutions();
  entries_.clear();
}

}  // namespace guiche::demo
