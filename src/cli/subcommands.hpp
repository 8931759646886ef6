#pragma once
#include <CLI/CLI.hpp>
#include <functional>
#include <map>

namespace guiche::cli {

using Runners = std::map<CLI::App*, std::function<int()>>;

// Each adds its subcommand(s) to `app` and the code that runs them to `runners`.
void add_migrate(CLI::App& app, Runners& runners);
void add_serve(CLI::App& app, Runners& runners);
void add_demo(CLI::App& app, Runners& runners);
void add_admin(CLI::App& app, Runners& runners);
void add_sla(CLI::App& app, Runners& runners);
void add_calendar(CLI::App& app, Runners& runners);
void add_mailgate(CLI::App& app, Runners& runners);
void add_backup(CLI::App& app, Runners& runners);
void add_config(CLI::App& app, Runners& runners);

// Every subcommand above, on `app`: the configuration file checks its values
// on a second tree of them (cli/config_file.hpp).
void add_commands(CLI::App& app, Runners& runners);

}  // namespace guiche::cli
