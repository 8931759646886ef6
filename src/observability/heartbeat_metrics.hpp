#pragma once
// The workers' heartbeats on /metrics: seconds since each worker's last beat,
// and whether it is past its limit (what readiness refuses on).
#include "observability/heartbeats.hpp"
#include "observability/metrics.hpp"

namespace guiche::observability {

[[nodiscard]] Registry::CollectorHandle add_heartbeat_metrics(Registry& registry, Heartbeats& roll);

}  // namespace guiche::observability
