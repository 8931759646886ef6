#pragma once
// The outbox's e-mail delivery worker, run by `guiche serve`: the generic
// outbox worker (transports/outbox_worker.hpp) with the e-mail transport
// (transports/email/email_transport.hpp), configured as one. Claims only
// rows of channel 'email'; see the generic worker for claims, leases and
// backoff. It keeps the mail:: names the e-mail delivery always had, but it
// lives here: the mail layer (MIME, SMTP, IMAP) knows nothing of transports.
#include <chrono>
#include <memory>

#include "domain/time.hpp"
#include "mail/mime.hpp"
#include "mail/smtp.hpp"
#include "store/database.hpp"
#include "store/outbox_rows.hpp"
#include "transports/email/email_transport.hpp"
#include "transports/outbox_worker.hpp"

namespace guiche::mail {

struct DeliveryConfig {
  SmtpConfig smtp;
  Address from{"Central de Serviços", "nao-responda@guiche.localhost"};
  int batch = 20;
  std::chrono::milliseconds poll{1000};
  std::chrono::milliseconds backoff_base{30'000};
  std::chrono::milliseconds backoff_cap{30 * 60'000};
  int max_attempts = 12;
  // How long a claim holds; a node that dies mid-send frees its rows after it.
  std::chrono::milliseconds lease{5 * 60'000};

  transports::WorkerConfig worker() const {
    return {batch, poll, backoff_base, backoff_cap, max_attempts, lease};
  }
};

// The delay before attempt `attempts + 1`: base * 2^(attempts - 1), capped.
inline std::chrono::milliseconds backoff_delay(const DeliveryConfig& config, int attempts) {
  return transports::backoff_delay(config.worker(), attempts);
}
// The message exactly as it goes over the wire.
inline std::string compose_outbox_message(const store::OutboxMessage& m, const Address& from) {
  return transports::compose_email(m, from);
}

class DeliveryWorker {
 public:
  // With `start_thread` false nothing runs until deliver_due() is called.
  DeliveryWorker(store::Database& db, const Clock& clock, DeliveryConfig config,
                 bool start_thread = true)
      : worker_(db, clock, std::make_unique<transports::EmailTransport>(config.smtp, config.from),
                config.worker(), start_thread) {}

  // One round: claims up to `batch` due messages and attempts each; returns
  // how many were claimed.
  int deliver_due() { return worker_.deliver_due(); }

 private:
  transports::OutboxWorker worker_;
};

}  // namespace guiche::mail
