#pragma once
// When each agent last opened each ticket's page (migration v030), and which
// tickets their requester wrote to since: the queue's "nova resposta" mark.
#include <cstdint>
#include <set>
#include <vector>

#include "domain/time.hpp"
#include "store/database.hpp"

namespace guiche::store {

void note_ticket_seen(Connection& c, std::int64_t person_id, std::int64_t ticket_id, Instant at);

// Of `ticket_ids`, those with a public message from their requester after
// `person_id` last opened them (or ever, if never opened).
std::set<std::int64_t> tickets_with_requester_reply_unseen(
    Connection& c, std::int64_t person_id, const std::vector<std::int64_t>& ticket_ids);

}  // namespace guiche::store
