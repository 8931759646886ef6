#pragma once
// The process's own figures, measured at each scrape from /proc/self:
// resident and virtual memory, CPU time, open descriptors, start time and
// threads (the names Prometheus' own clients use, so standard dashboards work).
#include "observability/metrics.hpp"

namespace guiche::observability {

[[nodiscard]] Registry::CollectorHandle add_process_metrics(Registry& registry);

}  // namespace guiche::observability
