#include "transports/outbox_worker.hpp"

#include <algorithm>

#include "observability/log.hpp"
#include "observability/metrics.hpp"

namespace guiche::transports {
namespace {

const char* outcome_name(SendOutcome::Kind kind) {
  switch (kind) {
    case SendOutcome::Kind::sent:
      return "sent";
    case SendOutcome::Kind::retry_later:
      return "retry";
    case SendOutcome::Kind::hold:
      return "held";
    case SendOutcome::Kind::give_up:
    case SendOutcome::Kind::disable_destination:
      return "failed";
  }
  return "failed";
}

observability::Family<observability::Counter>& delivery_attempts() {
  static auto& family = observability::metrics().counter(
      "guiche_outbox_deliveries_total",
      "Tentativas de entrega do outbox, por canal e resultado (sent, retry, held, failed).",
      {"channel", "outcome"});
  return family;
}

}  // namespace

std::chrono::milliseconds backoff_delay(const WorkerConfig& config, int attempts) {
  auto delay = config.backoff_base;
  for (int i = 1; i < attempts && delay < config.backoff_cap; ++i) delay *= 2;
  return std::min(delay, config.backoff_cap);
}

OutboxWorker::OutboxWorker(store::Database& db, const Clock& clock,
                           std::unique_ptr<NoticeTransport> transport, WorkerConfig config,
                           bool start_thread)
    : db_(db), clock_(clock), transport_(std::move(transport)), config_(config) {
  if (start_thread) {
    // A round waits `poll` at most, and its sends are bounded by the claim's lease.
    beat_ = observability::heartbeats().enroll(
        "outbox (" + std::string(transport_->channel()) + ")", 3 * config_.poll + config_.lease);
    thread_ = std::thread([this] { run(); });
  }
}

OutboxWorker::~OutboxWorker() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

int OutboxWorker::deliver_due() {
  const Instant now = clock_.now();
  std::vector<store::OutboxMessage> claimed;
  db_.write([&](store::Connection& c) {
    claimed = transport_->claim(c, now, now + config_.lease, config_.batch);
  });
  sent_last_round_ = 0;
  if (claimed.empty()) return 0;
  // RETURNING has no order on PostgreSQL; rows go out oldest first.
  std::sort(claimed.begin(), claimed.end(),
            [](const auto& a, const auto& b) { return a.id < b.id; });
  std::vector<SendOutcome> outcomes;
  outcomes.reserve(claimed.size());
  for (const auto& m : claimed) {
    try {
      outcomes.push_back(transport_->send(m));
    } catch (const std::exception& e) {
      // A transport should report failures as outcomes; whatever escapes is
      // retried like any other failure rather than lost.
      outcomes.push_back(SendOutcome::retry(e.what()));
    }
  }
  // One transaction for the whole batch: a crash before it commits sends the
  // batch again after the lease (at least once, never lost).
  const Instant done = clock_.now();
  db_.write([&](store::Connection& c) {
    for (std::size_t i = 0; i < claimed.size(); ++i) {
      const auto& m = claimed[i];
      const auto& o = outcomes[i];
      switch (o.kind) {
        case SendOutcome::Kind::sent:
          store::mark_sent(c, m.id, done);
          break;
        case SendOutcome::Kind::retry_later:
          store::mark_attempt_failed(
              c, m.id, o.error,
              m.attempts >= config_.max_attempts
                  ? std::nullopt
                  : std::optional<Instant>(done + backoff_delay(config_, m.attempts)));
          break;
        case SendOutcome::Kind::hold:
          store::hold_message(c, m.id, o.error, done + o.hold_for);
          break;
        case SendOutcome::Kind::give_up:
        case SendOutcome::Kind::disable_destination:
          store::mark_attempt_failed(c, m.id, o.error, std::nullopt);
          break;
      }
      transport_->record(c, m, o, done);
    }
  });
  for (const auto& o : outcomes) {
    sent_last_round_ += o.kind == SendOutcome::Kind::sent ? 1 : 0;
    delivery_attempts().with({std::string(transport_->channel()), outcome_name(o.kind)}).inc();
  }
  return static_cast<int>(claimed.size());
}

void OutboxWorker::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    beat_.now();
    int claimed = 0;
    try {
      claimed = deliver_due();
    } catch (const std::exception& e) {
      // A database hiccup must not stop the server; the next round retries.
      observability::log_error("outbox (" + std::string(transport_->channel()) + ")", e.what());
      sent_last_round_ = 0;
    }
    lock.lock();
    // A full batch means more may be waiting, and so may a sent delivery
    // (the next one of its ticket becomes due only now): go again at once.
    if (claimed < config_.batch && sent_last_round_ == 0) {
      wake_.wait_for(lock, config_.poll, [this] { return stopping_; });
    }
  }
}

}  // namespace guiche::transports
