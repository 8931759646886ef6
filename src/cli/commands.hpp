#pragma once
#include <CLI/CLI.hpp>

namespace guiche::cli {

// Adds every subcommand (each defined in its own file) to `app`.
void register_commands(CLI::App& app);
// Runs the subcommand the user chose; returns the exit code.
int run_selected(CLI::App& app);

}  // namespace guiche::cli
