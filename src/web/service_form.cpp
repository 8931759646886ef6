#include "web/service_form.hpp"

#include <algorithm>

#include "web/date_input.hpp"

namespace guiche::web {
namespace {

std::string input_id(const FormField& f) {
  return "campo-" + f.key;
}

}  // namespace

std::string field_input_id(const FormField& f) {
  return input_id(f);
}

nlohmann::json error_summary(const std::vector<std::string>& order,
                             const std::map<std::string, std::string>& errors) {
  nlohmann::json out = nlohmann::json::array();
  auto add = [&](const std::string& id, const std::string& text) {
    out.push_back({{"alvo", id == "_geral" ? "" : "#" + id}, {"texto", text}});
  };
  for (const auto& id : order) {
    if (auto it = errors.find(id); it != errors.end()) add(id, it->second);
  }
  for (const auto& [id, text] : errors) {
    if (std::find(order.begin(), order.end(), id) == order.end()) add(id, text);
  }
  return out;
}

nlohmann::json field_view(const FormField& f, const Form& sent,
                          const std::map<std::string, std::string>& errors) {
  const auto id = input_id(f);
  const auto value = sent.value(id);
  nlohmann::json view = {{"id", id},
                         {"rotulo", f.label},
                         {"obrigatorio", f.required},
                         {"valor", value},
                         {"tipo_" + std::string(field_type_code(f.type)), true}};
  if (auto it = errors.find(id); it != errors.end()) view["erro"] = it->second;
  if (f.type == FieldType::choice) {
    nlohmann::json options = nlohmann::json::array();
    for (const auto& c : f.choices) options.push_back({{"valor", c}, {"marcado", c == value}});
    view["opcoes"] = options;
  }
  if (f.type == FieldType::yes_no) {
    view["sim"] = value == "sim";
    view["nao"] = value == "nao";
  }
  return view;
}

void read_field_answers(const Service& s, const Form& form, nlohmann::json& answers,
                        std::map<std::string, std::string>& rename) {
  for (const auto& f : s.form) {
    rename[f.key] = input_id(f);
    const auto value = form.value(input_id(f));
    if (value.empty()) continue;
    const auto day = f.type == FieldType::date ? parse_date_input(value) : std::nullopt;
    // The desk's form answers hold dates as AAAA-MM-DD; one that is no day
    // goes as typed, for the desk to refuse with the other errors.
    answers[f.key] = day ? format_date(*day) : value;
  }
}

std::map<std::string, std::string> form_field_errors(
    const DomainError& e, const std::map<std::string, std::string>& rename, const Service& s,
    const Form& form) {
  auto errors = field_errors(e, rename);
  for (const auto& f : s.form) {
    const auto id = input_id(f);
    const auto value = form.value(id);
    if (f.type == FieldType::date && errors.contains(id) && !value.empty() &&
        !parse_date_input(value)) {
      errors[id] = "Data inválida: " + f.label + ". Use o formato dd/mm/aaaa (ex.: 31/12/2026).";
    }
  }
  return errors;
}

std::string answer_for_display(const FormField& f, const std::string& answer) {
  if (f.type != FieldType::date) return answer;
  const auto day = parse_date_input(answer);
  return day ? format_date_input(*day) : answer;
}

}  // namespace guiche::web
