#include "transports/outbox_worker.hpp"

#include <algorithm>
#include <optional>
#include <utility>

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
  request_stop();
  if (thread_.joinable()) thread_.join();
}

void OutboxWorker::request_stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
}

void OutboxWorker::record_outcome(store::Connection& c, const store::OutboxMessage& m,
                                  const SendOutcome& o, Instant at) {
  switch (o.kind) {
    case SendOutcome::Kind::sent:
      store::mark_sent(c, m.id, at);
      break;
    case SendOutcome::Kind::retry_later:
      store::mark_attempt_failed(
          c, m.id, o.error,
          m.attempts >= config_.max_attempts
              ? std::nullopt
              : std::optional<Instant>(at + backoff_delay(config_, m.attempts)));
      break;
    case SendOutcome::Kind::hold:
      store::hold_message(c, m.id, o.error, at + o.hold_for);
      break;
    case SendOutcome::Kind::give_up:
    case SendOutcome::Kind::disable_destination:
      store::mark_attempt_failed(c, m.id, o.error, std::nullopt);
      break;
  }
  transport_->record(c, m, o, at);
}

void OutboxWorker::count(const SendOutcome& o) {
  sent_last_round_ += o.kind == SendOutcome::Kind::sent ? 1 : 0;
  delivery_attempts().with({std::string(transport_->channel()), outcome_name(o.kind)}).inc();
}

bool OutboxWorker::stopping() {
  std::lock_guard lock(mutex_);
  return stopping_;
}

int OutboxWorker::deliver_due() {
  sent_last_round_ = 0;
  const std::string channel(transport_->channel());
  // One message at a time: it is committed `sending` (claimed) before the
  // transport sees it, and its outcome commits with the next claim. A crash
  // leaves only the message that was out in doubt (store/outbox_rows.hpp);
  // nothing is sent twice, nothing else waits for a lease.
  std::optional<std::pair<store::OutboxMessage, SendOutcome>> unrecorded;
  int claimed = 0, in_doubt = 0;
  for (;;) {
    const bool claim_more = claimed < config_.batch && !stopping();
    std::optional<store::OutboxMessage> next;
    db_.write([&](store::Connection& c) {
      next.reset();  // a retried transaction claims afresh
      const Instant now = clock_.now();
      if (unrecorded) record_outcome(c, unrecorded->first, unrecorded->second, now);
      if (claimed == 0) in_doubt = store::settle_in_doubt(c, channel, now);
      if (claim_more) {
        auto rows = transport_->claim(c, now, now + config_.lease, 1);
        if (!rows.empty()) next = std::move(rows.front());
      }
    });
    if (unrecorded) count(unrecorded->second);
    unrecorded.reset();
    if (!next) break;
    ++claimed;
    SendOutcome outcome;
    try {
      outcome = transport_->send(*next);
    } catch (const std::exception& e) {
      // A transport should report failures as outcomes; whatever escapes is
      // retried like any other failure rather than lost.
      outcome = SendOutcome::retry(e.what());
    }
    unrecorded.emplace(std::move(*next), std::move(outcome));
  }
  if (in_doubt > 0) {
    observability::log_error("outbox (" + channel + ")",
                             std::to_string(in_doubt) +
                                 " mensagem(ns) em dúvida: o envio foi interrompido; "
                                 "a administração confirma a entrega ou reenvia.");
  }
  return claimed;
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
