#pragma once
// One libpq connection as the application's Connection: statements with `?`
// placeholders, prepared on their second use (store/postgres/statement_cache),
// and, inside a write, changes sent without waiting for their answers.
//
// Why the waiting matters: a node's writes share one transaction
// (store/postgres/write_groups.hpp), so the statements of every registration
// of a group run one after another on one connection, and each round trip is
// time every other request of the group waits. An INSERT, UPDATE or DELETE
// without RETURNING produces nothing the caller reads, so in a write it is
// queued in libpq's pipeline and the answers are read together at the next
// statement that returns rows or at COMMIT; a job's end (its savepoint
// released and the next one set) is queued too. An error of a queued change
// surfaces there, with its own kind, and fails the job that sent it as it
// would have at the change itself: the server skips what follows in the
// pipeline, and the group runs again the jobs it skipped
// (store/postgres/postgres_database.cpp).
#include <libpq-fe.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"
#include "store/postgres/statement_cache.hpp"
#include "store/ticket_number_block.hpp"

namespace guiche::store::postgres {

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

// Throws a StoreError of the right kind unless `raw` succeeded. A null result
// means libpq itself failed (out of memory or a dead socket).
Result check(PGconn* conn, PGresult* raw);

std::string without_trailing_space(std::string s);

// Rewrites `?` to $1, $2, ... outside literals, quoted identifiers and comments.
std::string rewrite_placeholders(std::string_view sql);

// True for a change whose answer holds no rows: INSERT, UPDATE or DELETE
// without RETURNING.
bool answers_no_rows(std::string_view sql);

// More than the distinct statements a running desk issues, so the cache only
// forgets texts built on the fly (IN lists of many lengths, search filters).
constexpr std::size_t kStatementsPerConnection = 256;

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
  // A read's end (COMMIT or ROLLBACK) was sent and its answer not read yet:
  // the pool reads it before the connection's next use (settle_ended_read).
  bool end_in_flight = false;
  // The database's schema generation when the statements were prepared
  // (the engine bumps it on every script, i.e. migration).
  std::uint64_t schema_generation;
  bool statements_stale = false;  // the server refused one: drop them all before the next use
};

class PgConnection final : public Connection {
 public:
  // `pipelined`: changes without RETURNING are queued (writes only).
  PgConnection(Session& session, std::atomic<std::uint64_t>& schema_generation, bool pipelined)
      : session_(session),
        conn_(session.conn),
        schema_generation_(schema_generation),
        pipelined_(pipelined) {}
  ~PgConnection() override { discard_queued(); }

  // A read: `begin_sql` goes down the pipeline in front of the read's first
  // statement, one wait for both instead of one each; a read that runs no
  // statement never begins.
  void begin_with_first_statement(std::string begin_sql) { pending_begin_ = std::move(begin_sql); }
  // Statements whose answer the caller got: none means a failure at the
  // first, when nothing of the read has reached its function.
  std::size_t statements_answered() const { return answered_; }
  // Ends a read with COMMIT (or ROLLBACK, after a failure) sent without
  // waiting for the answer, which the pool reads at the connection's next
  // use (Session::end_in_flight). A read-only transaction has nothing left
  // to lose at that point: what the read returns was already read.
  void end_read(const char* sql) noexcept;
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  Dialect dialect() const override { return Dialect::postgres; }
  std::vector<Row> query(std::string_view sql, const std::vector<Value>& params) override;
  // A script may change what a prepared statement returns (a migration
  // adding a column to a table read with SELECT *), which the server refuses
  // to run, so every connection of the pool drops its statements.
  void execute_script(std::string_view sql) override;

  // If the job swallowed an error the server has aborted the transaction (or
  // the job's savepoint) and COMMIT would quietly roll back; report the
  // original failure's kind so a swallowed serialization failure is still
  // retried. Reads the queued changes' answers first.
  void throw_if_aborted();
  // Runs a statement of the engine's own (savepoints) outside the cache.
  void control(const char* sql);
  // A job of a group starts, with no failure of its own; what it queues is
  // marked as its own (`index` in the group).
  void begin_job(std::size_t index);
  // The connection runs a group of `jobs` jobs: registrations take their
  // protocol numbers from one reservation (ticket_number_block()).
  void start_group(std::size_t jobs);
  // After ROLLBACK TO SAVEPOINT to the start of job `index`: the numbers
  // it and the jobs after it took go back to the block.
  void rewind_to_job(std::size_t index);
  TicketNumberBlock* ticket_number_block() override { return numbers_ ? &*numbers_ : nullptr; }
  // The end of a job of a group: its savepoint released and the next one
  // set, queued behind its changes without a wait; their answers are read by
  // the next statement that waits (the next job's first query, or sync()),
  // and a failure among them is the job's own (failed_job()). A job that
  // swallowed an error is ended at once, throwing it.
  void end_job();
  // Reads every answer still owed; throws the first failure among them.
  void sync() { read_queued(); }
  // After a failure was thrown: the job whose queued change failed, if the
  // failure came from the pipeline; an earlier job than the running one
  // means the server skipped everything after it, that job's end included.
  std::optional<std::size_t> failed_job() const { return failed_job_; }
  // That failure as the pipeline reported it (the running job may have
  // caught and translated it).
  const std::optional<StoreError>& pipeline_failure() const { return pipeline_failure_; }
  // After a failure: the queued answers are read and dropped, so the
  // connection can run ROLLBACK (TO SAVEPOINT).
  void discard_queued() noexcept;
  // A job of a group starts with no failure of its own.
  void forget_failure() { first_failure_.reset(); }
  void commit();

 private:
  // What the pipeline owes: one answer per command sent, in order.
  struct Queued {
    std::string prepared_sql;  // a PREPARE of this text: forgotten if it fails
    bool commit = false;       // the COMMIT: its answer says whether it committed
    std::size_t job = 0;       // the job of the group that sent it
    bool keep = false;         // its answer is the caller's (kept_)
  };

  Result run(std::string_view sql, int count, const char* const* values);
  void send(std::string_view sql, int count, const char* const* values);
  void send_control(const char* sql);
  void enter_pipeline();
  // Sends a pending BEGIN now, alone (statements outside query()).
  void begin_now();
  // The read's BEGIN and its first statement down the pipeline together.
  Result run_after_begin(std::string_view sql, int count, const char* const* values);
  // Reads every queued answer; throws the first failure among them.
  void read_queued();
  Result checked(PGresult* raw);

  Session& session_;
  PGconn* conn_;
  std::atomic<std::uint64_t>& schema_generation_;
  const bool pipelined_;
  std::vector<Queued> queued_;
  std::optional<StoreError::Kind> first_failure_;
  std::size_t job_ = 0;
  std::optional<std::size_t> failed_job_;
  std::optional<StoreError> pipeline_failure_;
  std::optional<std::string> pending_begin_;
  std::size_t answered_ = 0;
  Result kept_;
  std::size_t group_size_ = 1;
  std::optional<TicketNumberBlock> numbers_;
  std::vector<TicketNumberBlock::Mark> job_marks_;  // the block at each job's start
};

}  // namespace guiche::store::postgres
