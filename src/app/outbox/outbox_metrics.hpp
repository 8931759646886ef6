#pragma once
// The outbox's backlog on /metrics, measured at each scrape: how many
// messages wait per channel and status, and how old the oldest is — the
// figures that show a channel has stopped delivering.
#include "app/outbox/outbox_admin.hpp"
#include "observability/metrics.hpp"

namespace guiche::app {

[[nodiscard]] observability::Registry::CollectorHandle add_outbox_metrics(
    OutboxAdmin& outbox, observability::Registry& registry);

}  // namespace guiche::app
