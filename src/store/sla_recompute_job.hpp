#pragma once
// The SLA clock recompute job as stored (migrations/v024_sla_recompute.cpp):
// running, or the last one finished.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/time.hpp"

namespace guiche::store {

struct SlaRecomputeJob {
  std::int64_t generation = 0;  // grows at each (re)start
  std::string reason;           // pt-BR, e.g. "configuração de ANS alterada"
  std::optional<std::int64_t> started_by;
  Instant started_at{};
  std::int64_t total = 0;  // unfinished tickets when the job (re)started
  std::int64_t done = 0;
  std::int64_t cursor_id = 0;  // the last ticket id whose clock was refreshed
  std::int64_t last_id = 0;    // the highest ticket id when the job (re)started
  std::optional<Instant> finished_at;
};

}  // namespace guiche::store
