#include "api/ticket_json.hpp"

namespace guiche::api {
namespace {

nlohmann::json id_or_null(const std::optional<std::int64_t>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json instant_or_null(const std::optional<Instant>& t) {
  return t ? nlohmann::json(format_utc(*t)) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json ticket_json(const Ticket& t) {
  auto links = nlohmann::json::array();
  for (const auto& l : t.links)
    links.push_back({{"ticket_id", l.other_ticket_id}, {"kind", l.kind}});
  return {
      {"id", t.id},
      {"protocol", t.protocol},
      {"requester_id", t.requester_id},
      {"organization_id", id_or_null(t.organization_id)},
      {"service_id", t.service_id},
      {"category", category_code(t.category)},
      {"channel", channel_code(t.channel)},
      {"registered_by", id_or_null(t.registered_by)},
      {"subject", t.subject},
      {"description", t.description},
      {"form_answers", t.form_answers},
      {"impact", t.impact},
      {"urgency", t.urgency},
      {"priority", t.priority},
      {"status", status_code(t.status)},
      {"status_label", status_label_pt(t.status)},
      {"unit_id", id_or_null(t.unit_id)},
      {"assignee_id", id_or_null(t.assignee_id)},
      {"audience_admitted", t.audience_admitted},
      {"audience_reason", t.audience_reason},
      {"time_spent_minutes", t.time_spent_minutes},
      {"resolution", t.resolution},
      {"rating", t.rating ? nlohmann::json(*t.rating) : nlohmann::json(nullptr)},
      {"rating_comment", t.rating_comment},
      {"reopen_count", t.reopen_count},
      {"agreed_deadline", instant_or_null(t.agreed_deadline)},
      {"estimated_deadline", instant_or_null(t.estimated_deadline)},
      {"first_response_at", instant_or_null(t.first_response_at)},
      {"created_at", format_utc(t.created_at)},
      {"updated_at", format_utc(t.updated_at)},
      {"resolved_at", instant_or_null(t.resolved_at)},
      {"closed_at", instant_or_null(t.closed_at)},
      {"links", links},
      {"version", t.version},
  };
}

nlohmann::json event_json(const TicketEvent& e) {
  return {{"seq", e.seq},
          {"kind", event_kind_code(e.kind)},
          {"actor_id", id_or_null(e.actor_id)},
          {"channel", channel_code(e.channel)},
          {"at", format_utc(e.at)},
          {"public", e.is_public},
          {"data", e.data}};
}

nlohmann::json attachment_json(const store::AttachmentRecord& a) {
  return {{"id", a.id},
          {"ticket_id", a.ticket_id},
          {"filename", a.filename},
          {"content_type", a.content_type},
          {"size_bytes", a.size_bytes},
          {"sha256", a.sha256},
          {"public", a.is_public},
          {"uploaded_by", a.uploaded_by},
          {"created_at", format_utc(a.created_at)},
          // Held by the file policy: kept, listed for staff with the reason,
          // not downloadable but by admins, who may release it.
          {"held", a.held()},
          {"held_reason", a.held() ? nlohmann::json(a.held_reason) : nlohmann::json(nullptr)},
          {"released_by", a.released_by ? nlohmann::json(*a.released_by) : nlohmann::json(nullptr)},
          {"released_at",
           a.released_at ? nlohmann::json(format_utc(*a.released_at)) : nlohmann::json(nullptr)}};
}

}  // namespace guiche::api
