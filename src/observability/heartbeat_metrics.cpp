#include "observability/heartbeat_metrics.hpp"

namespace guiche::observability {

Registry::CollectorHandle add_heartbeat_metrics(Registry& registry, Heartbeats& roll) {
  return registry.add_collector([&roll](SampleWriter& out) {
    const auto workers = roll.roll();
    out.family("guiche_worker_seconds_since_beat",
               "Segundos desde a última volta de cada processo de fundo.", "gauge");
    for (const auto& w : workers)
      out.sample("guiche_worker_seconds_since_beat", {{"worker", w.worker}},
                 static_cast<double>(w.since_beat.count()) / 1000.0);
    out.family(
        "guiche_worker_stalled",
        "1 quando o processo de fundo passou do limite sem dar volta (o nó não está pronto).",
        "gauge");
    for (const auto& w : workers)
      out.sample("guiche_worker_stalled", {{"worker", w.worker}}, w.since_beat > w.limit ? 1 : 0);
  });
}

}  // namespace guiche::observability
