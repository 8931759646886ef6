#include "domain/ticket_projection.hpp"

namespace guiche {
namespace {

std::optional<std::int64_t> optional_id(const nlohmann::json& data, const char* key) {
  if (!data.contains(key) || data[key].is_null()) return std::nullopt;
  return data[key].get<std::int64_t>();
}

std::optional<Instant> optional_instant(const nlohmann::json& data, const char* key) {
  if (!data.contains(key) || data[key].is_null()) return std::nullopt;
  return from_millis(data[key].get<std::int64_t>());
}

Status status_in(const nlohmann::json& data, const char* key) {
  return parse_status(data.at(key).get<std::string>()).value();
}

}  // namespace

int priority_from(int impact, int urgency) {
  return (impact - 1) * 3 + urgency;
}

void apply_event(Ticket& t, const TicketEvent& e) {
  const auto& d = e.data;
  switch (e.kind) {
    case EventKind::created:
      t.id = e.ticket_id;
      t.protocol = d.at("protocol").get<std::string>();
      t.requester_id = d.at("requester_id").get<std::int64_t>();
      t.organization_id = optional_id(d, "organization_id");
      t.service_id = d.at("service_id").get<std::int64_t>();
      t.category = parse_category(d.at("category").get<std::string>()).value();
      t.channel = e.channel;
      t.registered_by = optional_id(d, "registered_by");
      t.subject = d.at("subject").get<std::string>();
      t.description = d.at("description").get<std::string>();
      t.form_answers = d.value("form_answers", nlohmann::json::object());
      t.impact = d.value("impact", 3);
      t.urgency = d.value("urgency", 3);
      t.priority = priority_from(t.impact, t.urgency);
      t.unit_id = optional_id(d, "unit_id");
      t.audience_admitted = d.value("audience_admitted", true);
      t.audience_reason = d.value("audience_reason", std::string());
      t.agreed_deadline = optional_instant(d, "agreed_deadline");
      t.estimated_deadline = optional_instant(d, "estimated_deadline");
      t.status = Status::new_;
      t.created_at = e.at;
      break;
    case EventKind::triaged:
      if (d.contains("service_id")) t.service_id = d["service_id"].get<std::int64_t>();
      if (d.contains("category")) {
        t.category = parse_category(d["category"].get<std::string>()).value();
      }
      t.impact = d.value("impact", t.impact);
      t.urgency = d.value("urgency", t.urgency);
      t.priority = priority_from(t.impact, t.urgency);
      if (d.contains("agreed_deadline")) t.agreed_deadline = optional_instant(d, "agreed_deadline");
      if (t.status == Status::new_) t.status = Status::triage;
      break;
    case EventKind::routed:
      // Client relations accepted a request from outside the audience; the
      // original reason stays on the ticket for the record.
      if (d.contains("audience_accepted_by")) t.audience_admitted = true;
      t.unit_id = optional_id(d, "unit_id");
      t.assignee_id = optional_id(d, "assignee_id");
      t.status = status_in(d, "status");
      break;
    case EventKind::assigned:
      t.assignee_id = optional_id(d, "assignee_id");
      t.status = status_in(d, "status");
      break;
    case EventKind::status_changed:
      t.status = status_in(d, "to");
      break;
    case EventKind::public_reply:
      if (d.value("from_agent", false) && !t.first_response_at) t.first_response_at = e.at;
      if (d.contains("status")) t.status = status_in(d, "status");
      break;
    case EventKind::internal_note:
    case EventKind::attachment_added:
    case EventKind::attachment_held:  // files live in attachments
    case EventKind::attachment_released:
    case EventKind::sla_warning:
    case EventKind::notice_linked:  // the links live in status_notice_tickets
    case EventKind::notice_unlinked:
    case EventKind::equipment_entered:  // custody lives in equipment_custody
    case EventKind::equipment_maintained:
    case EventKind::equipment_returned:
    case EventKind::macro_applied:  // its steps are events of their own
      break;
    case EventKind::time_logged:
      t.time_spent_minutes += d.at("minutes").get<std::int64_t>();
      break;
    case EventKind::resolved:
      t.resolution = d.at("resolution").get<std::string>();
      t.time_spent_minutes += d.at("time_spent_minutes").get<std::int64_t>();
      t.status = Status::resolved;
      t.resolved_at = e.at;
      break;
    case EventKind::evaluated:
      t.rating = d.at("rating").get<int>();
      t.rating_comment = d.value("comment", std::string());
      break;
    case EventKind::reopened:
      t.status = Status::reopened;
      t.reopen_count += 1;
      t.resolved_at.reset();
      // The survey judged the resolution being reopened; the next one gets its own.
      t.rating.reset();
      t.rating_comment.clear();
      break;
    case EventKind::closed:
      t.status = Status::closed;
      t.closed_at = e.at;
      break;
    case EventKind::cancelled:
      t.status = Status::cancelled;
      t.closed_at = e.at;
      break;
    case EventKind::linked:
      t.links.push_back(
          {d.at("other_ticket_id").get<std::int64_t>(), d.at("link").get<std::string>()});
      break;
    case EventKind::merged:
      t.status = Status::closed;
      t.closed_at = e.at;
      t.links.push_back({d.at("into_id").get<std::int64_t>(), "merged_into"});
      break;
    case EventKind::merge_received:
      for (const auto& from : d.at("from")) {
        t.links.push_back({from.at("id").get<std::int64_t>(), "merged_from"});
      }
      break;
    case EventKind::merge_undone: {
      const auto other = d.at("other_id").get<std::int64_t>();
      std::erase_if(t.links, [&](const TicketLink& l) {
        return l.other_ticket_id == other && (l.kind == "merged_into" || l.kind == "merged_from");
      });
      if (d.value("side", "") == "duplicate") {
        t.status = status_in(d, "status");
        t.closed_at.reset();
      }
      break;
    }
  }
  t.updated_at = e.at;
  t.version = e.seq;
}

Ticket fold_events(const std::vector<TicketEvent>& events) {
  Ticket t;
  for (const auto& e : events) apply_event(t, e);
  return t;
}

}  // namespace guiche
