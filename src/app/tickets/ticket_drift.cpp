#include "app/tickets/ticket_drift.hpp"

#include "domain/ticket_projection.hpp"
#include "store/ticket_rows.hpp"

namespace guiche::app {
namespace {

// The names of the fields where the stored row and the fold disagree.
std::vector<std::string> differing_fields(const Ticket& stored, const Ticket& derived) {
  std::vector<std::string> out;
  auto check = [&](const char* name, bool same) {
    if (!same) out.emplace_back(name);
  };
  check("protocol", stored.protocol == derived.protocol);
  check("requester_id", stored.requester_id == derived.requester_id);
  check("organization_id", stored.organization_id == derived.organization_id);
  check("service_id", stored.service_id == derived.service_id);
  check("category", stored.category == derived.category);
  check("channel", stored.channel == derived.channel);
  check("registered_by", stored.registered_by == derived.registered_by);
  check("subject", stored.subject == derived.subject);
  check("description", stored.description == derived.description);
  check("form_answers", stored.form_answers == derived.form_answers);
  check("impact", stored.impact == derived.impact);
  check("urgency", stored.urgency == derived.urgency);
  check("priority", stored.priority == derived.priority);
  check("status", stored.status == derived.status);
  check("unit_id", stored.unit_id == derived.unit_id);
  check("assignee_id", stored.assignee_id == derived.assignee_id);
  check("audience_admitted", stored.audience_admitted == derived.audience_admitted);
  check("audience_reason", stored.audience_reason == derived.audience_reason);
  check("time_spent_minutes", stored.time_spent_minutes == derived.time_spent_minutes);
  check("resolution", stored.resolution == derived.resolution);
  check("rating", stored.rating == derived.rating);
  check("rating_comment", stored.rating_comment == derived.rating_comment);
  check("reopen_count", stored.reopen_count == derived.reopen_count);
  check("agreed_deadline", stored.agreed_deadline == derived.agreed_deadline);
  check("estimated_deadline", stored.estimated_deadline == derived.estimated_deadline);
  check("first_response_at", stored.first_response_at == derived.first_response_at);
  check("created_at", stored.created_at == derived.created_at);
  check("updated_at", stored.updated_at == derived.updated_at);
  check("resolved_at", stored.resolved_at == derived.resolved_at);
  check("closed_at", stored.closed_at == derived.closed_at);
  check("links", stored.links == derived.links);
  check("version", stored.version == derived.version);
  // A field added to Ticket and not named above still counts.
  if (out.empty() && !(stored == derived)) out.emplace_back("outros campos");
  return out;
}

}  // namespace

DriftReport find_ticket_drift(store::Database& db, int batch) {
  DriftReport report;
  std::int64_t after = 0;
  for (;;) {
    std::vector<std::int64_t> ids;
    std::vector<TicketDrift> drifted;
    db.read([&](store::Connection& c) {
      drifted.clear();
      ids = store::ticket_ids_after(c, after, batch);
      for (const auto id : ids) {
        const auto events = store::load_events(c, id);
        const auto stored = store::load_ticket(c, id);
        if (!stored) continue;
        if (events.empty()) {
          drifted.push_back({id, stored->protocol, {"(sem eventos)"}});
          continue;
        }
        auto fields = differing_fields(*stored, fold_events(events));
        if (!fields.empty()) drifted.push_back({id, stored->protocol, std::move(fields)});
      }
    });
    for (auto& d : drifted) report.drifted.push_back(std::move(d));
    if (ids.empty()) break;
    report.checked += static_cast<std::int64_t>(ids.size());
    after = ids.back();
  }
  return report;
}

}  // namespace guiche::app
