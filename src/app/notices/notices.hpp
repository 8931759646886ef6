#pragma once
// Which ticket events notify whom, written to the outbox in the transaction
// of the change (so a change and its notices commit or vanish together).
// Recipients: the requester for what the desk does on their request, the
// assignee (or the unit) for a reopening, the unit for SLA warnings and
// breaches. Nobody hears of their own action; the one exception is the
// registration receipt, which carries the protocol and the estimated
// deadline the requester is owed however they registered (docs/domain.md,
// "The outbox"), e-mail intake included. Each notice leaves by the transport
// notice_route() picks for its recipient.
#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/desk_context.hpp"
#include "app/ledger/write_lookups.hpp"
#include "domain/ticket.hpp"
#include "domain/ticket_event.hpp"
#include "mail/mime.hpp"
#include "store/whatsapp_payload.hpp"

namespace guiche::app {

class Notices {
 public:
  explicit Notices(DeskContext& context) : ctx_(context) {}

  // The desk's settings (where links point, the mail domain), for the
  // deliveries that write their own rows (app/incidents/subscriber_delivery.hpp).
  const DeskConfig& config() const { return ctx_.config; }

  // Where a requester reads their request on the portal (web/portal/request_pages.cpp).
  std::string request_url(const std::string& protocol) const {
    return ctx_.config.public_url + "/chamados/" + protocol;
  }

  // The notices `events` of `ticket`, caused by `a`, give rise to;
  // `lookups`: what was read for them before the write (app/ledger/write_lookups.hpp).
  void notify(store::Connection& c, const Ticket& ticket, const std::vector<TicketEvent>& events,
              const Actor& a, Instant now, const WriteLookups* lookups = nullptr);
  // Renders template `key` for `to` and enqueues it (nothing when `to` has
  // no address the desk can reach).
  void enqueue(store::Connection& c, const std::string& key, const Person& to,
               std::optional<std::int64_t> ticket_id, nlohmann::json values, Instant now,
               std::optional<Channel> came_by = std::nullopt,
               const WriteLookups* lookups = nullptr);
  // An admin's text of template `key`, or nullopt where the default applies.
  static std::optional<store::StoredTemplate> stored_template(store::Connection& c,
                                                              const std::string& key);
  // Enqueues a message already written (a status notice's) for `to`, the
  // same way.
  void enqueue_written(store::Connection& c, const std::string& key, const Person& to,
                       const std::string& subject, const std::string& text, const std::string& html,
                       Instant now, std::optional<Channel> came_by = std::nullopt);
  // An e-mail already written with files attached (a scheduled report and its
  // CSV): by e-mail to the person's first address whatever their preference
  // (a spreadsheet does not travel by WhatsApp); false when they have none.
  bool enqueue_email_with_files(store::Connection& c, const std::string& key, const Person& to,
                                const std::string& subject, const std::string& text,
                                const std::string& html, const std::vector<mail::Attachment>& files,
                                Instant now);

 private:
  // Those who follow the ticket besides its requester and assignee
  // (app/notices/follower_notices.cpp): the requesters of duplicates merged
  // into it hear its public news; watching agents, and colleagues an internal
  // note mentions, get a workspace notification and an e-mail.
  void notify_followers(store::Connection& c, const Ticket& ticket,
                        const std::vector<TicketEvent>& events, const Actor& a, Instant now);
  // `values`: the notice's values, for its short WhatsApp text
  // (app/notices/whatsapp_notice.hpp) when it goes by WhatsApp, with `file` if any.
  void write(store::Connection& c, const std::string& key, const Person& to,
             std::optional<std::int64_t> ticket_id, const std::string& subject,
             const std::string& text, const std::string& html, Instant now,
             std::optional<Channel> came_by, const nlohmann::json& values,
             const std::optional<store::WhatsAppFile>& file = std::nullopt);

  DeskContext& ctx_;
};

}  // namespace guiche::app
