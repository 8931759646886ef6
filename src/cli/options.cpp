#include "cli/options.hpp"

#include "store/migrations/migrations.hpp"

namespace guiche::cli {

void StoreOptions::add_to(CLI::App& command) {
  data_option_ =
      command.add_option("--data", data_dir, "diretório de dados (banco SQLite, anexos)");
  database_option_ = command.add_option(
      "--database", database_url, "URL do banco (postgresql://...); padrão: SQLite em --data");
}

bool StoreOptions::given() const {
  return (data_option_ && data_option_->count() > 0) ||
         (database_option_ && database_option_->count() > 0);
}

std::unique_ptr<store::Database> StoreOptions::open_migrated(store::Durability durability) const {
  auto db = store::open_database(database_url, data_dir, durability);
  store::migrate(*db);
  return db;
}

}  // namespace guiche::cli
