#include "store/sqlite/sqlite_snapshot.hpp"

#include <sqlite3.h>

#include <chrono>
#include <thread>

#include "store/database.hpp"

namespace guiche::store {
namespace {

// A raw handle closed on every way out.
struct Handle {
  sqlite3* db = nullptr;
  ~Handle() { sqlite3_close_v2(db); }
};

[[noreturn]] void fail(sqlite3* db, const std::string& context) {
  throw StoreError(StoreError::Kind::generic,
                   context + ": " + (db ? sqlite3_errmsg(db) : "sem memória"));
}

void open(Handle& h, const std::string& path, int flags) {
  if (sqlite3_open_v2(path.c_str(), &h.db, flags, nullptr) != SQLITE_OK) {
    throw StoreError(StoreError::Kind::connection,
                     "não foi possível abrir o banco SQLite " + path + ": " +
                         (h.db ? sqlite3_errmsg(h.db) : "sem memória"));
  }
  sqlite3_extended_result_codes(h.db, 1);
  sqlite3_busy_timeout(h.db, 10000);
}

}  // namespace

void snapshot_sqlite(const std::string& source, const std::string& target) {
  Handle from, to;
  // Read-write without CREATE: a missing file is an error, and a database in
  // WAL mode may need its -shm file made when no server has it open.
  open(from, source, SQLITE_OPEN_READWRITE);
  open(to, target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  sqlite3_backup* backup = sqlite3_backup_init(to.db, "main", from.db, "main");
  if (!backup) fail(to.db, "início da cópia");
  // All pages in one step: the step holds one read transaction on the source,
  // which in WAL mode never blocks the server's writer, so the copy is one
  // snapshot. (Copying in several steps would restart on every write.)
  int rc = SQLITE_OK;
  for (int attempt = 0; attempt < 200; ++attempt) {
    rc = sqlite3_backup_step(backup, -1);
    if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) fail(to.db, "cópia do banco");
  // The source's header says WAL; the copy becomes one self-contained file.
  if (sqlite3_exec(to.db, "PRAGMA journal_mode = DELETE", nullptr, nullptr, nullptr) != SQLITE_OK) {
    fail(to.db, "modo de diário da cópia");
  }
}

}  // namespace guiche::store
