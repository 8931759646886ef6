#pragma once
#include <sqlite3.h>

#include <string>
#include <unordered_map>

#include "store/database.hpp"

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

 private:
  sqlite3_stmt* prepared(std::string_view sql);
  [[noreturn]] void fail(int code, std::string_view context);

  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

}  // namespace guiche::store::sqlite
