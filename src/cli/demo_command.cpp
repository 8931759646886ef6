#include <iostream>
#include <memory>

#include "cli/options.hpp"
#include "cli/subcommands.hpp"
#include "demo/demo_data.hpp"

namespace guiche::cli {

void add_demo(CLI::App& app, Runners& runners) {
  auto options = std::make_shared<StoreOptions>();
  auto if_empty = std::make_shared<bool>(false);
  auto* command = app.add_subcommand("demo", "carrega os dados de demonstração");
  options->add_to(*command);
  command->add_flag("--if-empty", *if_empty, "não faz nada se já houver dados");
  runners[command] = [options, if_empty] {
    // Demo data is loaded again if lost: its many commits need not wait for
    // the disk one by one (store/database.hpp).
    auto db = options->open_migrated(store::Durability::relaxed);
    if (demo::has_data(*db)) {
      if (*if_empty) return 0;
      std::cerr << "guiche demo: o banco já tem dados; use um diretório vazio\n";
      return 2;
    }
    auto summary = demo::load_demo_data(*db, options->data_dir);
    std::cout << summary;
    return 0;
  };
}

}  // namespace guiche::cli
