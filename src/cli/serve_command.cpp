#include <iostream>
#include <memory>

#include "cli/options.hpp"
#include "cli/subcommands.hpp"

namespace guiche::cli {

void add_serve(CLI::App& app, Runners& runners) {
  auto options = std::make_shared<StoreOptions>();
  auto listen = std::make_shared<std::string>("127.0.0.1:8080");
  auto demo = std::make_shared<bool>(false);
  auto* command = app.add_subcommand("serve", "serve a API e as páginas");
  options->add_to(*command);
  command->add_option("--listen", *listen, "HOST:PORTA");
  command->add_flag("--demo", *demo, "carrega os dados de demonstração se o banco estiver vazio");
  runners[command] = [options, listen] {
    auto db = options->open_migrated();
    // The HTTP face arrives with the REST API; until then the store is ready
    // and the command says so instead of pretending to listen.
    std::cerr << "guiche serve: banco pronto em " << options->data_dir
              << "; a API HTTP ainda não está disponível nesta versão (" << *listen << ").\n";
    return 0;
  };
}

}  // namespace guiche::cli
