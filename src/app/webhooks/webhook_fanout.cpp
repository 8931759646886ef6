#include "app/webhooks/webhook_fanout.hpp"

#include <algorithm>

#include "app/webhooks/webhook_events.hpp"
#include "domain/category.hpp"
#include "store/webhook_rows.hpp"

namespace guiche::app {
namespace {

nlohmann::json optional_id(const std::optional<std::int64_t>& id) {
  return id ? nlohmann::json(*id) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json webhook_ticket_json(const Ticket& t) {
  return {{"id", t.id},
          {"protocol", t.protocol},
          {"status", status_code(t.status)},
          {"subject", t.subject},
          {"service_id", t.service_id},
          {"unit_id", optional_id(t.unit_id)},
          {"assignee_id", optional_id(t.assignee_id)},
          {"requester_id", t.requester_id},
          {"organization_id", optional_id(t.organization_id)},
          {"category", category_code(t.category)},
          {"priority", t.priority},
          {"channel", channel_code(t.channel)},
          {"created_at", format_utc(t.created_at)},
          {"updated_at", format_utc(t.updated_at)}};
}

void enqueue_webhook_deliveries(store::Connection& c, const Ticket& ticket,
                                const std::vector<TicketEvent>& events,
                                std::optional<Status> status_before, Instant now,
                                const std::vector<store::WebhookSubscription>* known) {
  if (events.empty()) return;
  std::vector<store::WebhookSubscription> read;
  if (!known) read = store::active_webhooks(c);
  const auto& subscriptions = known ? *known : read;
  if (subscriptions.empty()) return;
  const auto notices = webhook_notices(events, status_before);
  const auto ticket_json = webhook_ticket_json(ticket);
  for (const auto& notice : notices) {
    for (const auto& w : subscriptions) {
      if (std::find(w.events.begin(), w.events.end(), notice.event) == w.events.end()) continue;
      store::enqueue_webhook_delivery(c, w, ticket.id, notice.event, now, [&](std::int64_t id) {
        const nlohmann::json body = {{"id", id},
                                     {"event", notice.event},
                                     {"occurred_at", format_utc(notice.occurred_at)},
                                     {"ticket", ticket_json},
                                     {"data", notice.data}};
        // Never throw inside the ticket's transaction over a stray byte.
        return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      });
    }
  }
}

}  // namespace guiche::app
