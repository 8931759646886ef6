#pragma once
// The outbox table: enqueueing in the caller's transaction, claiming due
// messages (FOR UPDATE SKIP LOCKED on PostgreSQL, so nodes never share a row;
// SQLite has a single writer), and recording each attempt's outcome.
#include <optional>
#include <string>
#include <vector>

#include "domain/time.hpp"
#include "store/database.hpp"
#include "store/outbox_message.hpp"

namespace guiche::store {

// The columns every outbox read selects, in the order outbox_message_from reads them.
extern const char* const kOutboxColumns;
OutboxMessage outbox_message_from(const Row& r);

// Inserts a pending message and gives it its Message-ID
// "<outbox-CREATED_MS.RANDOM@domain>"; returns the stored row.
OutboxMessage enqueue_message(Connection& c, OutboxMessage m, const std::string& domain);
// The same for a caller that needs no id back (a notice).
void add_message(Connection& c, OutboxMessage m, const std::string& domain);
// Marks up to `limit` due messages of `channel` (pending, next_attempt_at <=
// now) as `sending` until `lease_until`, one attempt more each, and returns
// them. Each transport's worker claims only its own channel, one message at a
// time, and sends what it claimed at once.
std::vector<OutboxMessage> claim_due_messages(Connection& c, const std::string& channel,
                                              Instant now, Instant lease_until, int limit);

// Delivery is at most once across a crash: a message is committed `sending`
// before its transport sees it, and its outcome after. One still `sending`
// when its lease ends was out when its node died: the receiver may or may not
// have it, so it is not sent again by itself but put `in_doubt` (with
// kInDoubtNote), for an admin to resend it or to confirm that it arrived
// (retry_message, confirm_delivered).
inline constexpr const char* kInDoubtNote =
    "O servidor parou durante o envio: a mensagem pode ter sido entregue ou não. "
    "Confirme a entrega ou reenvie.";
// Messages of `channel` left `sending` past their lease -> in_doubt;
// returns how many.
int settle_in_doubt(Connection& c, const std::string& channel, Instant now);
// in_doubt -> sent: an admin learned that it arrived. False unless in doubt.
bool confirm_delivered(Connection& c, std::int64_t id, Instant at);
// The messages in doubt, oldest first, through the (status, ...) index.
std::vector<OutboxMessage> in_doubt_messages(Connection& c, int limit);
// What remains of a first-access message's body once it is sent.
inline constexpr const char* kSentCredentialsNote =
    "[Mensagem com senha: o conteúdo foi apagado depois do envio.]";
void mark_sent(Connection& c, std::int64_t id, Instant at);
// Back to pending until `retry_at`, or failed when retry_at is nullopt.
void mark_attempt_failed(Connection& c, std::int64_t id, const std::string& error,
                         std::optional<Instant> retry_at);
// Back to pending until `retry_at` without counting the attempt just made
// (the channel could not work at all; transports/transport.hpp, hold).
void hold_message(Connection& c, std::int64_t id, const std::string& error, Instant retry_at);
// Failed, pending or in doubt -> pending now, with a fresh count of attempts;
// false when the message is unknown or already sent or being sent.
bool retry_message(Connection& c, std::int64_t id, Instant now);

// What waits in the outbox (store/outbox_message.hpp, OutboxBacklog).
std::vector<OutboxBacklog> outbox_backlog(Connection& c);
// A message the provider accepted and then reported undelivered goes again,
// with `payload` (a WhatsApp row as its template); false unless it was sent.
bool resend_message(Connection& c, std::int64_t id, const std::string& payload, Instant now);
std::optional<OutboxMessage> load_message(Connection& c, std::int64_t id);
// Newest first; `status` empty: every status. Keyset paging by id.
std::vector<OutboxMessage> list_messages(Connection& c, const std::string& status,
                                         std::optional<std::int64_t> before_id, int limit);
std::vector<OutboxMessage> messages_of_ticket(Connection& c, std::int64_t ticket_id);

struct StoredTemplate {
  std::string key;
  std::string channel;
  std::string locale;
  std::string subject;
  std::string text_body;
  std::string html_body;
  Instant updated_at{};
  std::optional<std::int64_t> updated_by;
};
std::optional<StoredTemplate> load_template(Connection& c, const std::string& key,
                                            const std::string& channel, const std::string& locale);
void save_template(Connection& c, const StoredTemplate& t);

}  // namespace guiche::store

namespace guiche::store {
// Who hears about a unit's SLA deadlines: every active person holding a
// working role (attendant, analyst, unit manager) in exactly that unit.
std::vector<std::int64_t> unit_notice_recipients(Connection& c, std::int64_t unit_id);
}  // namespace guiche::store
