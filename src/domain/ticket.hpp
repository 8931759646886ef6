#pragma once
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/category.hpp"
#include "domain/channel.hpp"
#include "domain/ticket_status.hpp"
#include "domain/time.hpp"

namespace guiche {

struct TicketLink {
  std::int64_t other_ticket_id = 0;
  std::string kind;  // related, duplicate_of / duplicated_by, caused_by / causes
  bool operator==(const TicketLink&) const = default;
};

// The state of a ticket: a pure fold of its events (see ticket_projection).
// The store keeps it as a cache row; `guiche admin rebuild-tickets` re-derives it.
struct Ticket {
  std::int64_t id = 0;
  std::string protocol;  // AAAA-NNNNNN
  std::int64_t requester_id = 0;
  std::optional<std::int64_t> organization_id;
  std::int64_t service_id = 0;
  Category category = Category::service_request;
  Channel channel = Channel::portal;
  std::optional<std::int64_t> registered_by;  // the attendant, for phone/e-mail intake
  std::string subject;
  std::string description;
  nlohmann::json form_answers = nlohmann::json::object();
  int impact = 3;   // 1 high .. 3 low
  int urgency = 3;  // 1 high .. 3 low
  int priority = 9;
  Status status = Status::new_;
  std::optional<std::int64_t> unit_id;
  std::optional<std::int64_t> assignee_id;
  bool audience_admitted = true;
  std::string audience_reason;  // why it went to client relations
  std::int64_t time_spent_minutes = 0;
  std::string resolution;
  std::optional<int> rating;
  std::string rating_comment;
  int reopen_count = 0;
  std::optional<Instant> agreed_deadline;  // projects
  std::optional<Instant> estimated_deadline;
  std::optional<Instant> first_response_at;
  Instant created_at{};
  Instant updated_at{};
  std::optional<Instant> resolved_at;
  std::optional<Instant> closed_at;
  std::vector<TicketLink> links;
  std::int64_t version = 0;  // number of events applied

  bool operator==(const Ticket&) const = default;
};

// Priority 1 (highest) .. 9 from impact and urgency, each 1 (high) .. 3 (low).
int priority_from(int impact, int urgency);

}  // namespace guiche
