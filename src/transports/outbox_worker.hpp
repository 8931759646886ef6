#pragma once
// The generic outbox worker, run once per transport by `guiche serve`:
// claims due rows of its transport's channel, sends each through the
// transport, and records each outcome. A failure puts the row back with an
// exponential delay (capped); after the last attempt it is `failed` until an
// admin retries it. Several nodes may run workers on one PostgreSQL
// database: claims never overlap (store/outbox_rows.cpp). Nothing is sent
// twice across a crash: a message interrupted mid-send waits in doubt for an
// admin (store/outbox_rows.hpp, settle_in_doubt).
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include "domain/time.hpp"
#include "observability/heartbeats.hpp"
#include "store/database.hpp"
#include "transports/transport.hpp"

namespace guiche::transports {

struct WorkerConfig {
  int batch = 20;
  std::chrono::milliseconds poll{1000};
  std::chrono::milliseconds backoff_base{30'000};
  std::chrono::milliseconds backoff_cap{30 * 60'000};
  int max_attempts = 12;
  // How long one send may take: a message still out after it was cut off
  // (its node died) and is put in doubt.
  std::chrono::milliseconds lease{5 * 60'000};
};

// The delay before attempt `attempts + 1`: base * 2^(attempts - 1), capped.
std::chrono::milliseconds backoff_delay(const WorkerConfig& config, int attempts);

class OutboxWorker {
 public:
  // With `start_thread` false nothing runs until deliver_due() is called.
  OutboxWorker(store::Database& db, const Clock& clock, std::unique_ptr<NoticeTransport> transport,
               WorkerConfig config, bool start_thread = true);
  ~OutboxWorker();  // stops and joins
  OutboxWorker(const OutboxWorker&) = delete;
  OutboxWorker& operator=(const OutboxWorker&) = delete;

  // One round: claims and attempts due rows one by one, up to `batch`;
  // returns how many were claimed.
  int deliver_due();
  // Ends the thread's loop; a round in progress records the message being
  // sent and claims no other.
  void request_stop();
  NoticeTransport& transport() { return *transport_; }

 private:
  void run();
  bool stopping();
  void count(const SendOutcome& o);  // after its outcome committed
  // The row's new status and the transport's own record, in `c`'s transaction.
  void record_outcome(store::Connection& c, const store::OutboxMessage& m, const SendOutcome& o,
                      Instant at);

  store::Database& db_;
  const Clock& clock_;
  std::unique_ptr<NoticeTransport> transport_;
  WorkerConfig config_;
  int sent_last_round_ = 0;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  observability::Heartbeats::Beat beat_;  // readiness: this worker still turns
  std::thread thread_;
};

}  // namespace guiche::transports
