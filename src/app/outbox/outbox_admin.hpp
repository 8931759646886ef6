#pragma once
// The outbox and the message templates: only admins see what the desk sends
// and change what it says.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/desk_context.hpp"
#include "mail/templates.hpp"
#include "store/outbox_message.hpp"

namespace guiche::app {

// A template in force: the admin's override or the shipped default.
struct TemplateView {
  mail::Template value;
  bool is_default = true;
  std::optional<Instant> updated_at;
};

// A transport that cannot work at all (store/channel_health_rows.hpp): the
// admin sees it, with what to do, until it works again.
struct ChannelProblem {
  std::string channel;     // "whatsapp"
  std::string reason;      // pt-BR
  std::string since_text;  // "dd/mm/aaaa às hh:mm", at the desk
};

class OutboxAdmin {
 public:
  explicit OutboxAdmin(DeskContext& context) : ctx_(context) {}

  // Newest first; `status` empty or one of pending, sending, in_doubt,
  // sent, failed.
  std::vector<store::OutboxMessage> outbox(const Actor& a, const std::string& status,
                                           std::optional<std::int64_t> before_id, int limit);
  // A failed, waiting or in-doubt message goes out again now, with a fresh count of attempts.
  store::OutboxMessage retry_outbox(const Actor& a, std::int64_t id);
  // An in-doubt message (store/outbox_rows.hpp, kInDoubtNote) the admin knows
  // arrived: sent, and never sent again.
  store::OutboxMessage confirm_delivered(const Actor& a, std::int64_t id);
  // What a crash left in doubt, oldest first (at most `limit`).
  std::vector<store::OutboxMessage> in_doubt(const Actor& a, int limit);
  TemplateView message_template(const Actor& a, const std::string& key);
  std::vector<ChannelProblem> channel_problems(const Actor& a);
  TemplateView save_message_template(const Actor& a, const mail::Template& t);
  // The outbox's backlog for monitoring (/metrics): counts only, no message.
  // Not per actor: /metrics is guarded by its token or its address.
  std::vector<store::OutboxBacklog> backlog();

 private:
  // `change` on message `id` in one transaction, for admins: what it returns
  // is the conflict's message when it could not; then the row as it is.
  store::OutboxMessage change_message(
      const Actor& a, std::int64_t id,
      const std::function<std::optional<std::string>(store::Connection&,
                                                     const store::OutboxMessage&)>& change);

  DeskContext& ctx_;
};

}  // namespace guiche::app
