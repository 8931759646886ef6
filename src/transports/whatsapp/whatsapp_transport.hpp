#pragma once
// The WhatsApp transport: sends the outbox rows of channel "whatsapp" through
// the Cloud API (cloud_api_client.hpp).
//
// - Inside the person's 24-hour customer-service window (store/
//   whatsapp_window_rows.hpp) the row's free-form message goes; outside it
//   the row's template. A row without a template outside the window fails
//   with a pt-BR reason (notices always carry one: their own or the
//   fallback, app/notices/whatsapp_notice.hpp).
// - 131047 (window closed, as WhatsApp sees it): the same row goes at once
//   as its template; when that error comes later, in a status webhook, the
//   inbox sends the row again marked template_only
//   (app/whatsapp/whatsapp_inbox.cpp). 130429 (the number's throughput) and 131056 (too many
//   to one person): retried with the outbox backoff; after a 130429 the rest
//   of the round waits, unattempted.
// - 190 or HTTP 401 (the token expired or was revoked): the channel is marked
//   broken (store/channel_health_rows.hpp) for the admin, and every row
//   waits, pending and without spending attempts; one row per probe interval
//   tries again, and the first that goes clears the mark.
// - No answer, or 5xx: retried with the backoff (nothing lost while the
//   provider is down). Other refusals (a malformed message): failed, with
//   the Cloud API's reason.
// - A row carrying a file (an agent's public attachment): inside the window
//   the file is uploaded and sent by its media id, an image inline and
//   anything else as a document; outside it, the template tells of it.
// Each accepted message's wamid is recorded with its row and ticket
// (store/whatsapp_message_rows.hpp) for the status webhooks to update.
#include <chrono>
#include <map>
#include <optional>

#include "store/attachment_blobs.hpp"
#include "store/database.hpp"
#include "transports/transport.hpp"
#include "transports/whatsapp/cloud_api_client.hpp"

namespace guiche::transports {

struct WhatsAppTransportConfig {
  CloudApiConfig api;
  // Where the desk keeps attachments (DATA_DIR/attachments): rows with a
  // file (store/whatsapp_payload.hpp) upload it from there.
  std::string attachments_dir;
  // While the channel is broken, how often one row tries again.
  std::chrono::milliseconds probe_interval{60'000};
  // How long the number claims nothing after a 130429.
  std::chrono::milliseconds throttle_hold{30'000};
};

class WhatsAppTransport final : public NoticeTransport {
 public:
  WhatsAppTransport(store::Database& db, const Clock& clock, WhatsAppTransportConfig config);
  std::string_view channel() const override { return "whatsapp"; }
  std::vector<store::OutboxMessage> claim(store::Connection& c, Instant now, Instant lease_until,
                                          int limit) override;
  SendOutcome send(const store::OutboxMessage& m) override;
  void record(store::Connection& c, const store::OutboxMessage& m, const SendOutcome& outcome,
              Instant at) override;

  // Uploads a file and sends it by its media id to `to` (digits or E.164):
  // an image for JPEG and PNG, else a document (for agents' attachments).
  SentMessage send_file(const std::string& to, const std::string& bytes, const std::string& mime,
                        const std::string& filename, const std::string& caption);

 private:
  struct Accepted {
    std::string wamid;
    std::string wa_id;
    std::string kind;  // free_form, template
  };
  SendOutcome outcome_of(const store::OutboxMessage& m, const SentMessage& s,
                         const std::string& kind);

  store::Database& db_;
  const Clock& clock_;
  WhatsAppTransportConfig config_;
  CloudApiClient client_;
  std::optional<store::AttachmentBlobs> blobs_;  // with attachments_dir
  // The message out now (the worker claims one at a time): what was
  // accepted (for record()), and whether the token was refused.
  std::map<std::int64_t, Accepted> accepted_;
  bool broken_now_ = false;
  bool was_broken_ = false;
  std::optional<Instant> last_probe_;
  // The number's throughput limit was hit: nothing is claimed until then.
  std::optional<Instant> throttled_until_;
};

// What the admin reads when the token is refused: the Cloud API's answer
// (`detail`, never the token) and what to do.
std::string token_refused_reason(const std::string& detail);

}  // namespace guiche::transports
