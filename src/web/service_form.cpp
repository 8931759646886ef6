#include "web/service_form.hpp"

namespace guiche::web {
namespace {

std::string input_id(const FormField& f) {
  return "campo-" + f.key;
}

}  // namespace

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
    if (!value.empty()) answers[f.key] = value;
  }
}

}  // namespace guiche::web
