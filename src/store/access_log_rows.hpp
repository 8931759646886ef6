#pragma once
// The personal-data access log (LGPD art. 37; migration v028): rows appended
// in batches, queried newest first by subject, reader and period with (at, id)
// as the keyset, and deleted past the retention period in bounded batches.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/time.hpp"
#include "store/database.hpp"

namespace guiche::store {

struct AccessRecord {
  std::int64_t id = 0;  // set when read back
  Instant at{};
  std::optional<std::int64_t> reader_person_id;
  std::optional<std::int64_t> reader_token_id;
  std::string reader_address;
  std::string channel;  // "api" or "web"
  std::int64_t subject_person_id = 0;
  std::string object_kind;  // "ticket", "ticket_events", "attachment", "person", ...
  std::int64_t object_id = 0;
  // Read back only: the people's names, "" when the person no longer exists.
  std::string reader_name{};
  std::string subject_name{};
};

struct AccessQuery {
  std::optional<std::int64_t> subject_person_id;
  std::optional<std::int64_t> reader_person_id;
  std::optional<Instant> since;  // at >= since
  std::optional<Instant> until;  // at < until
  // The keyset: entries strictly older than (at, id) of the last one seen.
  std::optional<std::pair<Instant, std::int64_t>> after;
  int limit = 50;
};

// One multi-row INSERT per few hundred rows (the engines' parameter limits),
// all within the caller's transaction.
void insert_access_records(Connection& c, const std::vector<AccessRecord>& records);

// Newest first; at most query.limit rows.
std::vector<AccessRecord> query_access_records(Connection& c, const AccessQuery& query);

// Deletes at most `limit` entries older than `before` (oldest first); returns how many.
std::int64_t delete_access_records_before(Connection& c, Instant before, int limit);

}  // namespace guiche::store
