#include <iostream>
#include <memory>

#include "cli/options.hpp"
#include "cli/subcommands.hpp"
#include "store/migrations/migrations.hpp"

namespace guiche::cli {

void add_migrate(CLI::App& app, Runners& runners) {
  auto options = std::make_shared<StoreOptions>();
  auto* command = app.add_subcommand("migrate", "aplica as migrações pendentes do banco");
  options->add_to(*command);
  runners[command] = [options] {
    auto db = store::open_database(options->database_url, options->data_dir);
    int applied = store::migrate(*db);
    std::cout << "migrações aplicadas: " << applied << " (versão " << store::schema_version(*db)
              << ")\n";
    return 0;
  };
}

}  // namespace guiche::cli
