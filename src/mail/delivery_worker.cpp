#include "mail/delivery_worker.hpp"

#include <iostream>

namespace guiche::mail {

std::chrono::milliseconds backoff_delay(const DeliveryConfig& config, int attempts) {
  auto delay = config.backoff_base;
  for (int i = 1; i < attempts && delay < config.backoff_cap; ++i) delay *= 2;
  return std::min(delay, config.backoff_cap);
}

std::string compose_outbox_message(const store::OutboxMessage& m, const Address& from) {
  Message message;
  message.from = from;
  message.to = {m.recipient_name, m.recipient_address};
  message.subject = m.subject;
  message.text = m.text_body;
  message.html = m.html_body;
  message.message_id = m.message_id;
  message.date = m.created_at;
  return compose(message);
}

DeliveryWorker::DeliveryWorker(store::Database& db, const Clock& clock, DeliveryConfig config,
                               bool start_thread)
    : db_(db), clock_(clock), config_(std::move(config)), sender_(config_.smtp) {
  if (start_thread) thread_ = std::thread([this] { run(); });
}

DeliveryWorker::~DeliveryWorker() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

int DeliveryWorker::deliver_due() {
  const Instant now = clock_.now();
  std::vector<store::OutboxMessage> claimed;
  db_.write([&](store::Connection& c) {
    claimed = store::claim_due_messages(c, now, now + config_.lease, config_.batch);
  });
  if (claimed.empty()) return 0;
  struct Outcome {
    std::int64_t id;
    std::optional<std::string> error;
    int attempts;
  };
  std::vector<Outcome> outcomes;
  for (const auto& m : claimed) {
    try {
      sender_.send(config_.from.email, {m.recipient_address},
                   compose_outbox_message(m, config_.from));
      outcomes.push_back({m.id, std::nullopt, m.attempts});
    } catch (const SmtpError& e) {
      outcomes.push_back({m.id, e.what(), m.attempts});
    }
  }
  // One transaction for the whole batch: a crash before it commits sends the
  // batch again after the lease (at least once, never lost).
  const Instant done = clock_.now();
  db_.write([&](store::Connection& c) {
    for (const auto& o : outcomes) {
      if (!o.error) {
        store::mark_sent(c, o.id, done);
      } else if (o.attempts >= config_.max_attempts) {
        store::mark_attempt_failed(c, o.id, *o.error, std::nullopt);
      } else {
        store::mark_attempt_failed(c, o.id, *o.error, done + backoff_delay(config_, o.attempts));
      }
    }
  });
  return static_cast<int>(claimed.size());
}

void DeliveryWorker::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    int claimed = 0;
    try {
      claimed = deliver_due();
    } catch (const std::exception& e) {
      // A database hiccup must not stop the server; the next round retries.
      std::cerr << "outbox: " << e.what() << "\n";
    }
    lock.lock();
    // A full batch means more may be waiting: go again at once.
    if (claimed < config_.batch) {
      wake_.wait_for(lock, config_.poll, [this] { return stopping_; });
    }
  }
}

}  // namespace guiche::mail
