#include "app/webhooks/webhook_events.hpp"

#include <algorithm>

#include "domain/ticket_projection.hpp"

namespace guiche::app {
namespace {

nlohmann::json instant_or_null(const nlohmann::json& data, const char* key) {
  if (!data.contains(key) || !data[key].is_number_integer()) return nullptr;
  return format_utc(from_millis(data[key].get<std::int64_t>()));
}

}  // namespace

const std::vector<std::string>& webhook_event_kinds() {
  static const std::vector<std::string> kinds = {"ticket_created", "status_changed", "public_reply",
                                                 "resolved",       "sla_warning",    "sla_breach"};
  return kinds;
}

bool is_webhook_event_kind(const std::string& kind) {
  const auto& kinds = webhook_event_kinds();
  return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

std::vector<WebhookNotice> webhook_notices(const std::vector<TicketEvent>& events,
                                           std::optional<Status> status_before) {
  std::vector<WebhookNotice> out;
  // The status is followed with the projection itself, so the mapping never
  // disagrees with what the ticket shows.
  Ticket state;
  if (status_before) state.status = *status_before;
  for (const auto& e : events) {
    const auto& d = e.data;
    // A plain flag rather than an optional: GCC 12 at -O2 misreads the latter.
    const bool had_status = e.kind != EventKind::created;
    const Status before = state.status;
    apply_event(state, e);
    switch (e.kind) {
      case EventKind::created:
        out.push_back({"ticket_created",
                       e.at,
                       {{"channel", channel_code(e.channel)},
                        {"category", d.value("category", "")},
                        {"estimated_deadline", instant_or_null(d, "estimated_deadline")}}});
        break;
      case EventKind::public_reply:
        out.push_back(
            {"public_reply",
             e.at,
             {{"text", d.value("text", "")}, {"from_agent", d.value("from_agent", false)}}});
        break;
      case EventKind::resolved:
        out.push_back({"resolved", e.at, {{"resolution", d.value("resolution", "")}}});
        break;
      case EventKind::sla_warning: {
        const std::string level = d.value("level", "warning");
        out.push_back({level == "breach" ? "sla_breach" : "sla_warning",
                       e.at,
                       {{"target", d.value("target", "")},
                        {"level", level},
                        {"policy", d.value("policy", "")},
                        {"due_at", instant_or_null(d, "due_at")},
                        {"deadline", instant_or_null(d, "deadline")}}});
        break;
      }
      default:
        break;
    }
    if (had_status && before != state.status) {
      out.push_back({"status_changed",
                     e.at,
                     {{"from", status_code(before)},
                      {"to", status_code(state.status)},
                      {"cause", event_kind_code(e.kind)}}});
    }
  }
  return out;
}

}  // namespace guiche::app
