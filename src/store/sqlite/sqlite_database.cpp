// SQLite engine: one writer thread that group-commits, and a pool of readers.
//
// SQLite allows one writer at a time, and with synchronous=FULL each commit
// costs an fsync. Rather than have N threads queue on the lock and fsync N
// times, write() hands its work to a single writer thread, which runs every
// job waiting at that moment inside one transaction, each job inside its own
// SAVEPOINT, and commits once. A job that throws is rolled back to its
// savepoint alone; write() returns to each caller only after the shared
// commit is on disk. The jobs' full-text entries are stored after the last
// job, outside the savepoints (store/search_entry_buffer.hpp says why).
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

#include "store/sqlite/sqlite_connection.hpp"
#include "store/ticket_rows.hpp"
#include "store/write_metrics.hpp"
#include "support/thread_name.hpp"

namespace guiche::store {
namespace {

using sqlite::SqliteConnection;

struct WriteJob {
  const std::function<void(Connection&)>* work;
  std::exception_ptr error;
  bool done = false;
  bool outside_transaction = false;  // purge_deleted: a checkpoint cannot run in one
};

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(std::string path, Durability durability) : path_(std::move(path)) {
    writer_connection_ = std::make_unique<SqliteConnection>(path_, false, durability);
    writer_ = std::thread([this] { run_writer(); });
  }

  ~SqliteDatabase() override {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    jobs_ready_.notify_all();
    writer_.join();
  }

  Dialect dialect() const override { return Dialect::sqlite; }

  void write(const std::function<void(Connection&)>& fn) override { submit(fn, false); }

  void purge_deleted(const std::vector<std::string>& tables) override {
    if (std::find(tables.begin(), tables.end(), "ticket_search") != tables.end()) {
      // FTS5 keeps a replaced row's tokens in older segments until they are
      // merged; 'optimize' merges them all into one.
      write([](Connection& c) {
        c.query("INSERT INTO ticket_search(ticket_search) VALUES('optimize')");
      });
    }
    submit(
        [](Connection& c) {
          // The WAL still holds every page as it was before; TRUNCATE copies
          // the last versions into the file and empties it.
          auto r = c.query_one("PRAGMA wal_checkpoint(TRUNCATE)");
          if (r && r->integer(0) != 0) {
            throw StoreError(StoreError::Kind::busy,
                             "wal_checkpoint(TRUNCATE): a reader kept the WAL in use");
          }
        },
        true);
  }

  void read(const std::function<void(Connection&)>& fn) override {
    std::unique_ptr<SqliteConnection> connection = take_reader();
    try {
      connection->query("BEGIN");
      fn(*connection);
      connection->query("COMMIT");
    } catch (...) {
      try {
        connection->execute_script("ROLLBACK");
      } catch (const StoreError&) {
        // the transaction may already be gone; the connection is still usable
      }
      give_back_reader(std::move(connection));
      throw;
    }
    give_back_reader(std::move(connection));
  }

 private:
  void submit(const std::function<void(Connection&)>& fn, bool outside_transaction) {
    WriteJob job{&fn, nullptr, false, outside_transaction};
    {
      std::unique_lock lock(mutex_);
      queue_.push_back(&job);
      jobs_ready_.notify_one();
      jobs_done_.wait(lock, [&] { return job.done; });
    }
    if (job.error) std::rethrow_exception(job.error);
  }

  void run_writer() {
    support::name_this_thread("sqlite-writer");
    for (;;) {
      std::deque<WriteJob*> batch;
      {
        std::unique_lock lock(mutex_);
        jobs_ready_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
        if (queue_.empty() && stopping_) return;
        batch.swap(queue_);
      }
      run_batch(batch);
      {
        std::lock_guard lock(mutex_);
        for (WriteJob* job : batch) job->done = true;
      }
      jobs_done_.notify_all();
    }
  }

  void run_batch(std::deque<WriteJob*>& batch) {
    const auto started = std::chrono::steady_clock::now();
    std::deque<WriteJob*> bare;
    for (auto it = batch.begin(); it != batch.end();) {
      if ((*it)->outside_transaction) {
        bare.push_back(*it);
        it = batch.erase(it);
      } else {
        ++it;
      }
    }
    if (!batch.empty()) run_transaction(batch);
    for (WriteJob* job : bare) {
      try {
        (*job->work)(*writer_connection_);
      } catch (...) {
        job->error = std::current_exception();
      }
    }
    batch.insert(batch.end(), bare.begin(), bare.end());
    std::size_t failed = 0;
    for (WriteJob* job : batch) failed += job->error ? 1 : 0;
    record_write_group("sqlite", std::chrono::steady_clock::now() - started, batch.size(), failed);
  }

  // The statements that open, mark and close transactions go through the
  // connection's prepared statements (query), not parsed anew each time:
  // a group commit runs two per job.
  void run_transaction(std::deque<WriteJob*>& batch) {
    SqliteConnection& db = *writer_connection_;
    try {
      db.query("BEGIN IMMEDIATE");
    } catch (...) {
      for (WriteJob* job : batch) job->error = std::current_exception();
      return;
    }
    db.hold_search_entries(true);
    SearchEntryBuffer& held = *db.held_search_entries();
    for (WriteJob* job : batch) {
      held.begin_job();
      db.query("SAVEPOINT job");
      try {
        (*job->work)(db);
        db.query("RELEASE job");
      } catch (...) {
        job->error = std::current_exception();
        held.discard_job();
        try {
          db.execute_script("ROLLBACK TO job; RELEASE job");
        } catch (...) {
          // Rolling back a savepoint only fails if the transaction is gone;
          // the COMMIT below then fails too and reports it to everyone.
        }
      }
    }
    db.hold_search_entries(false);
    try {
      // Outside any savepoint, so FTS5 writes them as one segment at COMMIT.
      for (const auto& [ticket_id, entry] : held.take_all()) {
        store_sqlite_search_entry(db, ticket_id, entry.subject, entry.body, entry.fresh);
      }
      db.query("COMMIT");
    } catch (...) {
      std::exception_ptr failure = std::current_exception();
      try {
        db.execute_script("ROLLBACK");
      } catch (...) {
      }
      for (WriteJob* job : batch) {
        if (!job->error) job->error = failure;
      }
    }
  }

  std::unique_ptr<SqliteConnection> take_reader() {
    {
      std::lock_guard lock(readers_mutex_);
      if (!readers_.empty()) {
        auto connection = std::move(readers_.back());
        readers_.pop_back();
        return connection;
      }
    }
    return std::make_unique<SqliteConnection>(path_, true);
  }

  void give_back_reader(std::unique_ptr<SqliteConnection> connection) {
    std::lock_guard lock(readers_mutex_);
    if (readers_.size() < 64) readers_.push_back(std::move(connection));
  }

  std::string path_;
  std::unique_ptr<SqliteConnection> writer_connection_;
  std::thread writer_;
  std::mutex mutex_;
  std::condition_variable jobs_ready_;
  std::condition_variable jobs_done_;
  std::deque<WriteJob*> queue_;
  bool stopping_ = false;

  std::mutex readers_mutex_;
  std::vector<std::unique_ptr<SqliteConnection>> readers_;
};

}  // namespace

std::unique_ptr<Database> open_sqlite(const std::string& path, Durability durability) {
  return std::make_unique<SqliteDatabase>(path, durability);
}

}  // namespace guiche::store
