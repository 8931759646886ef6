#include "store/write_metrics.hpp"

#include <string>

#include "observability/log.hpp"
#include "observability/metrics.hpp"

namespace guiche::store {
namespace {

struct WriteMetrics {
  observability::Family<observability::Counter>& groups;
  observability::Family<observability::Histogram>& duration;
  observability::Family<observability::Counter>& writes;
  observability::Family<observability::Counter>& retries;
};

WriteMetrics& write_metrics() {
  auto& r = observability::metrics();
  static WriteMetrics m{
      r.counter("guiche_db_commits_total",
                "Transações de escrita confirmadas (cada uma leva as escritas agrupadas).",
                {"engine"}),
      r.histogram("guiche_db_commit_duration_seconds",
                  "Duração de uma transação de escrita, do BEGIN ao fim do COMMIT.", {"engine"}),
      r.counter("guiche_db_writes_total", "Escritas pedidas ao banco, por resultado.",
                {"engine", "outcome"}),
      r.counter("guiche_db_write_retries_total",
                "Transações repetidas por impasse (deadlock) ou falha de serialização.",
                {"engine"})};
  return m;
}

}  // namespace

void record_write_group(std::string_view engine, std::chrono::steady_clock::duration took,
                        std::size_t writes, std::size_t failed) {
  auto& m = write_metrics();
  const std::string name(engine);
  m.groups.with({name}).inc();
  m.duration.with({name}).observe(std::chrono::duration<double>(took).count());
  m.writes.with({name, "ok"}).inc(static_cast<double>(writes - failed));
  if (failed) m.writes.with({name, "failed"}).inc(static_cast<double>(failed));
}

void record_write_retry(std::string_view engine, int attempt, int max_attempts,
                        std::string_view reason) {
  write_metrics().retries.with({std::string(engine)}).inc();
  observability::log_notice(std::string(engine),
                            "transação repetida (tentativa " + std::to_string(attempt) + " de " +
                                std::to_string(max_attempts) + "): " + std::string(reason));
}

void record_round_trip(bool in_write) {
  static auto& family = observability::metrics().counter(
      "guiche_db_round_trips_total",
      "Esperas pela resposta do PostgreSQL (ida e volta), em escritas e em leituras.",
      {"transaction"});
  static auto& writes = family.with({"write"});
  static auto& reads = family.with({"read"});
  (in_write ? writes : reads).inc();
}

}  // namespace guiche::store
