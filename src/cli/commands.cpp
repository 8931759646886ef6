#include "cli/commands.hpp"

#include <functional>
#include <map>

#include "cli/subcommands.hpp"

namespace guiche::cli {
namespace {

std::map<CLI::App*, std::function<int()>>& runners() {
  static std::map<CLI::App*, std::function<int()>> r;
  return r;
}

}  // namespace

void add_commands(CLI::App& app, Runners& r) {
  add_migrate(app, r);
  add_serve(app, r);
  add_demo(app, r);
  add_admin(app, r);
  add_sla(app, r);
  add_calendar(app, r);
  add_mailgate(app, r);
  add_backup(app, r);
  add_config(app, r);
}

void register_commands(CLI::App& app) {
  add_commands(app, runners());
}

int run_selected(CLI::App&) {
  for (auto& [command, run] : runners()) {
    if (command->parsed()) return run();
  }
  return 2;
}

}  // namespace guiche::cli
