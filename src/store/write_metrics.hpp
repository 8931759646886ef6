#pragma once
// What the engines' writers report to /metrics: each group commit (one
// transaction for the writes that queued together), how long it took from
// BEGIN to the end of COMMIT, how many writes it carried and how many of them
// failed, and the transactions retried after a deadlock or serialization
// failure (PostgreSQL). Both engines group writes, so the figures compare.
#include <chrono>
#include <cstddef>
#include <string_view>

namespace guiche::store {

void record_write_group(std::string_view engine, std::chrono::steady_clock::duration took,
                        std::size_t writes, std::size_t failed);
// Also logged, with what the server said (observability/log.hpp).
void record_write_retry(std::string_view engine, int attempt, int max_attempts,
                        std::string_view reason);

// One wait for PostgreSQL's answer inside a write or a read transaction
// (BEGIN and COMMIT included): the round trips a use case costs, which
// pipelining and fewer statements bring down (store/postgres/pg_connection.hpp).
void record_round_trip(bool in_write);

}  // namespace guiche::store
