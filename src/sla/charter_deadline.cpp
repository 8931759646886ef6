#include "sla/charter_deadline.hpp"

#include <set>

namespace guiche::sla {

CharterDeadline charter_deadline(const SlaConfiguration& config, const std::string& service_code,
                                 const std::string& service_policy, Category category) {
  CharterDeadline out;
  if (category == Category::project) {
    out.agreed = true;
    return out;
  }
  // The policy of each priority the matrix can give.
  std::vector<const Policy*> by_priority(10, nullptr);
  std::set<std::string> chosen;
  for (int impact = 1; impact <= 3; ++impact) {
    for (int urgency = 1; urgency <= 3; ++urgency) {
      const auto s = select_policy(config, service_code, service_policy, category, impact, urgency);
      if (!s.policy) continue;
      if (s.priority >= 1 && s.priority <= 9) by_priority[s.priority] = s.policy;
      chosen.insert(s.policy->code);
    }
  }
  if (chosen.size() == 1) {
    const auto* p = config.policy(*chosen.begin());
    out.single = p->resolution;
    out.policy = p->code;
    return out;
  }
  for (const auto& band : config.severities) {
    const Policy* p = nullptr;
    for (int priority = band.from_priority; priority <= band.to_priority && !p; ++priority) {
      p = by_priority[priority];
    }
    if (p)
      out.bands.push_back(
          {band.name, band.from_priority, band.to_priority, p->code, p->resolution});
  }
  return out;
}

std::string charter_deadline_text_pt(const CharterDeadline& d) {
  if (d.agreed) return "A combinar com o solicitante";
  if (d.single) return duration_text_pt(*d.single);
  std::string out;
  for (const auto& b : d.bands) {
    if (!out.empty()) out += "; ";
    out += b.severity + " (";
    out += b.from_priority == b.to_priority ? "prioridade " + std::to_string(b.from_priority)
                                            : "prioridades " + std::to_string(b.from_priority) +
                                                  " a " + std::to_string(b.to_priority);
    out += "): " + duration_text_pt(b.resolution);
  }
  return out;
}

}  // namespace guiche::sla
