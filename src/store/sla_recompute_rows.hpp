#pragma once
// The SLA clock recompute job (one row: migrations/v024_sla_recompute.cpp).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/time.hpp"
#include "store/database.hpp"
#include "store/sla_recompute_job.hpp"

namespace guiche::store {

// (Re)starts the job from the first ticket, counting the unfinished tickets
// now; call in the transaction that changes what the clocks depend on.
void restart_sla_recompute(Connection& c, const std::string& reason, std::optional<std::int64_t> by,
                           Instant at);
// The job as stored (running or the last finished), or nullopt if never run;
// `for_update` locks the row until the commit (PostgreSQL).
std::optional<SlaRecomputeJob> load_sla_recompute(Connection& c, bool for_update = false);
// Records a batch's progress; `finished_at` ends the job.
void advance_sla_recompute(Connection& c, std::int64_t cursor_id, std::int64_t done,
                           std::optional<Instant> finished_at);
// The next unfinished tickets with after < id <= up_to, by id (the primary key).
std::vector<std::int64_t> unfinished_ticket_ids_between(Connection& c, std::int64_t after,
                                                        std::int64_t up_to, int limit);
// Their SQL, for the plan test: both walk the partial index of the unfinished
// tickets (migration v026), never the table.
const char* unfinished_count_sql(Dialect dialect);
const char* unfinished_between_sql();

}  // namespace guiche::store
