#pragma once
// The maximum deadline a service promises on the Carta de Serviços (Lei
// 13.460 art. 7), derived from the SLA configuration so it is never typed
// twice: the resolution target of the policy its tickets get, or, when that
// policy depends on the priority, the severity table (seed 004: priority →
// severity → deadline). Projects have an agreed deadline, not an SLA one.
// Pure: no I/O.
#include <optional>
#include <string>
#include <vector>

#include "domain/category.hpp"
#include "sla/policy.hpp"

namespace guiche::sla {

struct CharterBand {
  std::string severity;  // "Crítica"
  int from_priority = 1;
  int to_priority = 9;
  std::string policy;  // the policy's code
  Duration resolution;
};

struct CharterDeadline {
  bool agreed = false;  // a project: the deadline is agreed with the requester
  // Every priority gets the same policy: its resolution target.
  std::optional<Duration> single;
  std::string policy;  // the code of that policy, when single
  // Otherwise one line per severity band a ticket of the service can reach.
  std::vector<CharterBand> bands;
};

// What select_policy gives a ticket of the service for each impact × urgency,
// with the service's default category.
CharterDeadline charter_deadline(const SlaConfiguration& config, const std::string& service_code,
                                 const std::string& service_policy, Category category);

// "6 horas úteis", "10 dias úteis", "24 horas corridas"; the band list as
// "Crítica (prioridade 1): 6 horas úteis; Alta (prioridades 2 a 3): ...";
// "A combinar com o solicitante" for projects.
std::string charter_deadline_text_pt(const CharterDeadline& d);

}  // namespace guiche::sla
