#include "domain/service.hpp"

#include <cmath>
#include <set>

#include "domain/error.hpp"
#include "domain/identity.hpp"
#include "domain/time.hpp"

namespace guiche {

std::string_view audience_code(Audience a) {
  switch (a) {
    case Audience::authorized_requesters:
      return "authorized_requesters";
    case Audience::public_servants:
      return "public_servants";
    case Audience::anyone:
      return "anyone";
  }
  return "authorized_requesters";
}

std::optional<Audience> parse_audience(std::string_view code) {
  for (auto a : {Audience::authorized_requesters, Audience::public_servants, Audience::anyone}) {
    if (audience_code(a) == code) return a;
  }
  return std::nullopt;
}

std::string_view field_type_code(FieldType t) {
  switch (t) {
    case FieldType::text:
      return "text";
    case FieldType::long_text:
      return "long_text";
    case FieldType::choice:
      return "choice";
    case FieldType::date:
      return "date";
    case FieldType::number:
      return "number";
    case FieldType::yes_no:
      return "yes_no";
  }
  return "text";
}

std::optional<FieldType> parse_field_type(std::string_view code) {
  for (auto t : {FieldType::text, FieldType::long_text, FieldType::choice, FieldType::date,
                 FieldType::number, FieldType::yes_no}) {
    if (field_type_code(t) == code) return t;
  }
  return std::nullopt;
}

namespace {

bool is_blank(const nlohmann::json& v) {
  return v.is_null() ||
         (v.is_string() && v.get<std::string>().find_first_not_of(" \t\r\n") == std::string::npos);
}

// Returns the normalized value, or nullopt with `problem` set.
std::optional<nlohmann::json> normalize_answer(const FormField& f, const nlohmann::json& v,
                                               std::string& problem) {
  switch (f.type) {
    case FieldType::text:
    case FieldType::long_text: {
      if (!v.is_string()) break;
      const auto& s = v.get_ref<const std::string&>();
      std::size_t limit = f.type == FieldType::text ? 500 : 20000;
      if (s.size() > limit || !is_clean_text(s) ||
          (f.type == FieldType::text && s.find('\n') != std::string::npos)) {
        problem = "Texto inválido ou longo demais.";
        return std::nullopt;
      }
      return v;
    }
    case FieldType::choice:
      if (!v.is_string()) break;
      for (const auto& c : f.choices) {
        if (c == v.get<std::string>()) return v;
      }
      problem = "Escolha uma das opções oferecidas.";
      return std::nullopt;
    case FieldType::date:
      if (v.is_string() && parse_date(v.get<std::string>())) return v;
      problem = "Informe uma data válida (AAAA-MM-DD).";
      return std::nullopt;
    case FieldType::number:
      if (v.is_number()) return v;
      if (v.is_string()) {
        try {
          std::size_t used = 0;
          double d = std::stod(v.get<std::string>(), &used);
          // "nan" and "inf" parse too, but are no quantity a person means.
          if (used == v.get<std::string>().size() && std::isfinite(d)) return d;
        } catch (const std::exception&) {
        }
      }
      problem = "Informe um número.";
      return std::nullopt;
    case FieldType::yes_no:
      if (v.is_boolean()) return v;
      if (v.is_string() && (v == "sim" || v == "yes" || v == "true")) return true;
      if (v.is_string() && (v == "não" || v == "nao" || v == "no" || v == "false")) return false;
      problem = "Responda sim ou não.";
      return std::nullopt;
  }
  problem = "Valor do tipo errado.";
  return std::nullopt;
}

}  // namespace

nlohmann::json validate_form_answers(const std::vector<FormField>& form,
                                     const nlohmann::json& answers) {
  std::vector<FieldError> errors;
  nlohmann::json out = nlohmann::json::object();
  if (!answers.is_null() && !answers.is_object()) {
    throw invalid_field("form_answers", "As respostas do formulário devem ser um objeto.");
  }
  for (const auto& f : form) {
    bool present = answers.is_object() && answers.contains(f.key) && !is_blank(answers.at(f.key));
    if (!present) {
      if (f.required) errors.push_back({f.key, "Campo obrigatório: " + f.label + "."});
      continue;
    }
    std::string problem;
    if (auto v = normalize_answer(f, answers.at(f.key), problem)) {
      out[f.key] = *v;
    } else {
      errors.push_back({f.key, f.label + ": " + problem});
    }
  }
  if (answers.is_object()) {
    for (const auto& [key, value] : answers.items()) {
      bool known = false;
      for (const auto& f : form) known = known || f.key == key;
      if (!known) errors.push_back({key, "Campo desconhecido neste formulário: " + key + "."});
    }
  }
  if (!errors.empty()) {
    throw invalid("O formulário da solicitação tem campos a corrigir.", std::move(errors));
  }
  return out;
}

void validate_form_definition(const std::vector<FormField>& form) {
  std::set<std::string> keys;
  std::vector<FieldError> errors;
  for (const auto& f : form) {
    if (f.key.empty() || f.label.empty()) {
      errors.push_back({"form", "Todo campo precisa de chave e rótulo."});
    } else if (!keys.insert(f.key).second) {
      errors.push_back({f.key, "Chave de campo repetida: " + f.key + "."});
    }
    if (f.type == FieldType::choice && f.choices.empty()) {
      errors.push_back({f.key, "Campo de escolha sem opções: " + f.key + "."});
    }
  }
  if (!errors.empty()) throw invalid("O formulário do serviço é inválido.", std::move(errors));
}

nlohmann::json form_to_json(const std::vector<FormField>& form) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& f : form) {
    nlohmann::json j{{"key", f.key},
                     {"label", f.label},
                     {"type", field_type_code(f.type)},
                     {"required", f.required}};
    if (!f.choices.empty()) j["choices"] = f.choices;
    out.push_back(std::move(j));
  }
  return out;
}

std::vector<FormField> form_from_json(const nlohmann::json& j) {
  std::vector<FormField> form;
  if (!j.is_array()) throw invalid_field("form", "O formulário deve ser uma lista de campos.");
  for (const auto& item : j) {
    if (!item.is_object() || !item.contains("key") || !item["key"].is_string() ||
        !item.contains("label") || !item["label"].is_string()) {
      throw invalid_field("form", "Todo campo precisa de chave e rótulo.");
    }
    FormField f;
    f.key = item["key"].get<std::string>();
    f.label = item["label"].get<std::string>();
    auto type = parse_field_type(item.value("type", std::string("text")));
    if (!type) throw invalid_field("form", "Tipo de campo desconhecido em " + f.key + ".");
    f.type = *type;
    f.required = item.value("required", false);
    if (item.contains("choices")) f.choices = item["choices"].get<std::vector<std::string>>();
    form.push_back(std::move(f));
  }
  validate_form_definition(form);
  return form;
}

}  // namespace guiche
