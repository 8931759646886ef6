// The PostgreSQL engine: a pool of libpq connections. Reads run one
// transaction each, in parallel; concurrent writes of this node share one
// transaction (store/postgres/write_groups.hpp: group commit). Each connection
// prepares the statements it runs more than once
// (store/postgres/statement_cache.hpp), so the server parses and plans them
// once per connection rather than once per call, and a write sends its
// changes without waiting for each answer (store/postgres/pg_connection.hpp).
#include <libpq-fe.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <random>
#include <thread>

#include "store/database.hpp"
#include "store/postgres/pg_connection.hpp"
#include "store/postgres/write_groups.hpp"
#include "store/write_metrics.hpp"

namespace guiche::store {
namespace {

// Enough for the web server's worker threads; the test server allows 300.
constexpr std::size_t kMaxConnections = 32;
constexpr int kMaxRetries = 5;
// Writes sharing one transaction at most: enough to take a burst of the web
// server's threads at once, few enough that one job's failure costs little.
constexpr std::size_t kMaxWriteGroup = 64;

using Kind = StoreError::Kind;
using postgres::check;
using postgres::PgConnection;
using postgres::Session;

void ignore_notice(void*, const char*) {}

class Pool {
 public:
  Pool(std::string conninfo, std::string password, Durability durability)
      : conninfo_(std::move(conninfo)), password_(std::move(password)), durability_(durability) {}
  // Returns a connection and whether it came from the idle list.
  //
  // A thread that already holds one of this pool's connections never waits
  // for another: it gets one past the limit. Otherwise a transaction that
  // opens a second (the calendar book loading what a clock needs, under its
  // lock, while every other connection is held by a transaction waiting for
  // that lock) would wait for itself.
  std::pair<Session*, bool> acquire() {
    const bool nested = holds_one();
    std::unique_lock lock(mutex_);
    for (;;) {
      ready_.wait(lock, [&] { return !idle_.empty() || open_ < kMaxConnections || nested; });
      if (!idle_.empty()) {
        std::unique_ptr<Session> session = std::move(idle_.back());
        idle_.pop_back();
        lock.unlock();
        const bool fit = settle_ended_read(*session);
        if (!fit) session.reset();  // closed outside the lock
        lock.lock();
        if (fit) {
          held_by_this_thread().push_back(this);
          return {session.release(), true};
        }
        --open_;
        continue;
      }
      ++open_;
      lock.unlock();
      try {
        auto* fresh = new Session(connect(), schema_generation.load());
        held_by_this_thread().push_back(this);
        return {fresh, false};
      } catch (...) {
        lock.lock();
        --open_;
        ready_.notify_one();
        throw;
      }
    }
  }

  // Only a connection that is healthy and outside any transaction goes back;
  // the statements it prepared go with it either way.
  void release(Session* raw) {
    std::unique_ptr<Session> session(raw);
    auto& held = held_by_this_thread();
    if (auto it = std::find(held.begin(), held.end(), this); it != held.end()) held.erase(it);
    const bool keep =
        PQstatus(session->conn) == CONNECTION_OK &&
        (PQtransactionStatus(session->conn) == PQTRANS_IDLE || session->end_in_flight);
    std::unique_ptr<Session> closing;
    {
      std::lock_guard lock(mutex_);
      // One opened past the limit for a nested transaction is not kept.
      if (keep && open_ <= kMaxConnections) {
        idle_.push_back(std::move(session));
      } else {
        --open_;
        closing = std::move(session);
      }
    }
    closing.reset();  // closed outside the lock
    ready_.notify_one();
  }

  // Bumped by every script run (migrations): a connection prepared before
  // the current value drops its statements at its next transaction.
  std::atomic<std::uint64_t> schema_generation{0};

 private:
  // The pools this thread holds a connection of, once per connection held.
  static std::vector<const Pool*>& held_by_this_thread() {
    thread_local std::vector<const Pool*> held;
    return held;
  }
  bool holds_one() const {
    const auto& held = held_by_this_thread();
    return std::find(held.begin(), held.end(), this) != held.end();
  }

  // Reads the answer to the COMMIT (or ROLLBACK) a read ended with
  // (PgConnection::end_read): it is there already, or nearly. Whether the
  // connection is fit for another transaction.
  static bool settle_ended_read(Session& session) {
    PGconn* conn = session.conn;
    if (session.end_in_flight) {
      session.end_in_flight = false;
      bool ended = true;
      for (int nulls = 0;;) {
        PGresult* raw = PQgetResult(conn);
        if (raw == nullptr) {
          if (++nulls > 2) {
            ended = false;
            break;
          }
          continue;
        }
        const ExecStatusType status = PQresultStatus(raw);
        PQclear(raw);
        if (status == PGRES_PIPELINE_SYNC) break;
        if (status != PGRES_COMMAND_OK) ended = false;
      }
      if (PQexitPipelineMode(conn) != 1) ended = false;
      if (!ended) return false;
    }
    return PQstatus(conn) == CONNECTION_OK && PQtransactionStatus(conn) == PQTRANS_IDLE;
  }

  PGconn* connect() {
    PGconn* conn = PQconnectdb(conninfo_.c_str());
    if (conn == nullptr) throw StoreError(Kind::connection, "PostgreSQL: out of memory");
    if (PQstatus(conn) != CONNECTION_OK) {
      std::string message = postgres::without_trailing_space(PQerrorMessage(conn));
      PQfinish(conn);
      // libpq does not print passwords today; make sure it never reaches a log.
      for (std::size_t at; !password_.empty() && (at = message.find(password_)) != message.npos;) {
        message.replace(at, password_.size(), "********");
      }
      throw StoreError(Kind::connection, "PostgreSQL: cannot connect: " + message);
    }
    PQsetNoticeProcessor(conn, ignore_notice, nullptr);
    try {
      check(conn, PQexec(conn, "SET client_encoding TO 'UTF8'"));
      check(conn, PQexec(conn, "SET TIME ZONE 'UTC'"));
      // New full-text entries wait in a GIN index's pending list until it
      // is merged, and every search reads that list whole: at the default
      // 4 MB a rare word took 6 ms instead of 0.02 (100,000 tickets). A
      // short list is merged more often, a little at a time.
      check(conn, PQexec(conn, "SET gin_pending_list_limit TO '64kB'"));
      // A relaxed load's commits return before their WAL is flushed.
      if (durability_ == Durability::relaxed) {
        check(conn, PQexec(conn, "SET synchronous_commit TO off"));
      }
    } catch (...) {
      PQfinish(conn);
      throw;
    }
    return conn;
  }

  const std::string conninfo_;
  const std::string password_;
  const Durability durability_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::vector<std::unique_ptr<Session>> idle_;  // a stack: the most recently used is warmest
  std::size_t open_ = 0;
};

struct Releaser {
  Pool* pool;
  void operator()(Session* session) const { pool->release(session); }
};
using Lease = std::unique_ptr<Session, Releaser>;

class PostgresDatabase final : public Database {
 public:
  PostgresDatabase(std::string conninfo, std::string password, Durability durability)
      : pool_(std::move(conninfo), std::move(password), durability) {
    // Connect once now so a wrong URL fails at startup, not at the first request.
    pool_.release(pool_.acquire().first);
  }

  Dialect dialect() const override { return Dialect::postgres; }

  // Retried as a whole when the server reports a serialization failure or a
  // deadlock (Kind::busy): at most kMaxRetries times, each retry counted and
  // logged (store/write_metrics.hpp: /metrics and the log).
  void write(const std::function<void(Connection&)>& fn) override {
    for (int attempt = 0;; ++attempt) {
      try {
        groups_.submit(fn);
        return;
      } catch (const StoreError& e) {
        if (e.kind() != Kind::busy || attempt == kMaxRetries) throw;
        record_write_retry("postgresql", attempt + 2, kMaxRetries + 1, e.what());
      }
      // Randomised so that the transactions that collided do not collide again.
      thread_local std::mt19937 rng{std::random_device{}()};
      std::uniform_int_distribution<int> ms(1, 5 << attempt);
      std::this_thread::sleep_for(std::chrono::milliseconds(ms(rng)));
    }
  }

  // BEGIN goes with the read's first statement and COMMIT is not waited
  // for (PgConnection::begin_with_first_statement, end_read): a read costs
  // one wait per statement and none more. A pooled connection found closed
  // by that first statement (the server restarted meanwhile) is replaced
  // and the read runs again, as a failed BEGIN was before: its function
  // had got nothing from the database yet (Database::read's contract).
  void read(const std::function<void(Connection&)>& fn) override {
    for (int attempt = 0;; ++attempt) {
      auto [session, reused] = pool_.acquire();
      Lease lease(session, Releaser{&pool_});
      PgConnection conn(*lease, pool_.schema_generation, false);
      conn.begin_with_first_statement("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      try {
        drop_stale_statements(*session);
        fn(conn);
      } catch (const StoreError& e) {
        conn.end_read("ROLLBACK");
        if (e.kind() == Kind::connection && reused && conn.statements_answered() == 0 &&
            attempt == 0) {
          continue;
        }
        throw;
      } catch (...) {
        conn.end_read("ROLLBACK");
        throw;
      }
      conn.end_read("COMMIT");
      return;
    }
  }

  // VACUUM cannot run inside a transaction block: on a pooled session as is.
  // It makes the dead row versions' space free for reuse (and their index
  // entries go); the bytes may stay in that free space and in the WAL files
  // until overwritten, which no SQL reading shows (VACUUM FULL would rewrite
  // the tables under an exclusive lock: not for a running desk).
  void purge_deleted(const std::vector<std::string>& tables) override {
    auto [session, reused] = pool_.acquire();
    (void)reused;
    Lease lease(session, Releaser{&pool_});
    for (const auto& table : tables) {
      const std::string sql = "VACUUM " + table;
      check(session->conn, PQexec(session->conn, sql.c_str()));
    }
  }

 private:
  // One group in one transaction at READ COMMITTED: each job sees the rows
  // the jobs before it wrote, and locks what it changes (the ledger locks a
  // ticket before changing it). A job that fails is rolled back to its
  // savepoint alone; a failed COMMIT fails every job that had not failed.
  void run_group(std::vector<postgres::WriteJob*>& group) {
    const auto started = std::chrono::steady_clock::now();
    run_group_transaction(group);
    std::size_t failed = 0;
    for (const auto* job : group) failed += job->error ? 1 : 0;
    record_write_group("postgresql", std::chrono::steady_clock::now() - started, group.size(),
                       failed);
  }

  void run_group_transaction(std::vector<postgres::WriteJob*>& group) {
    if (group.size() == 1) {
      try {
        run_transaction("BEGIN", *group.front()->work, true);
      } catch (...) {
        group.front()->error = std::current_exception();
      }
      return;
    }
    Lease lease = begin("BEGIN", true);
    PgConnection conn(*lease, pool_.schema_generation, true);
    conn.start_group(group.size());
    try {
      conn.control("SAVEPOINT job");
      // A job's end is queued behind its changes, and their answers are read
      // by the next job's first wait (or the sync after the last job): one
      // wait less per job. A failure is blamed on the job that sent the
      // failing change. When that is an earlier job, the server skipped all
      // that came after it (its end included): the savepoint still marks the
      // start of the failed job, and the jobs after it run again, as a
      // retried group's do.
      std::size_t next = 0;
      for (;;) {
        while (next < group.size()) {
          conn.begin_job(next);
          try {
            (*group[next]->work)(conn);
            conn.end_job();
            ++next;
          } catch (...) {
            next = blame(conn, group, next, std::current_exception());
          }
        }
        try {
          // COMMIT down the pipeline behind the last job: if a change of a
          // job failed, the server skips it and the group goes on without
          // that job.
          conn.begin_job(group.size());
          conn.commit();
          break;
        } catch (...) {
          next = blame(conn, group, group.size(), std::current_exception());
        }
      }
    } catch (...) {
      // The connection or the commit failed: nothing of the group is kept.
      conn.discard_queued();
      PGconn* raw = lease->conn;
      if (PQstatus(raw) == CONNECTION_OK && PQtransactionStatus(raw) != PQTRANS_IDLE) {
        PQclear(PQexec(raw, "ROLLBACK"));
      }
      for (postgres::WriteJob* job : group) {
        if (!job->error) job->error = std::current_exception();
      }
    }
  }

  // Gives `failure`, thrown while job `running` ran (group.size(): after the
  // last), to the job it belongs to, rolls back to that job's savepoint and
  // returns the index of the job to run next: the one after it.
  static std::size_t blame(PgConnection& conn, std::vector<postgres::WriteJob*>& group,
                           std::size_t running, std::exception_ptr failure) {
    // The answers still owed first: a job that threw on its own (no wait of
    // its own since the last job's end) may sit behind an earlier job whose
    // queued change failed, and that one is then to blame.
    conn.discard_queued();
    const std::size_t failed = std::min(conn.failed_job().value_or(running), running);
    // Nobody's: the COMMIT itself failed, and with it the whole group.
    if (failed >= group.size()) std::rethrow_exception(failure);
    group[failed]->error = failed < running && conn.pipeline_failure()
                               ? std::make_exception_ptr(*conn.pipeline_failure())
                               : failure;
    conn.control("ROLLBACK TO SAVEPOINT job");
    conn.rewind_to_job(failed);
    return failed + 1;
  }

  // A write's changes without RETURNING are queued
  // (store/postgres/pg_connection.hpp).
  void run_transaction(const char* begin_sql, const std::function<void(Connection&)>& fn,
                       bool write) {
    Lease lease = begin(begin_sql, write);
    PgConnection conn(*lease, pool_.schema_generation, write);
    try {
      fn(conn);
      conn.commit();
    } catch (...) {
      conn.discard_queued();
      PGconn* raw = lease->conn;
      // If ROLLBACK fails too, release() sees the open transaction and drops the connection.
      if (PQstatus(raw) == CONNECTION_OK && PQtransactionStatus(raw) != PQTRANS_IDLE) {
        PQclear(PQexec(raw, "ROLLBACK"));
      }
      throw;
    }
  }

  // A connection prepared before the last migration (or whose statements
  // the server refused) drops them before its next transaction.
  void drop_stale_statements(Session& session) {
    const std::uint64_t generation = pool_.schema_generation.load();
    if (!session.statements_stale && session.schema_generation == generation) return;
    check(session.conn, PQexec(session.conn, "DEALLOCATE ALL"));
    session.statements.clear();
    session.statements_stale = false;
    session.schema_generation = generation;
  }

  Lease begin(const char* begin_sql, bool write) {
    for (;;) {
      auto [session, reused] = pool_.acquire();
      Lease lease(session, Releaser{&pool_});
      try {
        drop_stale_statements(*session);
        record_round_trip(write);
        check(session->conn, PQexec(session->conn, begin_sql));
        return lease;
      } catch (const StoreError& e) {
        // A pooled connection may have been closed by the server (restart,
        // idle timeout) unnoticed; nothing ran yet, so another one is safe.
        if (!reused || e.kind() != Kind::connection) throw;
      }
    }
  }

  Pool pool_;
  postgres::WriteGroups groups_{kMaxWriteGroup,
                                [this](std::vector<postgres::WriteJob*>& g) { run_group(g); }};
};

}  // namespace

std::unique_ptr<Database> open_postgres(const std::string& conninfo, Durability durability) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &error);
  if (options == nullptr) {
    // libpq's parse message may quote parts of the string, password included.
    PQfreemem(error);
    throw StoreError(Kind::connection, "PostgreSQL: invalid connection string");
  }
  std::string password;
  for (PQconninfoOption* o = options; o->keyword != nullptr; ++o) {
    if (std::strcmp(o->keyword, "password") == 0 && o->val != nullptr) password = o->val;
  }
  PQconninfoFree(options);
  return std::make_unique<PostgresDatabase>(conninfo, std::move(password), durability);
}

}  // namespace guiche::store
