#pragma once
#include <sqlite3.h>

#include <string>
#include <unordered_map>

#include "store/database.hpp"
#include "store/search_entry_buffer.hpp"

namespace guiche::store::sqlite {

// One sqlite3 handle with a cache of prepared statements keyed by SQL text.
class SqliteConnection final : public Connection {
 public:
  SqliteConnection(const std::string& path, bool read_only,
                   Durability durability = Durability::durable);
  ~SqliteConnection() override;
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  Dialect dialect() const override { return Dialect::sqlite; }
  std::vector<Row> query(std::string_view sql, const std::vector<Value>& params = {}) override;
  void execute_script(std::string_view sql) override;
  SearchEntryBuffer* held_search_entries() override {
    return holding_search_entries_ ? &search_entries_ : nullptr;
  }
  // The writer's group commit: from here, full-text entries are held in
  // search_entries_ until the writer stores them before its COMMIT.
  void hold_search_entries(bool hold) { holding_search_entries_ = hold; }

 private:
  sqlite3_stmt* prepared(std::string_view sql);
  [[noreturn]] void fail(int code, std::string_view context);

  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
  bool holding_search_entries_ = false;
  SearchEntryBuffer search_entries_;
};

}  // namespace guiche::store::sqlite
