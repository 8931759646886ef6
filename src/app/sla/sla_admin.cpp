// See sla_admin.hpp.
#include "app/sla/sla_admin.hpp"
#include "observability/metrics.hpp"

#include "app/access_policy.hpp"
#include "app/sla/sla_recompute.hpp"
#include "domain/error.hpp"
#include "store/sla_rows.hpp"
#include "store/ticket_rows.hpp"

namespace guiche::app {

sla::SlaConfiguration SlaAdmin::sla_configuration(const Actor& a) {
  require_active(a);
  if (!is_staff(a.person)) throw forbidden("Somente a equipe consulta a configuração de ANS.");
  sla::SlaConfiguration config;
  ctx_.db.read([&](store::Connection& c) { config = clocks_.configuration(c); });
  return config;
}

sla::SlaConfiguration SlaAdmin::update_sla_configuration(const Actor& a,
                                                         const nlohmann::json& document) {
  require_active(a);
  if (!a.person.has_role(Role::admin)) {
    throw forbidden("Somente administradores alteram a configuração de ANS.");
  }
  // Validated before anything is written; what is stored is the normalized form.
  const sla::SlaConfiguration config = sla::configuration_from_json(document);
  const Instant now = ctx_.now();
  ctx_.db.write([&](store::Connection& c) {
    store::save_sla_configuration(c, sla::to_json(config).dump(), now, a.id());
    // The clocks follow in the background (app/sla/sla_recompute.hpp).
    start_sla_recompute(c, "configuração de ANS alterada", a, now);
  });
  return config;
}

namespace {

// /metrics: the SLA warnings and breaches this node recorded (each is also an
// event on its ticket), by target (response, resolution) and level.
void count_sla_warning(const std::string& target, const std::string& level) {
  static auto& family = observability::metrics().counter(
      "guiche_sla_warnings_total",
      "Avisos de prazo registrados: level=warning (perto de vencer) ou breach (vencido).",
      {"target", "level"});
  family.with({target, level}).inc();
}

}  // namespace

int SlaAdmin::record_sla_warnings() {
  const Instant now = ctx_.now();
  int recorded = 0;
  // In batches, so a long backlog (a node down for days) does not hold one
  // huge transaction; each ticket is decided under its own lock.
  for (;;) {
    std::vector<std::int64_t> due;
    ctx_.db.read([&](store::Connection& c) { due = store::tickets_with_sla_due(c, now, 100); });
    int this_round = 0;
    for (auto id : due) {
      int fired_now = 0;
      std::vector<std::pair<std::string, std::string>> fired_levels;  // (target, level)
      ledger_.write([&](LedgerWrite& w) {
        fired_now = 0;
        fired_levels.clear();
        auto ticket = w.lock(id);
        if (!ticket) return;
        auto& c = w.connection();
        const auto events = store::load_events(c, id);
        const auto timeline = clocks_.timeline(c, clocks_.configuration(c), events, now, false);
        const FiredWarnings fired = fired_warnings(events);
        std::vector<EventDraft> drafts;
        for (const auto& clock : timeline.targets) {
          const std::string target = sla::target_code(clock.target);
          for (auto [level, at] :
               {std::pair{"warning", clock.warning_at}, std::pair{"breach", clock.breach_at}}) {
            if (!at || *at > now || fired.contains({target, level})) continue;
            fired_levels.emplace_back(target, level);
            drafts.push_back({EventKind::sla_warning,
                              {{"target", target},
                               {"level", level},
                               {"policy", timeline.policy},
                               {"due_at", to_millis(*at)},
                               {"deadline", to_millis(clock.deadline)}},
                              false});
          }
        }
        const Actor system{Person{}, ticket->channel};
        fired_now = static_cast<int>(drafts.size());
        if (!drafts.empty()) w.record(*ticket, std::move(drafts), system);
        // The cache learns what was fired (or that nothing is due after all).
        w.refresh_clock(id);
      });
      recorded += fired_now;
      this_round += fired_now;
      for (const auto& [target, level] : fired_levels) count_sla_warning(target, level);
    }
    if (due.size() < 100 || this_round == 0) break;
  }
  return recorded;
}

}  // namespace guiche::app
