#pragma once
// The configuration file, /etc/guiche/guiche.toml by default. Every option of
// the command line can be set there, by its long name without the dashes,
// found in the tree of subcommands itself, so an option added later to any
// command works in the file with no code here:
//
//   data = "/var/lib/guiche"      # top level: every command that has --data
//   [serve]                       # only `guiche serve` (the deeper section wins)
//   listen = "0.0.0.0:8080"
//   imap-url = ["imaps://a/INBOX", "imaps://b/INBOX"]
//   [admin.create-user]           # a subcommand's subcommand
//
// Precedence: command line > environment (the option's variable) > file >
// built-in default. Secrets (passwords, tokens, secrets) come only from the
// environment: a key naming one is refused with the variable to use.
#include <CLI/CLI.hpp>
#include <cstddef>
#include <istream>
#include <string>
#include <vector>

namespace guiche::cli {

inline constexpr const char* kDefaultConfigPath = "/etc/guiche/guiche.toml";

// Something wrong in the file, where it is (1-based; 0 when unknown).
struct ConfigProblem {
  std::size_t line = 0;
  std::size_t column = 0;
  std::string message;
};

// One option of one command set by the file.
struct ConfigSetting {
  std::vector<std::string> command;  // {"serve"}, {"admin", "create-user"}
  std::string name;                  // the option's long name, without dashes
  std::vector<std::string> inputs;   // as the command line would give them
  std::size_t line = 0;
  std::size_t depth = 0;  // of its section: 0 top level, 1 [serve], 2 [admin.create-user]
  // The option's environment variable is set, so it wins over the file.
  std::string environment;
};

struct ConfigReading {
  std::vector<ConfigSetting> settings;  // one per command and option: the deepest section's
  std::vector<ConfigProblem> problems;  // empty: a good file
};

// Reads a TOML text and checks every key and value against a fresh tree of
// the commands (so checking changes nothing of the one being parsed): syntax,
// unknown sections and keys, secrets, values the option refuses.
ConfigReading read_config(std::istream& in, const std::string& path);

// One "PATH:LINE:COLUMN: message" line per problem.
std::string describe(const std::vector<ConfigProblem>& problems, const std::string& path);

// Whether a key names a secret (password, token, secret), and the variable
// of the environment that carries it instead.
bool is_secret(const std::string& name);
std::string secret_variable(const std::string& name, const CLI::Option* option);

// The options a file may set on `command` (not help nor --config itself).
std::vector<CLI::Option*> settable_options(CLI::App& command);

// Adds --config FILE to `app`, read before the subcommand runs: optional at
// its default path, required when named. `apply` false reads nothing (help,
// and `guiche config check`, which reads the file it is given itself).
void use_config_file(CLI::App& app, bool apply);

}  // namespace guiche::cli
