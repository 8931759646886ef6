#include "web/admin/admin_forms.hpp"

#include <algorithm>

namespace guiche::web {
namespace {

std::string value(const Fields& f, const std::string& name) {
  auto it = f.find(name);
  return it == f.end() ? std::string() : it->second;
}

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

// How many rows a table posted (its hidden count), bounded so a forged
// count cannot make us loop for long.
std::size_t row_count(const Fields& f, const std::string& name) {
  const auto text = value(f, name);
  if (text.empty() || text.size() > 3 || text.find_first_not_of("0123456789") != std::string::npos)
    return 0;
  return std::min<std::size_t>(std::stoul(text), 200);
}

bool is_integer_text(const std::string& s) {
  const auto digits = s.substr(!s.empty() && s[0] == '-' ? 1 : 0);
  return !digits.empty() && digits.size() <= 9 &&
         digits.find_first_not_of("0123456789") == std::string::npos;
}

// A number typed in a cell: an integer if it is one, otherwise the text as
// typed (the domain then says what is wrong with it), null when empty.
nlohmann::json number_cell(const std::string& typed) {
  const auto s = trimmed(typed);
  if (s.empty()) return nullptr;
  if (is_integer_text(s)) return std::stoi(s);
  return s;
}

nlohmann::json text_cell(const std::string& typed) {
  const auto s = trimmed(typed);
  return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
}

// "0,75" or "0.75" as a number; anything else as typed.
nlohmann::json fraction_cell(const std::string& typed) {
  auto s = trimmed(typed);
  std::replace(s.begin(), s.end(), ',', '.');
  if (s.empty()) return nullptr;
  std::size_t used = 0;
  try {
    const double d = std::stod(s, &used);
    if (used == s.size()) return d;
  } catch (const std::logic_error&) {
  }
  return s;
}

}  // namespace

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += (out.empty() ? "" : "\n") + l;
  return out;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    auto line = trimmed(text.substr(start, end - start));
    if (!line.empty()) out.push_back(std::move(line));
    start = end + 1;
  }
  return out;
}

std::vector<RoleGrant> role_rows_from(const Fields& fields) {
  std::vector<RoleGrant> out;
  const auto n = row_count(fields, "papeis");
  for (std::size_t i = 0; i < n; ++i) {
    const auto code = value(fields, "papel-" + std::to_string(i));
    if (code.empty()) continue;
    auto role = parse_role(code);
    if (!role) throw malformed("Formulário malformado: papel desconhecido.");
    RoleGrant g{*role, std::nullopt};
    const auto unit = value(fields, "unidade-" + std::to_string(i));
    if (!unit.empty()) {
      if (!is_integer_text(unit) || unit[0] == '-')
        throw malformed("Formulário malformado: unidade inválida.");
      g.unit_id = std::stoll(unit);
    }
    out.push_back(g);
  }
  return out;
}

std::vector<BuilderRow> builder_rows_from(const Fields& fields) {
  std::vector<BuilderRow> rows;
  const auto n = row_count(fields, "campos");
  for (std::size_t i = 0; i < n; ++i) {
    const auto p = "campo-" + std::to_string(i) + "-";
    BuilderRow row;
    row.key = trimmed(value(fields, p + "chave"));
    row.label = trimmed(value(fields, p + "rotulo"));
    row.type = value(fields, p + "tipo");
    if (row.type.empty()) row.type = "text";
    row.required = value(fields, p + "obrigatorio") == "sim";
    row.choices = value(fields, p + "opcoes");
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<BuilderRow> builder_rows_of(const std::vector<FormField>& form) {
  std::vector<BuilderRow> rows;
  for (const auto& f : form) {
    std::string choices;
    for (const auto& c : f.choices) choices += (choices.empty() ? "" : "\n") + c;
    rows.push_back({f.key, f.label, std::string(field_type_code(f.type)), f.required, choices});
  }
  return rows;
}

std::optional<int> apply_builder_action(std::vector<BuilderRow>& rows, const std::string& action) {
  if (action == "adicionar") {
    rows.emplace_back();
    return static_cast<int>(rows.size()) - 1;
  }
  const auto dash = action.rfind('-');
  if (dash == std::string::npos || !is_integer_text(action.substr(dash + 1)) ||
      action[dash + 1] == '-')
    return std::nullopt;
  const auto verb = action.substr(0, dash);
  const auto i = static_cast<std::size_t>(std::stoi(action.substr(dash + 1)));
  if (verb != "remover" && verb != "subir" && verb != "descer") return std::nullopt;
  if (i >= rows.size()) return -1;  // a stale page: nothing to do
  if (verb == "remover") {
    rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(i));
    return rows.empty() ? -1 : static_cast<int>(std::min(i, rows.size() - 1));
  }
  if (verb == "subir") {
    if (i == 0) return 0;
    std::swap(rows[i], rows[i - 1]);
    return static_cast<int>(i - 1);
  }
  if (i + 1 == rows.size()) return static_cast<int>(i);
  std::swap(rows[i], rows[i + 1]);
  return static_cast<int>(i + 1);
}

std::vector<FormField> form_fields_from(const std::vector<BuilderRow>& rows) {
  std::vector<FormField> form;
  std::vector<FieldError> errors;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& row = rows[i];
    FormField f;
    f.key = row.key;
    f.label = row.label;
    auto type = parse_field_type(row.type);
    if (!type) {
      errors.push_back({"campo-" + std::to_string(i) + "-tipo", "Tipo de campo desconhecido."});
    } else {
      f.type = *type;
    }
    f.required = row.required;
    if (f.type == FieldType::choice) f.choices = split_lines(row.choices);
    form.push_back(std::move(f));
  }
  if (!errors.empty()) throw invalid("O formulário do serviço é inválido.", std::move(errors));
  return form;
}

std::map<std::string, std::string> builder_errors(const DomainError& e,
                                                  const std::vector<BuilderRow>& rows) {
  std::map<std::string, std::string> out;
  auto add = [&](const std::string& id, const std::string& message) {
    auto& text = out[id];
    if (text.find(message) == std::string::npos) text += (text.empty() ? "" : " ") + message;
  };
  for (const auto& f : e.fields()) {
    if (f.field.rfind("campo-", 0) == 0) {
      add(f.field, f.message);
      continue;
    }
    std::optional<std::string> target;
    bool seen = false;
    for (std::size_t i = 0; i < rows.size() && !target; ++i) {
      const auto p = "campo-" + std::to_string(i) + "-";
      const auto& row = rows[i];
      if (f.field == "form") {
        if (row.key.empty())
          target = p + "chave";
        else if (row.label.empty())
          target = p + "rotulo";
      } else if (row.key == f.field) {
        if (row.type == "choice" && split_lines(row.choices).empty())
          target = p + "opcoes";
        else if (seen)
          target = p + "chave";
        seen = true;
      }
    }
    add(target.value_or("_geral"), f.message);
  }
  if (out.empty()) out["_geral"] = e.what();
  return out;
}

SlaPosted sla_document_from(const Fields& f) {
  SlaPosted out;
  auto& doc = out.document;
  doc["warning_fraction"] = fraction_cell(value(f, "alerta"));
  out.input_of["warning_fraction"] = "alerta";
  doc["priority_matrix"] = nlohmann::json::array();
  for (int i = 0; i < 3; ++i) {
    nlohmann::json row = nlohmann::json::array();
    for (int k = 0; k < 3; ++k) {
      const auto id = "matriz-" + std::to_string(i) + "-" + std::to_string(k);
      row.push_back(number_cell(value(f, id)));
      out.input_of["priority_matrix[" + std::to_string(i) + "][" + std::to_string(k) + "]"] = id;
    }
    doc["priority_matrix"].push_back(row);
  }
  // Each table: rows kept in order; `cells` maps a JSON member to an input
  // suffix; a row is blank when its `typed` inputs are (selects have defaults).
  using Cells = std::vector<std::pair<std::string, std::string>>;
  auto table = [&](const char* count, const char* prefix, const char* list, const Cells& cells,
                   const std::vector<std::string>& typed, auto&& make) {
    doc[list] = nlohmann::json::array();
    const auto n = row_count(f, count);
    for (std::size_t i = 0; i < n; ++i) {
      const auto p = std::string(prefix) + "-" + std::to_string(i) + "-";
      if (value(f, p + "remover") == "sim") continue;
      bool blank = true;
      for (const auto& suffix : typed) blank = blank && trimmed(value(f, p + suffix)).empty();
      if (blank) continue;
      const auto path = std::string(list) + "[" + std::to_string(doc[list].size()) + "]";
      for (const auto& [member, suffix] : cells) out.input_of[path + "." + member] = p + suffix;
      doc[list].push_back(make(p));
    }
  };
  table("politicas", "politica", "policies",
        {{"code", "codigo"},
         {"label", "rotulo"},
         {"first_response", "primeira-qtd"},
         {"first_response.unit", "primeira-unidade"},
         {"first_response.amount", "primeira-qtd"},
         {"resolution", "solucao-qtd"},
         {"resolution.unit", "solucao-unidade"},
         {"resolution.amount", "solucao-qtd"},
         {"calendar", "calendario"}},
        {"codigo", "rotulo", "primeira-qtd", "solucao-qtd"}, [&](const std::string& p) {
          return nlohmann::json{{"code", text_cell(value(f, p + "codigo"))},
                                {"label", text_cell(value(f, p + "rotulo"))},
                                {"first_response",
                                 {{"unit", text_cell(value(f, p + "primeira-unidade"))},
                                  {"amount", number_cell(value(f, p + "primeira-qtd"))}}},
                                {"resolution",
                                 {{"unit", text_cell(value(f, p + "solucao-unidade"))},
                                  {"amount", number_cell(value(f, p + "solucao-qtd"))}}},
                                {"pause_on_third_party", value(f, p + "pausa") == "sim"},
                                {"calendar", text_cell(value(f, p + "calendario"))}};
        });
  table("faixas", "faixa", "severities",
        {{"from", "de"}, {"to", "ate"}, {"name", "nome"}, {"policy", "politica"}},
        {"de", "ate", "nome", "politica"}, [&](const std::string& p) {
          return nlohmann::json{{"from", number_cell(value(f, p + "de"))},
                                {"to", number_cell(value(f, p + "ate"))},
                                {"name", text_cell(value(f, p + "nome"))},
                                {"policy", text_cell(value(f, p + "politica"))}};
        });
  table("regras", "regra", "rules",
        {{"service_code", "servico"},
         {"category", "categoria"},
         {"severity", "severidade"},
         {"policy", "politica"}},
        {"servico", "categoria", "severidade", "politica"}, [&](const std::string& p) {
          nlohmann::json rule = {{"policy", text_cell(value(f, p + "politica"))}};
          for (const auto& [member, suffix] :
               std::vector<std::pair<const char*, const char*>>{{"service_code", "servico"},
                                                                {"category", "categoria"},
                                                                {"severity", "severidade"}}) {
            auto cell = text_cell(value(f, p + suffix));
            if (!cell.is_null()) rule[member] = cell;
          }
          return rule;
        });
  return out;
}

}  // namespace guiche::web
