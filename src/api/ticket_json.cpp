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

nlohmann::json ticket_json(Ticket t) {
  auto links = nlohmann::json::array();
  for (const auto& l : t.links)
    links.push_back({{"ticket_id", l.other_ticket_id}, {"kind", l.kind}});
  // Built in key order at the map's end and with the ticket's strings moved
  // in: a queue page builds fifty of these (bench/desk_scale.cpp), and the
  // initializer-list form copied every value and compared every key.
  nlohmann::json out = nlohmann::json::object();
  auto& fields = out.get_ref<nlohmann::json::object_t&>();
  auto put = [&fields](const char* key, nlohmann::json value) {
    fields.emplace_hint(fields.end(), key, std::move(value));
  };
  put("agreed_deadline", instant_or_null(t.agreed_deadline));
  put("assignee_id", id_or_null(t.assignee_id));
  put("audience_admitted", t.audience_admitted);
  put("audience_reason", std::move(t.audience_reason));
  put("category", category_code(t.category));
  put("channel", channel_code(t.channel));
  put("closed_at", instant_or_null(t.closed_at));
  put("created_at", format_utc(t.created_at));
  put("description", std::move(t.description));
  put("estimated_deadline", instant_or_null(t.estimated_deadline));
  put("first_response_at", instant_or_null(t.first_response_at));
  put("form_answers", std::move(t.form_answers));
  put("id", t.id);
  put("impact", t.impact);
  put("links", std::move(links));
  put("organization_id", id_or_null(t.organization_id));
  put("priority", t.priority);
  put("protocol", std::move(t.protocol));
  put("rating", t.rating ? nlohmann::json(*t.rating) : nlohmann::json(nullptr));
  put("rating_comment", std::move(t.rating_comment));
  put("registered_by", id_or_null(t.registered_by));
  put("reopen_count", t.reopen_count);
  put("requester_id", t.requester_id);
  put("resolution", std::move(t.resolution));
  put("resolved_at", instant_or_null(t.resolved_at));
  put("service_id", t.service_id);
  put("status", status_code(t.status));
  put("status_label", status_label_pt(t.status));
  put("subject", std::move(t.subject));
  put("time_spent_minutes", t.time_spent_minutes);
  put("unit_id", id_or_null(t.unit_id));
  put("updated_at", format_utc(t.updated_at));
  put("urgency", t.urgency);
  put("version", t.version);
  return out;
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
