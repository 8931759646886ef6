// The ouvidoria's deadline warnings (Manifestations::warn_deadlines): like
// the SLA warnings a unit gets, each open manifestação warns once when it
// enters its last days and once when it is overdue; a new due date (an
// extension, a complement) starts over. A manifestação waiting for its
// author's complement owes the ouvidoria nothing, so it is not warned.
#include "app/manifestations/manifestations.hpp"
#include "app/notices/notices.hpp"
#include "store/person_rows.hpp"

namespace guiche::app {

int Manifestations::warn_deadlines() {
  const Instant now = ctx_.now();
  const Date today = ctx_.local_date(now);
  auto due_now = [&](store::Connection& c) {
    const auto s = store::load_manifestation_settings(c);
    const Date horizon{std::chrono::sys_days{today} + std::chrono::days{s.warning_days}};
    return std::pair(
        s, store::manifestations_to_warn(c, format_date(today), format_date(horizon), 200));
  };
  // Every minute, on every node: nothing to warn of is only a read.
  bool any = false;
  ctx_.db.read([&](store::Connection& c) { any = !due_now(c).second.empty(); });
  if (!any) return 0;
  int warned = 0;
  ctx_.db.write([&](store::Connection& c) {
    auto [s, due] = due_now(c);
    std::vector<Person> ouvidoria;
    for (const auto id : store::ouvidoria_people(c)) {
      if (auto p = store::load_person(c, id)) ouvidoria.push_back(std::move(*p));
    }
    for (auto& m : due) {
      const auto standing = due_standing(today, m.due_on, s.warning_days);
      if (standing == DueStanding::on_time) continue;
      const std::string stage(due_standing_code(standing));
      if (m.warned == stage) continue;
      m.warned = stage;
      store::update_manifestation(c, m);
      const bool overdue = standing == DueStanding::overdue;
      for (const auto& p : ouvidoria) {
        notices_.enqueue(
            c, "manifestation_deadline", p, std::nullopt,
            {{"manifestation_protocol", m.protocol},
             {"standing", overdue ? "prazo vencido" : "prazo perto do fim"},
             {"overdue", overdue},
             {"kind", std::string(manifestation_kind_label_pt(m.kind))},
             {"subject", m.subject},
             {"due", format_date_br(m.due_on)},
             {"manifestation_url",
              ctx_.config.public_url + "/ouvidoria/manifestacoes/" + std::to_string(m.id)}},
            now);
      }
      ++warned;
    }
  });
  return warned;
}

}  // namespace guiche::app
