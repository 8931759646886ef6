#pragma once
// The storage engine interface: everything above it (repositories, the
// application layer) speaks to SQLite and PostgreSQL through these types only.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace guiche::store {

enum class Dialect { sqlite, postgres };

// A SQL value. Booleans are stored as integers 0/1 in both engines and
// instants as int64 milliseconds since the Unix epoch (UTC).
using Value = std::variant<std::monostate, std::int64_t, double, std::string>;

inline Value null_value() {
  return Value{};
}
template <typename T>
Value optional_value(const std::optional<T>& v) {
  return v ? Value{*v} : Value{};
}

class Row {
 public:
  explicit Row(std::vector<Value> cells) : cells_(std::move(cells)) {}
  std::size_t size() const { return cells_.size(); }
  bool is_null(std::size_t i) const;
  std::int64_t integer(std::size_t i) const;  // throws StoreError on NULL or non-number
  double real(std::size_t i) const;
  std::string text(std::size_t i) const;  // NULL reads as ""
  std::optional<std::int64_t> optional_integer(std::size_t i) const;
  std::optional<std::string> optional_text(std::size_t i) const;
  const Value& at(std::size_t i) const { return cells_.at(i); }

 private:
  std::vector<Value> cells_;
};

// A failure of the engine itself (I/O, constraint, syntax). Never shown to end
// users verbatim: callers translate it into a domain error or a generic one.
class StoreError : public std::runtime_error {
 public:
  enum class Kind { generic, unique_violation, busy, connection };
  StoreError(Kind kind, const std::string& what) : std::runtime_error(what), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

class SearchEntryBuffer;
class TicketNumberBlock;

// One connection inside a transaction. SQL is written once with `?`
// placeholders; the PostgreSQL engine rewrites them to $1, $2, ...
class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;
  // Runs one statement; returns the rows it produced (none for DML without RETURNING).
  virtual std::vector<Row> query(std::string_view sql, const std::vector<Value>& params = {}) = 0;
  // Runs several statements without parameters (used by migrations).
  virtual void execute_script(std::string_view sql) = 0;

  // The full-text entries a write sets, where the engine holds them to the end
  // of a group commit (SQLite's writer: store/search_entry_buffer.hpp says
  // why); nullptr where each is stored at once.
  virtual SearchEntryBuffer* held_search_entries() { return nullptr; }
  // The protocol numbers a group of writes reserves at once (PostgreSQL's
  // groups: store/ticket_number_block.hpp); nullptr where each registration
  // takes its own.
  virtual TicketNumberBlock* ticket_number_block() { return nullptr; }

  // Convenience: the first row, if any.
  std::optional<Row> query_one(std::string_view sql, const std::vector<Value>& params = {});
};

// The engine. Contract:
//  - write(fn) runs fn inside a transaction and returns only after that
//    transaction is durably committed. If fn throws, none of fn's changes are
//    kept and the exception reaches the caller unchanged; other callers'
//    writes are unaffected (SQLite batches concurrent writers into one commit
//    with a savepoint each: group commit).
//  - read(fn) runs fn on a consistent snapshot that sees every write that
//    returned before read() was called. If fn's first statement finds the
//    engine's pooled connection closed (PostgreSQL restarted), fn runs again
//    on a new one: fn must not act on anything before its first statement.
//  Both are safe to call from many threads at once.
class Database {
 public:
  virtual ~Database() = default;
  virtual Dialect dialect() const = 0;
  virtual void write(const std::function<void(Connection&)>& fn) = 0;
  virtual void read(const std::function<void(Connection&)>& fn) = 0;
  // After an erasure (an LGPD anonymization, app/personal_data/), outside any
  // transaction: makes what was deleted or overwritten in `tables` unreadable
  // from the engine's files as far as the engine allows. SQLite merges the
  // full-text index's segments (ticket_search, when named), then checkpoints
  // the WAL and truncates it (secure_delete has zeroed the freed space);
  // PostgreSQL VACUUMs each table. Costs a pass over those tables: rare calls.
  virtual void purge_deleted(const std::vector<std::string>& tables) { (void)tables; }
};

// How a commit waits for the disk. `durable`: it is on disk before write()
// returns, what the desk promises for every request it acknowledges.
// `relaxed`: for a load that is simply run again if it is lost (the demo
// data): commits do not wait for the disk; after a crash the database is
// still consistent, only its last commits may be missing.
enum class Durability { durable, relaxed };

// Opens the database named by `url`: empty or "sqlite:PATH" for SQLite (the
// default file is DATA_DIR/guiche.db), "postgresql://..." for PostgreSQL.
std::unique_ptr<Database> open_database(const std::string& url, const std::string& data_dir,
                                        Durability durability = Durability::durable);

std::unique_ptr<Database> open_sqlite(const std::string& path,
                                      Durability durability = Durability::durable);
std::unique_ptr<Database> open_postgres(const std::string& conninfo,
                                        Durability durability = Durability::durable);

}  // namespace guiche::store
