// The PostgreSQL engine: a pool of libpq connections. Reads run one
// transaction each, in parallel; concurrent writes of this node share one
// transaction (store/postgres/write_groups.hpp: group commit). Each connection
// prepares the statements it runs more than once
// (store/postgres/statement_cache.hpp), so the server parses and plans them
// once per connection rather than once per call.
#include <libpq-fe.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <optional>
#include <random>
#include <thread>

#include "store/database.hpp"
#include "store/postgres/statement_cache.hpp"
#include "store/postgres/write_groups.hpp"
#include "store/write_metrics.hpp"

namespace guiche::store {
namespace {

// Enough for the web server's worker threads; the test server allows 300.
constexpr std::size_t kMaxConnections = 32;
constexpr int kMaxRetries = 5;
// More than the distinct statements a running desk issues, so the cache only
// forgets texts built on the fly (IN lists of many lengths, search filters).
constexpr std::size_t kStatementsPerConnection = 256;
// Writes sharing one transaction at most: enough to take a burst of the web
// server's threads at once, few enough that one job's failure costs little.
constexpr std::size_t kMaxWriteGroup = 64;

// Type OIDs from catalog/pg_type_d.h, which is a server header.
constexpr Oid kBoolOid = 16, kInt8Oid = 20, kInt2Oid = 21, kInt4Oid = 23, kOidOid = 26,
              kFloat4Oid = 700, kFloat8Oid = 701, kNumericOid = 1700;

using Kind = StoreError::Kind;

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

void ignore_notice(void*, const char*) {}

std::string trimmed(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  return s;
}

// Throws unless `raw` succeeded. A null result means libpq itself failed
// (out of memory or a dead socket), so the connection's message is used.
Result check(PGconn* conn, PGresult* raw) {
  Result res(raw);
  ExecStatusType status = res ? PQresultStatus(res.get()) : PGRES_FATAL_ERROR;
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY) {
    return res;
  }
  const char* field = res ? PQresultErrorField(res.get(), PG_DIAG_SQLSTATE) : nullptr;
  std::string sqlstate = field ? field : "";
  Kind kind = Kind::generic;
  if (PQstatus(conn) != CONNECTION_OK || sqlstate.rfind("08", 0) == 0) {
    kind = Kind::connection;
  } else if (sqlstate == "23505") {
    kind = Kind::unique_violation;
  } else if (sqlstate == "40001" || sqlstate == "40P01") {
    kind = Kind::busy;
  }
  // The primary message only: the DETAIL line quotes the row's values (a
  // duplicate key's e-mail), and these errors reach the log.
  const char* primary = res ? PQresultErrorField(res.get(), PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  std::string message = trimmed(primary ? primary
                                : res   ? PQresultErrorMessage(res.get())
                                        : PQerrorMessage(conn));
  throw StoreError(kind, "PostgreSQL" + (sqlstate.empty() ? "" : " " + sqlstate) + ": " + message);
}

bool is_identifier_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '$' || static_cast<unsigned char>(c) >= 0x80;
}

// Rewrites `?` to $1, $2, ... outside literals, quoted identifiers and
// comments. Dollar-quoted strings and nested comments are not recognised: the
// application's SQL never puts a `?` in them.
std::string rewrite_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int count = 0;
  std::size_t i = 0;
  auto copy_until = [&](std::size_t end) {
    end = std::min(end, sql.size());
    out.append(sql.substr(i, end - i));
    i = end;
  };
  while (i < sql.size()) {
    char c = sql[i];
    char next = i + 1 < sql.size() ? sql[i + 1] : '\0';
    if (c == '\'' || c == '"') {
      // In E'...' a backslash escapes the quote; elsewhere '' is just two
      // adjacent literals as far as this scan is concerned.
      bool backslashes = c == '\'' && i > 0 && (sql[i - 1] == 'E' || sql[i - 1] == 'e') &&
                         (i < 2 || !is_identifier_char(sql[i - 2]));
      std::size_t j = i + 1;
      while (j < sql.size() && sql[j] != c) j += (backslashes && sql[j] == '\\') ? 2 : 1;
      copy_until(j + 1);
    } else if (c == '-' && next == '-') {
      copy_until(sql.find('\n', i));
    } else if (c == '/' && next == '*') {
      std::size_t close = sql.find("*/", i + 2);
      copy_until(close == sql.npos ? close : close + 2);
    } else if (c == '?') {
      out += '$';
      out += std::to_string(++count);
      ++i;
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

Value convert_cell(const PGresult* res, int row, int col) {
  if (PQgetisnull(res, row, col)) return Value{};
  const char* const begin = PQgetvalue(res, row, col);
  const char* const end = begin + PQgetlength(res, row, col);
  const char* text = begin;
  switch (PQftype(res, col)) {
    case kInt2Oid:
    case kInt4Oid:
    case kInt8Oid:
    case kOidOid: {
      std::int64_t v = 0;
      if (std::from_chars(text, end, v).ec == std::errc{}) return v;
      break;
    }
    case kFloat4Oid:
    case kFloat8Oid:
    case kNumericOid: {
      // from_chars, unlike strtod, ignores the process locale (pt_BR uses ',').
      double v = 0;
      if (*text == '+') ++text;  // "+Infinity"
      if (std::from_chars(text, end, v).ec == std::errc{}) return v;
      break;
    }
    case kBoolOid:
      return std::int64_t{*text == 't' ? 1 : 0};
    default:
      break;
  }
  return std::string(begin, end);
}

// A pooled connection and the prepared statements the server keeps for it;
// they live and die together, so a connection the pool replaces starts with
// none.
struct Session {
  Session(PGconn* c, std::uint64_t generation)
      : conn(c), statements(kStatementsPerConnection), schema_generation(generation) {}
  ~Session() { PQfinish(conn); }
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  PGconn* const conn;
  StatementCache statements;
  // The database's schema generation when the statements were prepared
  // (PostgresDatabase bumps it on every script, i.e. migration).
  std::uint64_t schema_generation;
  bool statements_stale = false;  // the server refused one: drop them all before the next use
};

class PgConnection final : public Connection {
 public:
  PgConnection(Session& session, std::atomic<std::uint64_t>& schema_generation)
      : session_(session), conn_(session.conn), schema_generation_(schema_generation) {}
  Dialect dialect() const override { return Dialect::postgres; }

  std::vector<Row> query(std::string_view sql, const std::vector<Value>& params) override {
    std::vector<std::string> storage(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (std::size_t i = 0; i < params.size(); ++i) {
      if (auto n = std::get_if<std::int64_t>(&params[i])) {
        values[i] = (storage[i] = std::to_string(*n)).c_str();
      } else if (auto d = std::get_if<double>(&params[i])) {
        // Same digits as "%.17g" (round-trips exactly) but locale-independent.
        char buf[32];
        auto r = std::to_chars(buf, buf + sizeof buf, *d, std::chars_format::general, 17);
        values[i] = (storage[i] = std::string(buf, r.ptr)).c_str();
      } else if (auto s = std::get_if<std::string>(&params[i])) {
        values[i] = s->c_str();
      }
    }
    Result res = run(sql, static_cast<int>(params.size()), values.data());
    std::vector<Row> rows;
    int nrows = PQntuples(res.get()), ncols = PQnfields(res.get());
    rows.reserve(nrows);
    for (int r = 0; r < nrows; ++r) {
      std::vector<Value> cells;
      cells.reserve(ncols);
      for (int c = 0; c < ncols; ++c) cells.push_back(convert_cell(res.get(), r, c));
      rows.emplace_back(std::move(cells));
    }
    return rows;
  }

  // A script may change what a prepared statement returns (a migration
  // adding a column to a table read with SELECT *), which the server refuses
  // to run, so every connection of the pool drops its statements.
  void execute_script(std::string_view sql) override {
    checked(PQexec(conn_, std::string(sql).c_str()));
    checked(PQexec(conn_, "DEALLOCATE ALL"));
    session_.statements.clear();
    session_.schema_generation = ++schema_generation_;
  }

  // If fn swallowed an error the server has aborted the transaction (or the
  // job's savepoint) and COMMIT would quietly roll back; report the original
  // failure's kind so a swallowed serialization failure is still retried.
  void throw_if_aborted() {
    if (PQtransactionStatus(conn_) == PQTRANS_INERROR) {
      throw StoreError(
          first_failure_.value_or(Kind::generic),
          "PostgreSQL: transaction aborted by an earlier error; nothing was committed");
    }
  }

  // Runs a statement of the engine's own (savepoints) outside the cache.
  void control(const char* sql) { checked(PQexec(conn_, sql)); }

  // A job of a group starts with no failure of its own.
  void forget_failure() { first_failure_.reset(); }

  void commit() {
    throw_if_aborted();
    Result res = checked(PQexec(conn_, "COMMIT"));
    if (std::strcmp(PQcmdStatus(res.get()), "COMMIT") != 0) {
      throw StoreError(Kind::generic, "PostgreSQL: COMMIT rolled back the transaction");
    }
  }

 private:
  Result run(std::string_view sql, int count, const char* const* values) {
    const StatementCache::Use use = session_.statements.use(sql);
    if (!use.deallocate.empty()) {
      checked(PQexec(conn_, ("DEALLOCATE " + use.deallocate).c_str()));
    }
    if (use.name.empty()) {
      return checked(PQexecParams(conn_, rewrite_placeholders(sql).c_str(), count, nullptr, values,
                                  nullptr, nullptr, 0));
    }
    if (use.prepare) {
      try {
        checked(PQprepare(conn_, use.name.c_str(), rewrite_placeholders(sql).c_str(), 0, nullptr));
      } catch (...) {
        session_.statements.forget_name(sql);
        throw;
      }
    }
    return checked(PQexecPrepared(conn_, use.name.c_str(), count, values, nullptr, nullptr, 0));
  }

  Result checked(PGresult* raw) {
    try {
      return check(conn_, raw);
    } catch (const StoreError& e) {
      // Another node migrated the schema under a prepared statement: drop
      // them and let write() run the transaction again.
      if (std::strstr(e.what(), "cached plan must not change result type") != nullptr) {
        session_.statements_stale = true;
        if (!first_failure_) first_failure_ = Kind::busy;
        throw StoreError(Kind::busy, e.what());
      }
      if (!first_failure_) first_failure_ = e.kind();
      throw;
    }
  }

  Session& session_;
  PGconn* conn_;
  std::atomic<std::uint64_t>& schema_generation_;
  std::optional<Kind> first_failure_;
};

class Pool {
 public:
  Pool(std::string conninfo, std::string password)
      : conninfo_(std::move(conninfo)), password_(std::move(password)) {}
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
        if (PQstatus(session->conn) == CONNECTION_OK) {
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
    const bool keep = PQstatus(session->conn) == CONNECTION_OK &&
                      PQtransactionStatus(session->conn) == PQTRANS_IDLE;
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

  PGconn* connect() {
    PGconn* conn = PQconnectdb(conninfo_.c_str());
    if (conn == nullptr) throw StoreError(Kind::connection, "PostgreSQL: out of memory");
    if (PQstatus(conn) != CONNECTION_OK) {
      std::string message = trimmed(PQerrorMessage(conn));
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
    } catch (...) {
      PQfinish(conn);
      throw;
    }
    return conn;
  }

  const std::string conninfo_;
  const std::string password_;
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
  PostgresDatabase(std::string conninfo, std::string password)
      : pool_(std::move(conninfo), std::move(password)) {
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

  void read(const std::function<void(Connection&)>& fn) override {
    run_transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", fn);
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
        run_transaction("BEGIN", *group.front()->work);
      } catch (...) {
        group.front()->error = std::current_exception();
      }
      return;
    }
    Lease lease = begin("BEGIN");
    PgConnection conn(*lease, pool_.schema_generation);
    try {
      conn.control("SAVEPOINT job");
      for (postgres::WriteJob* job : group) {
        conn.forget_failure();
        try {
          (*job->work)(conn);
          conn.throw_if_aborted();
          conn.control("RELEASE SAVEPOINT job; SAVEPOINT job");
        } catch (...) {
          job->error = std::current_exception();
          conn.control("ROLLBACK TO SAVEPOINT job");
        }
      }
      conn.forget_failure();
      conn.commit();
    } catch (...) {
      // The connection or the commit failed: nothing of the group is kept.
      PGconn* raw = lease->conn;
      if (PQstatus(raw) == CONNECTION_OK && PQtransactionStatus(raw) != PQTRANS_IDLE) {
        PQclear(PQexec(raw, "ROLLBACK"));
      }
      for (postgres::WriteJob* job : group) {
        if (!job->error) job->error = std::current_exception();
      }
    }
  }

  void run_transaction(const char* begin_sql, const std::function<void(Connection&)>& fn) {
    Lease lease = begin(begin_sql);
    PgConnection conn(*lease, pool_.schema_generation);
    try {
      fn(conn);
      conn.commit();
    } catch (...) {
      PGconn* raw = lease->conn;
      // If ROLLBACK fails too, release() sees the open transaction and drops the connection.
      if (PQstatus(raw) == CONNECTION_OK && PQtransactionStatus(raw) != PQTRANS_IDLE) {
        PQclear(PQexec(raw, "ROLLBACK"));
      }
      throw;
    }
  }

  Lease begin(const char* begin_sql) {
    for (;;) {
      auto [session, reused] = pool_.acquire();
      Lease lease(session, Releaser{&pool_});
      const std::uint64_t generation = pool_.schema_generation.load();
      const bool drop = session->statements_stale || session->schema_generation != generation;
      try {
        if (drop) {
          check(session->conn, PQexec(session->conn, "DEALLOCATE ALL"));
          session->statements.clear();
          session->statements_stale = false;
          session->schema_generation = generation;
        }
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

std::unique_ptr<Database> open_postgres(const std::string& conninfo) {
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
  return std::make_unique<PostgresDatabase>(conninfo, std::move(password));
}

}  // namespace guiche::store
