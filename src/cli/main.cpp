// guiche: one program, a subcommand per task. Bad arguments exit with 2.
#include <CLI/CLI.hpp>
#include <iostream>
#include <string_view>

#include "cli/commands.hpp"
#include "cli/config_file.hpp"
#include "domain/error.hpp"
#include "store/database.hpp"

int main(int argc, char** argv) {
  CLI::App app{"Guichê — service desk para TI do setor público"};
  app.require_subcommand(1);
  // `guiche serve --config FILE`: a subcommand hands the options it does not
  // know (--config) to guiche itself. Set before the subcommands, which copy it.
  app.fallthrough();
  app.set_help_all_flag("--help-all", "mostra a ajuda de todos os comandos");
  guiche::cli::register_commands(app);
  // The configuration file: not for help (which must work with a broken file)
  // nor for `guiche config check`, which reads the file it checks itself.
  bool apply_config = !(argc > 1 && std::string_view(argv[1]) == "config");
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h" || arg == "--help-all") apply_config = false;
  }
  guiche::cli::use_config_file(app, apply_config);
  // CLI11 would report a mistyped subcommand as a missing one; name it instead.
  bool known = argc < 2 || argv[1][0] == '-';
  for (const auto* command : app.get_subcommands({}))
    known = known || command->get_name() == argv[1];
  if (!known) {
    std::cerr << "guiche: comando desconhecido: " << argv[1]
              << "\n(use --help para ver os comandos)\n";
    return 2;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ConfigError& e) {
    // The configuration file's problems, one per line with its place (cli/config_file.hpp).
    const std::string_view message = e.what();
    std::cerr << "guiche: " << message << (message.ends_with('\n') ? "" : "\n");
    return 2;
  } catch (const CLI::FileError& e) {
    std::cerr << "guiche: arquivo de configuração não encontrado ou ilegível (" << e.what()
              << ")\n";
    return 2;
  } catch (const CLI::ParseError& e) {
    std::cerr << "guiche: " << e.what() << "\n(use --help para ver as opções)\n";
    return 2;
  }
  try {
    return guiche::cli::run_selected(app);
  } catch (const guiche::DomainError& e) {
    std::cerr << "guiche: " << e.what() << "\n";
    for (const auto& f : e.fields()) std::cerr << "  " << f.field << ": " << f.message << "\n";
    return 2;
  } catch (const guiche::store::StoreError& e) {
    std::cerr << "guiche: erro no banco de dados: " << e.what() << "\n";
    // A database that cannot be opened is a configuration the user must fix.
    return e.kind() == guiche::store::StoreError::Kind::connection ? 2 : 1;
  } catch (const std::exception& e) {
    std::cerr << "guiche: " << e.what() << "\n";
    return 1;
  }
}
