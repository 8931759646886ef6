#include "sla/policy.hpp"

#include <set>

#include "domain/error.hpp"

namespace guiche::sla {
namespace {

Duration span(DurationUnit unit, std::int64_t amount) {
  return Duration{unit, amount};
}

std::string calendar_code(CalendarChoice c) {
  return c == CalendarChoice::desk ? "desk" : "organization";
}

nlohmann::json duration_json(const Duration& d) {
  return {{"unit", unit_code(d.unit)}, {"amount", d.amount}};
}

// Collects every problem of a configuration document before failing, so an
// admin sees all of them at once.
class Checker {
 public:
  void fail(const std::string& field, const std::string& message) {
    errors_.push_back({field, message});
  }
  bool ok() const { return errors_.empty(); }
  void throw_if_failed() const {
    if (!errors_.empty()) throw invalid("Configuração de ANS inválida.", errors_);
  }

  const nlohmann::json* member(const nlohmann::json& j, const std::string& path, const char* key,
                               bool required = true) {
    if (j.is_object() && j.contains(key) && !j[key].is_null()) return &j[key];
    if (required) fail(path + key, "Campo obrigatório.");
    return nullptr;
  }
  std::optional<std::int64_t> integer(const nlohmann::json& j, const std::string& path,
                                      const char* key, std::int64_t min, std::int64_t max) {
    auto* v = member(j, path, key);
    if (!v) return std::nullopt;
    if (!v->is_number_integer() || v->get<std::int64_t>() < min || v->get<std::int64_t>() > max) {
      fail(path + key, "Deve ser um número inteiro de " + std::to_string(min) + " a " +
                           std::to_string(max) + ".");
      return std::nullopt;
    }
    return v->get<std::int64_t>();
  }
  std::optional<std::string> text(const nlohmann::json& j, const std::string& path, const char* key,
                                  bool required = true) {
    auto* v = member(j, path, key, required);
    if (!v) return std::nullopt;
    if (!v->is_string() || v->get<std::string>().empty() || v->get<std::string>().size() > 200) {
      fail(path + key, "Deve ser um texto de 1 a 200 caracteres.");
      return std::nullopt;
    }
    return v->get<std::string>();
  }
  std::optional<Duration> duration(const nlohmann::json& j, const std::string& path,
                                   const char* key) {
    auto* v = member(j, path, key);
    if (!v) return std::nullopt;
    const std::string here = path + key + ".";
    auto unit_text = text(*v, here, "unit");
    std::optional<DurationUnit> unit;
    if (unit_text) {
      unit = parse_unit(*unit_text);
      if (!unit)
        fail(here + "unit",
             "Unidade desconhecida (business-hours, business-days, "
             "calendar-hours).");
    }
    auto amount = integer(*v, here, "amount", 1, Duration::max_amount);
    if (!unit || !amount) return std::nullopt;
    return Duration{*unit, *amount};
  }

 private:
  std::vector<FieldError> errors_;
};

}  // namespace

std::string duration_text_pt(const Duration& d) {
  const std::string n = std::to_string(d.amount);
  switch (d.unit) {
    case DurationUnit::business_hours:
      return n + (d.amount == 1 ? " hora útil" : " horas úteis");
    case DurationUnit::business_days:
      return n + (d.amount == 1 ? " dia útil" : " dias úteis");
    case DurationUnit::calendar_hours:
      return n + (d.amount == 1 ? " hora corrida" : " horas corridas");
  }
  return n;
}

std::string target_code(Target t) {
  return t == Target::first_response ? "first_response" : "resolution";
}

std::optional<Target> parse_target(const std::string& code) {
  if (code == "first_response") return Target::first_response;
  if (code == "resolution") return Target::resolution;
  return std::nullopt;
}

std::string target_label_pt(Target t) {
  return t == Target::first_response ? "Primeira resposta" : "Solução";
}

const Policy* SlaConfiguration::policy(const std::string& code) const {
  for (const auto& p : policies) {
    if (p.code == code) return &p;
  }
  return nullptr;
}

SlaConfiguration default_configuration() {
  using U = DurationUnit;
  SlaConfiguration c;
  for (int impact = 1; impact <= 3; ++impact) {
    for (int urgency = 1; urgency <= 3; ++urgency) {
      c.priority_matrix[impact - 1][urgency - 1] = (impact - 1) * 3 + urgency;
    }
  }
  c.severities = {{1, 1, "Crítica", "critica"},
                  {2, 3, "Alta", "alta"},
                  {4, 6, "Média", "media"},
                  {7, 9, "Baixa", "baixa"}};
  c.policies = {
      {"critica", "Severidade crítica", span(U::business_hours, 1), span(U::business_hours, 6)},
      {"alta", "Severidade alta", span(U::business_hours, 2), span(U::business_hours, 16)},
      {"media", "Severidade média", span(U::business_hours, 4), span(U::business_days, 10)},
      {"baixa", "Severidade baixa", span(U::business_hours, 8), span(U::business_days, 20)},
      {"consulta-tecnica", "Consulta técnica", span(U::calendar_hours, 1),
       span(U::calendar_hours, 2)},
      {"defeito-com-parada", "Defeito com parada", span(U::calendar_hours, 1),
       span(U::calendar_hours, 4)},
      {"defeito-sem-parada", "Defeito sem parada", span(U::calendar_hours, 4),
       span(U::calendar_hours, 24)},
  };
  c.rules = {
      {std::nullopt, Category::technical_consultation, std::nullopt, "consulta-tecnica"},
      {std::nullopt, Category::defect_with_stoppage, std::nullopt, "defeito-com-parada"},
      {std::nullopt, Category::defect_without_stoppage, std::nullopt, "defeito-sem-parada"},
  };
  return c;
}

Selection select_policy(const SlaConfiguration& config, const std::string& service_code,
                        const std::string& service_policy, Category category, int impact,
                        int urgency) {
  Selection s;
  s.priority = config.priority_matrix[impact - 1][urgency - 1];
  const SeverityBand* band = nullptr;
  for (const auto& b : config.severities) {
    if (s.priority >= b.from_priority && s.priority <= b.to_priority) band = &b;
  }
  s.severity = band ? band->name : "";
  const std::string priority_text = "prioridade " + std::to_string(s.priority) + " (impacto " +
                                    std::to_string(impact) + " × urgência " +
                                    std::to_string(urgency) + ")";
  if (!service_policy.empty()) {
    if (const Policy* p = config.policy(service_policy)) {
      s.policy = p;
      s.reason = "Política definida no serviço " + service_code + ".";
      return s;
    }
  }
  for (std::size_t i = 0; i < config.rules.size(); ++i) {
    const auto& r = config.rules[i];
    if (r.service_code && *r.service_code != service_code) continue;
    if (r.category && *r.category != category) continue;
    if (r.severity && *r.severity != s.severity) continue;
    s.policy = config.policy(r.policy);
    std::string why;
    if (r.service_code) why += "serviço " + service_code;
    if (r.category) {
      why += std::string(why.empty() ? "" : ", ") + "categoria " +
             std::string(category_label_pt(category));
    }
    if (r.severity) why += std::string(why.empty() ? "" : ", ") + "severidade " + s.severity;
    if (why.empty()) why = "todos os chamados";
    s.reason = "Regra " + std::to_string(i + 1) + " da configuração: " + why + ".";
    return s;
  }
  if (band) s.policy = config.policy(band->policy);
  s.reason = "Severidade " + s.severity + " pela " + priority_text + ".";
  return s;
}

nlohmann::json to_json(const SlaConfiguration& config) {
  nlohmann::json j;
  j["priority_matrix"] = config.priority_matrix;
  j["warning_fraction"] = config.warning_fraction;
  j["severities"] = nlohmann::json::array();
  for (const auto& b : config.severities) {
    j["severities"].push_back(
        {{"from", b.from_priority}, {"to", b.to_priority}, {"name", b.name}, {"policy", b.policy}});
  }
  j["policies"] = nlohmann::json::array();
  for (const auto& p : config.policies) {
    j["policies"].push_back({{"code", p.code},
                             {"label", p.label},
                             {"first_response", duration_json(p.first_response)},
                             {"resolution", duration_json(p.resolution)},
                             {"first_response_text", duration_text_pt(p.first_response)},
                             {"resolution_text", duration_text_pt(p.resolution)},
                             {"pause_on_third_party", p.pause_on_third_party},
                             {"calendar", calendar_code(p.calendar)}});
  }
  j["rules"] = nlohmann::json::array();
  for (const auto& r : config.rules) {
    nlohmann::json rule{{"policy", r.policy}};
    if (r.service_code) rule["service_code"] = *r.service_code;
    if (r.category) rule["category"] = category_code(*r.category);
    if (r.severity) rule["severity"] = *r.severity;
    j["rules"].push_back(rule);
  }
  return j;
}

SlaConfiguration configuration_from_json(const nlohmann::json& j) {
  Checker check;
  SlaConfiguration c;
  if (!j.is_object()) {
    check.fail("configuration", "Deve ser um objeto JSON.");
    check.throw_if_failed();
  }
  for (const auto& [key, value] : j.items()) {
    static const std::set<std::string> known{"priority_matrix", "warning_fraction", "severities",
                                             "policies", "rules"};
    if (!known.contains(key)) check.fail(key, "Campo desconhecido.");
  }
  // Priority matrix: 3 × 3 of 1..9.
  if (auto* m = check.member(j, "", "priority_matrix")) {
    bool shaped = m->is_array() && m->size() == 3;
    for (std::size_t i = 0; shaped && i < 3; ++i)
      shaped = (*m)[i].is_array() && (*m)[i].size() == 3;
    if (!shaped) check.fail("priority_matrix", "Deve ser uma matriz 3 × 3 (impacto × urgência).");
    for (std::size_t i = 0; shaped && i < 3; ++i) {
      for (std::size_t k = 0; k < 3; ++k) {
        const auto& v = (*m)[i][k];
        if (!v.is_number_integer() || v.get<int>() < 1 || v.get<int>() > 9) {
          check.fail("priority_matrix[" + std::to_string(i) + "][" + std::to_string(k) + "]",
                     "A prioridade vai de 1 a 9.");
        } else {
          c.priority_matrix[i][k] = v.get<int>();
        }
      }
    }
  }
  if (j.contains("warning_fraction")) {
    const auto& f = j["warning_fraction"];
    if (!f.is_number() || f.get<double>() <= 0 || f.get<double>() >= 1) {
      check.fail("warning_fraction", "A fração do alerta deve estar entre 0 e 1 (ex.: 0.75).");
    } else {
      c.warning_fraction = f.get<double>();
    }
  }
  // Policies first: severities and rules refer to them.
  std::set<std::string> codes;
  if (auto* ps = check.member(j, "", "policies")) {
    if (!ps->is_array() || ps->empty()) check.fail("policies", "Informe ao menos uma política.");
    for (std::size_t i = 0; ps->is_array() && i < ps->size(); ++i) {
      const auto& pj = (*ps)[i];
      const std::string path = "policies[" + std::to_string(i) + "].";
      Policy p;
      auto code = check.text(pj, path, "code");
      if (code && !codes.insert(*code).second) check.fail(path + "code", "Código repetido.");
      p.code = code.value_or("");
      p.label = check.text(pj, path, "label", false).value_or(p.code);
      auto first = check.duration(pj, path, "first_response");
      auto resolution = check.duration(pj, path, "resolution");
      if (first) p.first_response = *first;
      if (resolution) p.resolution = *resolution;
      if (pj.contains("pause_on_third_party")) {
        if (!pj["pause_on_third_party"].is_boolean()) {
          check.fail(path + "pause_on_third_party", "Deve ser verdadeiro ou falso.");
        } else {
          p.pause_on_third_party = pj["pause_on_third_party"].get<bool>();
        }
      }
      if (auto cal = check.text(pj, path, "calendar", false)) {
        if (*cal == "organization") {
          p.calendar = CalendarChoice::organization;
        } else if (*cal != "desk") {
          check.fail(path + "calendar", "Calendário deve ser desk ou organization.");
        }
      }
      c.policies.push_back(std::move(p));
    }
  }
  auto check_policy_ref = [&](const nlohmann::json& item, const std::string& path) {
    auto code = check.text(item, path, "policy");
    if (code && !codes.contains(*code)) check.fail(path + "policy", "Política inexistente.");
    return code.value_or("");
  };
  std::set<std::string> severity_names;
  if (auto* ss = check.member(j, "", "severities")) {
    std::array<int, 10> covered{};
    if (!ss->is_array()) check.fail("severities", "Deve ser uma lista.");
    for (std::size_t i = 0; ss->is_array() && i < ss->size(); ++i) {
      const auto& sj = (*ss)[i];
      const std::string path = "severities[" + std::to_string(i) + "].";
      SeverityBand b;
      auto from = check.integer(sj, path, "from", 1, 9);
      auto to = check.integer(sj, path, "to", 1, 9);
      if (from && to && *from > *to) check.fail(path + "to", "Deve ser maior ou igual a from.");
      b.from_priority = static_cast<int>(from.value_or(1));
      b.to_priority = static_cast<int>(to.value_or(0));
      for (int p = b.from_priority; p <= b.to_priority; ++p) ++covered[p];
      b.name = check.text(sj, path, "name").value_or("");
      severity_names.insert(b.name);
      b.policy = check_policy_ref(sj, path);
      c.severities.push_back(std::move(b));
    }
    for (int p = 1; p <= 9 && ss->is_array(); ++p) {
      if (covered[p] != 1) {
        check.fail("severities", "Cada prioridade de 1 a 9 deve estar em exatamente uma faixa.");
        break;
      }
    }
  }
  if (j.contains("rules")) {
    const auto& rs = j["rules"];
    if (!rs.is_array()) check.fail("rules", "Deve ser uma lista.");
    for (std::size_t i = 0; rs.is_array() && i < rs.size(); ++i) {
      const auto& rj = rs[i];
      const std::string path = "rules[" + std::to_string(i) + "].";
      SelectionRule r;
      r.service_code = check.text(rj, path, "service_code", false);
      if (auto cat = check.text(rj, path, "category", false)) {
        r.category = parse_category(*cat);
        if (!r.category) check.fail(path + "category", "Categoria desconhecida.");
      }
      r.severity = check.text(rj, path, "severity", false);
      if (r.severity && !severity_names.contains(*r.severity)) {
        check.fail(path + "severity", "Severidade inexistente.");
      }
      r.policy = check_policy_ref(rj, path);
      c.rules.push_back(std::move(r));
    }
  }
  check.throw_if_failed();
  return c;
}

}  // namespace guiche::sla
