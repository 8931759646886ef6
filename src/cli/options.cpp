#include "cli/options.hpp"

#include "store/migrations/migrations.hpp"

namespace guiche::cli {

void StoreOptions::add_to(CLI::App& command) {
  command.add_option("--data", data_dir, "diretório de dados (banco SQLite, anexos)");
  command.add_option("--database", database_url,
                     "URL do banco (postgresql://...); padrão: SQLite em --data");
}

std::unique_ptr<store::Database> StoreOptions::open_migrated() const {
  auto db = store::open_database(database_url, data_dir);
  store::migrate(*db);
  return db;
}

}  // namespace guiche::cli
