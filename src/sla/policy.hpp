#pragma once
// SLA policies (docs/domain.md, "SLA clocks"): the targets a ticket
// is held to and how a policy is chosen for it. Everything here is
// configuration an admin may edit; default_configuration() holds the values
// the contract model ships with. Pure: no I/O.
#include <array>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/category.hpp"
#include "sla/durations.hpp"

namespace guiche::sla {

enum class Target { first_response, resolution };
std::string target_code(Target t);  // "first_response", "resolution"
std::optional<Target> parse_target(const std::string& code);
std::string target_label_pt(Target t);

// Which calendar a policy's clock runs on.
enum class CalendarChoice {
  desk,          // the desk's calendar (DeskConfig::calendar)
  organization,  // the requester organization's calendar (the desk's if none)
};

// "6 horas úteis", "1 dia útil", "24 horas corridas".
std::string duration_text_pt(const Duration& d);

struct Policy {
  std::string code;   // "critica", "consulta-tecnica", ...
  std::string label;  // pt-BR, shown in the timeline
  Duration first_response;
  Duration resolution;
  bool pause_on_third_party = false;  // "aguardando terceiro" stops the clock too
  CalendarChoice calendar = CalendarChoice::desk;
};

// Priorities from..to (inclusive) have this severity and, unless a rule says
// otherwise, this policy.
struct SeverityBand {
  int from_priority = 1;
  int to_priority = 9;
  std::string name;  // pt-BR: "Crítica", "Alta", ...
  std::string policy;
};

// A rule matches when every condition it sets holds; the first match wins.
struct SelectionRule {
  std::optional<std::string> service_code;
  std::optional<Category> category;
  std::optional<std::string> severity;
  std::string policy;
};

struct SlaConfiguration {
  // priority_matrix[impact - 1][urgency - 1], each 1..9.
  std::array<std::array<int, 3>, 3> priority_matrix{};
  std::vector<SeverityBand> severities;  // cover 1..9 exactly once
  std::vector<Policy> policies;
  std::vector<SelectionRule> rules;
  // Fraction of a target's time at which the warning fires (0 < f < 1).
  double warning_fraction = 0.75;

  const Policy* policy(const std::string& code) const;
};

// The defaults (docs/domain.md, "SLA clocks"): priority = (impact − 1) × 3 +
// urgency, the same as the domain's priority_from; severities 1 Crítica, 2–3
// Alta, 4–6 Média, 7–9 Baixa with resolution in 6 and 16 business hours, 10 and 20 business
// days; the federal categories (Portaria SGD/MGI 1.070/2023 model) in
// calendar hours: technical consultation 2 h, defect with stoppage 4 h,
// defect without stoppage 24 h.
//
// First-response targets are ours, as no norm fixes them: a quarter
// or less of the resolution time, rounded to whole units the contracts use —
// Crítica 1 business hour, Alta 2, Média 4, Baixa 8 (one working day); the
// federal categories 1 calendar hour (consultation, defect with stoppage) and
// 4 calendar hours (defect without stoppage).
SlaConfiguration default_configuration();

// The policy a ticket gets and why (pt-BR), in this order: the service's own
// policy (Service::sla_policy) if it names a configured one, then the first
// matching rule, then the severity's policy.
struct Selection {
  const Policy* policy = nullptr;  // never null for a valid configuration
  int priority = 9;
  std::string severity;
  std::string reason;
};
Selection select_policy(const SlaConfiguration& config, const std::string& service_code,
                        const std::string& service_policy, Category category, int impact,
                        int urgency);

// JSON form used by the API and the store. from_json validates everything and
// throws DomainError(validation) naming each offending field (e.g.
// "policies[2].resolution.amount").
nlohmann::json to_json(const SlaConfiguration& config);
SlaConfiguration configuration_from_json(const nlohmann::json& j);

}  // namespace guiche::sla
