#include "app/live/live_relay.hpp"

#include "app/live/live_updates.hpp"

namespace guiche::app {
namespace {

// Far longer than any relay's period: a row is pruned only once every node
// that is up has read it.
constexpr auto kKeepFor = std::chrono::minutes(10);
constexpr int kRoundsBetweenPrunes = 600;

}  // namespace

LiveRelay::LiveRelay(Desk& desk, std::chrono::milliseconds period)
    : loop_("live relay", period, [this, &desk] {
        desk.live().relay_live_changes(cursor_);
        if (++rounds_ % kRoundsBetweenPrunes == 0) desk.live().prune_live_changes(kKeepFor);
      }) {}

}  // namespace guiche::app
