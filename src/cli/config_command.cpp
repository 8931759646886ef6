// guiche config check [FILE]: checks a configuration file (cli/config_file.hpp)
// before a service reads it. Each problem is named with its line and column,
// and the exit code is 2; a good file exits 0 and prints what each command it
// touches would run with, and where each value comes from.
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/config_file.hpp"
#include "cli/subcommands.hpp"

namespace guiche::cli {
namespace {

std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// As TOML, so the printed settings read like the file.
std::string value_text(const CLI::Option& option, const std::vector<std::string>& values) {
  const bool flag = option.get_expected_min() == 0;
  if (flag && values.size() == 1) {
    const auto& v = values.front();
    return v == "1" || v == "true" || v == "on" || v == "yes" ? "true" : "false";
  }
  if (option.get_items_expected_max() <= 1 && values.size() == 1) return quoted(values.front());
  std::string list = "[";
  for (std::size_t i = 0; i < values.size(); ++i) list += (i ? ", " : "") + quoted(values[i]);
  return list + "]";
}

CLI::App* find_command(CLI::App& root, const std::vector<std::string>& path) {
  CLI::App* command = &root;
  for (const auto& name : path) {
    CLI::App* next = nullptr;
    for (auto* sub : command->get_subcommands({}))
      if (sub->get_name() == name) next = sub;
    if (!next) return nullptr;
    command = next;
  }
  return command;
}

void print_command(CLI::App& command, const std::vector<std::string>& path,
                   const std::vector<ConfigSetting>& settings) {
  std::string section;
  for (const auto& p : path) section += (section.empty() ? "" : ".") + p;
  std::cout << "\n[" << section << "]\n";
  for (auto* option : settable_options(command)) {
    const auto name = option->get_lnames().front();
    const ConfigSetting* from_file = nullptr;
    for (const auto& s : settings)
      if (s.command == path && s.name == name) from_file = &s;
    const auto variable = option->get_envname();
    const char* environment = variable.empty() ? nullptr : std::getenv(variable.c_str());
    std::string line;
    if (environment && *environment) {
      // A secret's value is never printed, not even here.
      line = name + (is_secret(name) ? " = (oculto)" : " = " + value_text(*option, {environment})) +
             "  # ambiente " + variable;
      if (from_file)
        line += ", no lugar do arquivo (linha " + std::to_string(from_file->line) + ")";
    } else if (from_file) {
      line = name + " = " + value_text(*option, from_file->inputs) + "  # arquivo, linha " +
             std::to_string(from_file->line);
    } else {
      option->capture_default_str();
      const auto fallback = option->get_default_str();
      const bool flag = option->get_expected_min() == 0;
      line = flag && fallback.empty() ? name + " = false  # padrão"
             : fallback.empty() || fallback == "[]" || fallback == "{}"
                 ? "# " + name + ": sem valor  # padrão"
                 : name + " = " + value_text(*option, {fallback}) + "  # padrão";
    }
    std::cout << line << "\n";
  }
}

int check(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "guiche config check: não foi possível ler " << path << "\n";
    return 2;
  }
  const auto reading = read_config(in, path);
  if (!reading.problems.empty()) {
    std::cerr << describe(reading.problems, path);
    std::cerr << "guiche config check: " << reading.problems.size()
              << (reading.problems.size() == 1 ? " problema" : " problemas") << " em " << path
              << "\n";
    return 2;
  }
  std::cout << path << ": configuração válida.\n"
            << "Valores efetivos (linha de comando > ambiente > arquivo > padrão), por comando "
               "que o arquivo configura:\n";
  // A fresh tree, for the defaults: this process's own was parsed.
  Runners runners;  // owns the variables of the tree's options: declared first, outlives it
  CLI::App tree;
  add_commands(tree, runners);
  std::vector<std::vector<std::string>> printed;
  for (const auto& s : reading.settings) {
    if (std::find(printed.begin(), printed.end(), s.command) != printed.end()) continue;
    printed.push_back(s.command);
    if (auto* command = find_command(tree, s.command))
      print_command(*command, s.command, reading.settings);
  }
  if (printed.empty()) std::cout << "(o arquivo não define nada: valem o ambiente e os padrões)\n";
  return 0;
}

}  // namespace

void add_config(CLI::App& app, Runners& runners) {
  auto* config = app.add_subcommand("config", "arquivo de configuração");
  config->require_subcommand(1);
  auto path = std::make_shared<std::string>(kDefaultConfigPath);
  auto* check_command = config->add_subcommand(
      "check", "valida um arquivo de configuração e mostra os valores efetivos");
  check_command->add_option("file", *path, "arquivo TOML (padrão: /etc/guiche/guiche.toml)");
  runners[check_command] = [path] { return check(*path); };
}

}  // namespace guiche::cli
