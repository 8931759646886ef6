#pragma once
// Options several subcommands share, and opening the desk they describe.
#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "app/desk.hpp"
#include "store/database.hpp"

namespace guiche::cli {

struct StoreOptions {
  std::string data_dir = "data";
  std::string database_url;  // empty: SQLite under data_dir

  void add_to(CLI::App& command);
  // Whether --data or --database was on the command line (for commands that
  // also work without a database).
  bool given() const;
  // Opens the database and applies pending migrations.
  std::unique_ptr<store::Database> open_migrated(
      store::Durability durability = store::Durability::durable) const;

 private:
  CLI::Option* data_option_ = nullptr;
  CLI::Option* database_option_ = nullptr;
};

}  // namespace guiche::cli
