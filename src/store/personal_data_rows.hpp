#pragma once
// The rows LGPD requests read and write besides the map's treatments
// (store/personal_data_map.hpp): the scope of an anonymization, the record of
// exports and anonymizations, the files waiting to be erased, and the
// retention rule's candidates.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/person.hpp"
#include "store/personal_data_map.hpp"

namespace guiche::store {

// Where the person's data is, before anything changes. `acted_as_staff`: the
// person held a role beyond requester, so tickets where they acted are
// searched too (a requester acts only on their own).
ErasureScope collect_erasure_scope(Connection& c, const Person& p, bool acted_as_staff,
                                   Instant now);

std::optional<Instant> anonymized_at(Connection& c, std::int64_t person_id);

struct PersonalDataRequest {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  std::string kind;                      // "export" | "anonymization"
  std::optional<std::int64_t> actor_id;  // none: the retention rule
  std::string channel;                   // "portal", "web", "api", "cli", "housekeeping"
  Instant at{};
};
void record_personal_data_request(Connection& c, const PersonalDataRequest& r);
std::vector<PersonalDataRequest> personal_data_requests(Connection& c, std::int64_t person_id);

// Files an anonymization released, erased from the store once committed.
void queue_blob_erasures(Connection& c, const std::vector<std::string>& sha256s, Instant now);
std::vector<std::string> queued_blob_erasures(Connection& c);
void forget_blob_erasure(Connection& c, const std::string& sha256);
// Whether any row still names the file (another person sent the same bytes).
bool blob_in_use(Connection& c, const std::string& sha256);

// Requesters (no role but requester) not yet anonymized, with at least one
// ticket, every one of them closed or cancelled before `cutoff`; at most
// `limit`, by id, among the people with ids in (after_id, through_id].
std::vector<std::int64_t> requesters_due_for_anonymization(Connection& c, Instant cutoff,
                                                           std::int64_t after_id,
                                                           std::int64_t through_id, int limit);
// The id that ends a window of `size` people after `after_id` (the last
// person's id when fewer remain); nullopt when none remains.
std::optional<std::int64_t> people_window_end(Connection& c, std::int64_t after_id, int size);

}  // namespace guiche::store
