#pragma once
#include <string>
#include <vector>

#include "store/database.hpp"

namespace guiche::store {

struct Migration {
  int version;
  std::string name;
  std::string sql;  // already in the engine's dialect
};

// The migrations for an engine, in order.
std::vector<Migration> migrations_for(Dialect dialect);

// Applies every migration not yet applied, each in its own transaction, and
// returns how many ran. Safe to run concurrently from several processes.
int migrate(Database& db);

// The highest applied version (0 for an empty database).
int schema_version(Database& db);

}  // namespace guiche::store
