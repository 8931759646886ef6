#pragma once
// The outbox's delivery worker, run by `guiche serve`: claims due messages,
// composes and sends them over SMTP, and records each outcome. A failure
// puts the message back with an exponential delay (capped); after the last
// attempt it is `failed` until an admin retries it. Several nodes may run
// workers on one PostgreSQL database: claims never overlap.
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "domain/time.hpp"
#include "mail/mime.hpp"
#include "mail/smtp.hpp"
#include "store/database.hpp"
#include "store/outbox_rows.hpp"

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
};

// The delay before attempt `attempts + 1`: base * 2^(attempts - 1), capped.
std::chrono::milliseconds backoff_delay(const DeliveryConfig& config, int attempts);
// The message exactly as it goes over the wire.
std::string compose_outbox_message(const store::OutboxMessage& m, const Address& from);

class DeliveryWorker {
 public:
  // With `start_thread` false nothing runs until deliver_due() is called.
  DeliveryWorker(store::Database& db, const Clock& clock, DeliveryConfig config,
                 bool start_thread = true);
  ~DeliveryWorker();  // stops and joins
  DeliveryWorker(const DeliveryWorker&) = delete;
  DeliveryWorker& operator=(const DeliveryWorker&) = delete;

  // One round: claims up to `batch` due messages and attempts each; returns
  // how many were claimed.
  int deliver_due();

 private:
  void run();

  store::Database& db_;
  const Clock& clock_;
  DeliveryConfig config_;
  SmtpSender sender_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace guiche::mail
