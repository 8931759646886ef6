#include "cli/config_file.hpp"

#include <toml++/toml.h>
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <memory>
#include <sstream>
#include <tuple>

#include "cli/subcommands.hpp"

namespace guiche::cli {
namespace {

std::string joined(const std::vector<std::string>& path, const std::string& separator) {
  std::string text;
  for (const auto& p : path) text += (text.empty() ? "" : separator) + p;
  return text;
}

std::string section_name(const std::vector<std::string>& path) {
  return path.empty() ? "no topo do arquivo" : "em [" + joined(path, ".") + "]";
}

CLI::App* find_subcommand(CLI::App& command, const std::string& name) {
  for (auto* sub : command.get_subcommands({}))
    if (sub->get_name() == name) return sub;
  return nullptr;
}

CLI::Option* settable_option(CLI::App& command, const std::string& name) {
  for (auto* option : settable_options(command))
    if (option->check_lname(name)) return option;
  return nullptr;
}

struct Target {
  std::vector<std::string> command;
  CLI::Option* option;
};

// A key applies to its section's command when it has the option, else to
// every command below it that has (so `data` at the top reaches them all).
void find_targets(CLI::App& command, const std::string& name, std::vector<std::string>& path,
                  std::vector<Target>& out) {
  if (auto* option = settable_option(command, name)) {
    out.push_back({path, option});
    return;
  }
  for (auto* sub : command.get_subcommands({})) {
    path.push_back(sub->get_name());
    find_targets(*sub, name, path, out);
    path.pop_back();
  }
}

// A TOML value as the words the command line would give: false when it has
// no such form (a table in an array, an array in an array).
bool to_inputs(const toml::node& node, std::vector<std::string>& inputs) {
  if (const auto* array = node.as_array()) {
    for (const auto& element : *array) {
      if (element.is_array() || element.is_table() || !to_inputs(element, inputs)) return false;
    }
    return true;
  }
  std::ostringstream text;
  switch (node.type()) {
    case toml::node_type::string:
      inputs.push_back(node.as_string()->get());
      return true;
    case toml::node_type::integer:
      inputs.push_back(std::to_string(node.as_integer()->get()));
      return true;
    case toml::node_type::boolean:
      inputs.push_back(node.as_boolean()->get() ? "true" : "false");
      return true;
    case toml::node_type::floating_point:
      text << node.as_floating_point()->get();
      break;
    case toml::node_type::date:
      text << node.as_date()->get();
      break;
    case toml::node_type::time:
      text << node.as_time()->get();
      break;
    case toml::node_type::date_time:
      text << node.as_date_time()->get();
      break;
    default:
      return false;
  }
  inputs.push_back(text.str());
  return true;
}

bool is_flag(const CLI::Option& option) {
  return option.get_expected_min() == 0;
}

// Gives the value to the option of the scratch tree the way CLI11 gives a
// file's value, and runs its checks and conversion: CLI11's message, or "".
std::string try_value(CLI::Option& option, const std::string& name,
                      const std::vector<std::string>& inputs) {
  std::string refused;
  try {
    option.clear();
    if (is_flag(option))
      option.add_result(option.get_flag_value(name, inputs.front()));
    else
      option.add_result(inputs);
    option.run_callback();
  } catch (const CLI::Error& e) {
    refused = e.what();
  }
  option.clear();
  return refused;
}

class Reader {
 public:
  explicit Reader(ConfigReading& out) : out_(out) { add_commands(tree_, runners_); }

  void read(const toml::table& table) {
    std::vector<std::string> path;
    walk(table, tree_, path);
  }

 private:
  void problem(const toml::source_region& where, std::string message) {
    out_.problems.push_back({where.begin.line, where.begin.column, std::move(message)});
  }

  void walk(const toml::table& table, CLI::App& command, std::vector<std::string>& path) {
    for (const auto& [key, node] : table) {
      const std::string name(key.str());
      if (const auto* section = node.as_table()) {
        auto* sub = find_subcommand(command, name);
        path.push_back(name);
        if (sub)
          walk(*section, *sub, path);
        else
          problem(key.source(), "seção desconhecida [" + joined(path, ".") +
                                    "] (não há o comando guiche " + joined(path, " ") + ")");
        path.pop_back();
        continue;
      }
      setting(key, node, command, path);
    }
  }

  void setting(const toml::key& key, const toml::node& node, CLI::App& command,
               std::vector<std::string>& path) {
    const std::string name(key.str());
    const auto where = section_name(path);
    std::vector<Target> targets;
    std::vector<std::string> below = path;
    find_targets(command, name, below, targets);
    if (is_secret(name)) {
      problem(key.source(),
              "\"" + name + "\" " + where + " é um segredo e não vai no arquivo de configuração: " +
                  secret_variable(name, targets.empty() ? nullptr : targets.front().option));
      return;
    }
    if (targets.empty()) {
      problem(key.source(), "chave desconhecida \"" + name + "\" " + where + " (nenhum comando " +
                                (path.empty() ? "" : "guiche " + joined(path, " ") + " ") +
                                "tem a opção --" + name + ")");
      return;
    }
    std::vector<std::string> inputs;
    if (!to_inputs(node, inputs)) {
      problem(node.source(), "valor inválido para \"" + name + "\" " + where +
                                 ": use um texto, um número, true/false ou uma lista deles");
      return;
    }
    for (const auto& target : targets) {
      auto& option = *target.option;
      std::string refused;
      if (is_flag(option) && !node.is_boolean())
        refused = "use true ou false";
      else if (node.is_array() && option.get_items_expected_max() <= 1)
        refused = "a opção --" + name + " aceita um só valor, não uma lista";
      else if (inputs.empty())
        refused = "a lista está vazia";
      else
        refused = try_value(option, name, inputs);
      if (!refused.empty()) {
        problem(node.source(), "valor inválido para \"" + name + "\" " + where + " (guiche " +
                                   joined(target.command, " ") + "): " + refused);
        return;
      }
    }
    for (const auto& target : targets) {
      ConfigSetting s{target.command, name, inputs, key.source().begin.line, path.size(), {}};
      const auto& variable = target.option->get_envname();
      const char* value = variable.empty() ? nullptr : std::getenv(variable.c_str());
      if (value && *value) s.environment = variable;
      keep(std::move(s));
    }
  }

  // One setting per command and option: a section's beats the top level's.
  void keep(ConfigSetting s) {
    auto& settings = out_.settings;
    auto same = std::find_if(settings.begin(), settings.end(), [&](const ConfigSetting& other) {
      return other.command == s.command && other.name == s.name;
    });
    if (same == settings.end())
      settings.push_back(std::move(s));
    else if (same->depth < s.depth)
      *same = std::move(s);
  }

  ConfigReading& out_;
  // The runners own the variables the tree's options write to: alive as long as it.
  Runners runners_;
  CLI::App tree_;
};

// CLI11's reader of the file named by --config: the settings the command line
// did not give (CLI11 fills only empty options) and the environment does not
// override; a file with any problem stops the program before it starts.
class TomlConfig : public CLI::Config {
 public:
  TomlConfig(const CLI::App& root, bool apply) : root_(root), apply_(apply) {}

  std::string to_config(const CLI::App*, bool, bool, std::string) const override { return ""; }

  std::vector<CLI::ConfigItem> from_config(std::istream& input) const override {
    if (!apply_) return {};
    std::string path = kDefaultConfigPath;
    if (const auto* option = root_.get_config_ptr(); option && option->count() > 0)
      path = option->results().front();
    const auto reading = read_config(input, path);
    if (!reading.problems.empty())
      throw CLI::ConfigError("configuração inválida:\n" + describe(reading.problems, path));
    std::vector<CLI::ConfigItem> items;
    for (const auto& s : reading.settings) {
      if (!s.environment.empty()) continue;
      CLI::ConfigItem item;
      item.parents = s.command;
      item.name = s.name;
      item.inputs = s.inputs;
      items.push_back(std::move(item));
    }
    return items;
  }

 private:
  const CLI::App& root_;
  bool apply_;
};

}  // namespace

std::vector<CLI::Option*> settable_options(CLI::App& command) {
  std::vector<CLI::Option*> options;
  for (auto* option : command.get_options({})) {
    if (option == command.get_help_ptr() || option == command.get_help_all_ptr() ||
        option == command.get_config_ptr() || option->get_lnames().empty())
      continue;
    options.push_back(option);
  }
  return options;
}

bool is_secret(const std::string& name) {
  for (const std::string word : {"password", "token", "secret"}) {
    if (name == word) return true;
    const std::string suffix = "-" + word;
    if (name.size() > suffix.size() &&
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
      return true;
  }
  return false;
}

std::string secret_variable(const std::string& name, const CLI::Option* option) {
  if (option && !option->get_envname().empty())
    return "use a variável de ambiente " + option->get_envname();
  // An option without a variable (admin create-user --password) is typed where it is used.
  if (option) return "informe-o na linha de comando (--" + name + ")";
  std::string variable = "GUICHE_";
  for (const char c : name)
    variable += c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return "use a variável de ambiente " + variable;
}

ConfigReading read_config(std::istream& in, const std::string& path) {
  ConfigReading reading;
  toml::table table;
  try {
    table = toml::parse(in, path);
  } catch (const toml::parse_error& e) {
    reading.problems.push_back({e.source().begin.line, e.source().begin.column,
                                "erro de sintaxe TOML: " + std::string(e.description())});
    return reading;
  }
  Reader(reading).read(table);
  // toml++ keeps a table's keys sorted: the problems go back to the file's order.
  std::stable_sort(reading.problems.begin(), reading.problems.end(),
                   [](const ConfigProblem& a, const ConfigProblem& b) {
                     return std::tie(a.line, a.column) < std::tie(b.line, b.column);
                   });
  return reading;
}

std::string describe(const std::vector<ConfigProblem>& problems, const std::string& path) {
  std::string text;
  for (const auto& p : problems) {
    text += path + ":" + std::to_string(p.line) + ":" + std::to_string(p.column) + ": " +
            p.message + "\n";
  }
  return text;
}

void use_config_file(CLI::App& app, bool apply) {
  app.config_formatter(std::make_shared<TomlConfig>(app, apply));
  app.set_config("--config", kDefaultConfigPath,
                 "arquivo de configuração TOML (linha de comando > ambiente > arquivo > padrão)");
}

}  // namespace guiche::cli
