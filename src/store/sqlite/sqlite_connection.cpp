#include "store/sqlite/sqlite_connection.hpp"

#include <mutex>

namespace guiche::store::sqlite {

namespace {

StoreError::Kind kind_of(int code) {
  switch (code & 0xff) {
    case SQLITE_CONSTRAINT:
      return (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY)
                 ? StoreError::Kind::unique_violation
                 : StoreError::Kind::generic;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return StoreError::Kind::busy;
    case SQLITE_CANTOPEN:
      return StoreError::Kind::connection;
    default:
      return StoreError::Kind::generic;
  }
}

// SQLite counts every allocation it makes under one process-wide mutex
// (SQLITE_CONFIG_MEMSTATUS), which every connection's every step then takes,
// and Debian builds it without lookaside memory, so small allocations are
// many: the writer spent a tenth of a registration there. Nothing here reads
// those counts. The setting is refused once SQLite is initialized (another
// user in the process came first), which only leaves the default.
void configure_sqlite_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    sqlite3_initialize();
  });
}

}  // namespace

SqliteConnection::SqliteConnection(const std::string& path, bool read_only, Durability durability) {
  configure_sqlite_once();
  int flags = read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  flags |= SQLITE_OPEN_NOMUTEX;  // each connection is used by one thread at a time
  int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError(StoreError::Kind::connection, "cannot open SQLite database: " + message);
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, 10000);
  // WAL lets readers run beside the single writer; FULL makes every commit
  // durable before write() returns (an acknowledged request survives a crash).
  // OFF, for a relaxed load, leaves the syncing to the next durable commit.
  execute_script(durability == Durability::durable
                     ? "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;"
                     : "PRAGMA foreign_keys = ON; PRAGMA synchronous = OFF;");
  if (!read_only) execute_script("PRAGMA journal_mode = WAL;");
  // Deleted and overwritten rows are zeroed in their pages, not left in free
  // space where a copy of the file would still show them (LGPD: an
  // anonymized person's data must be gone from the file, not just unlinked).
  if (!read_only) execute_script("PRAGMA secure_delete = ON;");
  // The writer runs each job of a group commit in its own SAVEPOINT, and a
  // savepoint keeps the first copy of every page a job changes in a
  // sub-journal: in memory, not a temporary file written page by page (a
  // registration at 32 connections: 1,301/s instead of 844/s, bench_api_load).
  if (!read_only) execute_script("PRAGMA temp_store = MEMORY;");
  // The writer is one connection, and a registration touches a page of each of
  // the tickets' indexes, the search index and the roll-ups: past 100,000
  // tickets those pages no longer fit SQLite's default 2 MiB cache, and each
  // miss is a read from the file. 32 MiB keeps them (the readers, one per
  // concurrent request, keep the default).
  if (!read_only) execute_script("PRAGMA cache_size = -32768;");
}

SqliteConnection::~SqliteConnection() {
  for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
  sqlite3_close_v2(db_);
}

void SqliteConnection::fail(int code, std::string_view context) {
  throw StoreError(kind_of(code), std::string(context) + ": " + sqlite3_errmsg(db_));
}

sqlite3_stmt* SqliteConnection::prepared(std::string_view sql) {
  auto it = statements_.find(std::string(sql));
  if (it != statements_.end()) {
    sqlite3_reset(it->second);
    sqlite3_clear_bindings(it->second);
    return it->second;
  }
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) fail(rc, "prepare");
  statements_.emplace(std::string(sql), stmt);
  return stmt;
}

std::vector<Row> SqliteConnection::query(std::string_view sql, const std::vector<Value>& params) {
  sqlite3_stmt* stmt = prepared(sql);
  for (std::size_t i = 0; i < params.size(); ++i) {
    int index = static_cast<int>(i + 1);
    int rc = std::visit(
        [&](const auto& v) -> int {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::monostate>) {
            return sqlite3_bind_null(stmt, index);
          } else if constexpr (std::is_same_v<T, std::int64_t>) {
            return sqlite3_bind_int64(stmt, index, v);
          } else if constexpr (std::is_same_v<T, double>) {
            return sqlite3_bind_double(stmt, index, v);
          } else {
            return sqlite3_bind_text(stmt, index, v.data(), static_cast<int>(v.size()),
                                     SQLITE_TRANSIENT);
          }
        },
        params[i]);
    if (rc != SQLITE_OK) fail(rc, "bind");
  }
  std::vector<Row> rows;
  const int columns = sqlite3_column_count(stmt);
  for (;;) {
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) {
      sqlite3_reset(stmt);
      fail(rc, "step");
    }
    std::vector<Value> cells;
    cells.reserve(columns);
    for (int c = 0; c < columns; ++c) {
      switch (sqlite3_column_type(stmt, c)) {
        case SQLITE_INTEGER:
          cells.emplace_back(static_cast<std::int64_t>(sqlite3_column_int64(stmt, c)));
          break;
        case SQLITE_FLOAT:
          cells.emplace_back(sqlite3_column_double(stmt, c));
          break;
        case SQLITE_NULL:
          cells.emplace_back(std::monostate{});
          break;
        default: {
          auto text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
          cells.emplace_back(std::string(text, sqlite3_column_bytes(stmt, c)));
        }
      }
    }
    rows.emplace_back(std::move(cells));
  }
  sqlite3_reset(stmt);
  return rows;
}

void SqliteConnection::execute_script(std::string_view sql) {
  char* error = nullptr;
  int rc = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &error);
  if (rc != SQLITE_OK) {
    std::string message = error ? error : "unknown error";
    sqlite3_free(error);
    throw StoreError(kind_of(rc), "exec: " + message);
  }
}

}  // namespace guiche::store::sqlite
