#include "api/sla_json.hpp"

#include <chrono>

#include "app/sla/sla_recompute.hpp"
#include "domain/time.hpp"

namespace guiche::api {
namespace {

nlohmann::json optional_instant(const std::optional<Instant>& t) {
  return t ? nlohmann::json(format_utc(*t)) : nlohmann::json(nullptr);
}

std::string date_text(sla::LocalDays d) {
  return format_date(Date{std::chrono::sys_days{d.time_since_epoch()}});
}

// "Feriado: Carnaval", "Ponto facultativo: Quarta-feira de Cinzas (até 14h)"
std::string closed_day_text(const sla::ClosedDay& d) {
  std::string text = (d.holiday ? "Feriado: " : "Ponto facultativo: ") + d.name;
  const auto from = d.closure.open_from, until = d.closure.open_until;
  auto hhmm = [](std::chrono::minutes m) {
    auto h = std::to_string(m.count() / 60), mm = std::to_string(m.count() % 60);
    return h + "h" + (m.count() % 60 ? (mm.size() == 1 ? "0" + mm : mm) : "");
  };
  if (from > std::chrono::minutes{0} && until >= std::chrono::hours{24}) {
    text += " (fechado até " + hhmm(from) + ")";
  } else if (from == std::chrono::minutes{0} && until > std::chrono::minutes{0} &&
             until < std::chrono::hours{24}) {
    text += " (fechado a partir de " + hhmm(until) + ")";
  }
  return text;
}

nlohmann::json target_json(const sla::TargetClock& c) {
  auto pauses = nlohmann::json::array();
  for (const auto& p : c.pauses) {
    pauses.push_back(
        {{"from", format_utc(p.from)}, {"until", optional_instant(p.until)}, {"reason", p.reason}});
  }
  auto running = nlohmann::json::array();
  for (const auto& s : c.running) {
    running.push_back({{"from", format_utc(s.from)}, {"until", format_utc(s.until)}});
  }
  auto counted = nlohmann::json::array();
  for (const auto& i : c.counted) {
    counted.push_back({{"day", date_text(i.day)},
                       {"from", format_utc(i.from)},
                       {"until", format_utc(i.until)},
                       {"business_day", i.business_day}});
  }
  auto closed = nlohmann::json::array();
  for (const auto& d : c.closed_days) {
    closed.push_back({{"day", date_text(d.day)},
                      {"name", d.name},
                      {"holiday", d.holiday},
                      {"text", closed_day_text(d)},
                      {"declared_by", d.declared_by}});
  }
  return {{"target", sla::target_code(c.target)},
          {"label", sla::target_label_pt(c.target)},
          {"unit", sla::unit_code(c.duration.unit)},
          {"amount", c.duration.amount},
          {"started_at", format_utc(c.started)},
          {"target_ms", c.budget.count()},
          {"elapsed_ms", c.elapsed.count()},
          {"remaining_ms", c.remaining.count()},
          {"deadline", format_utc(c.deadline)},
          {"state", sla::clock_state_code(c.state)},
          {"breached", c.breached},
          {"stopped_at", optional_instant(c.stopped_at)},
          {"warning_at", optional_instant(c.warning_at)},
          {"breach_at", optional_instant(c.breach_at)},
          {"pauses", pauses},
          {"running", running},
          {"counted", counted},
          {"closed_days", closed}};
}

}  // namespace

nlohmann::json sla_timeline_json(std::int64_t ticket_id, const sla::SlaTimeline& t) {
  auto targets = nlohmann::json::array();
  for (const auto& c : t.targets) targets.push_back(target_json(c));
  nlohmann::json j{{"ticket_id", ticket_id}, {"applies", t.applies}, {"targets", targets}};
  if (!t.applies) {
    j["not_applied"] = t.not_applied;
    return j;
  }
  j["policy"] = {{"code", t.policy}, {"label", t.policy_label}};
  j["severity"] = t.severity;
  j["priority"] = t.priority;
  j["reason"] = t.reason;
  j["calendar"] = t.calendar;
  j["warning_fraction"] = t.warning_fraction;
  return j;
}

nlohmann::json sla_summary_json(const std::vector<store::TicketSlaRow>& rows) {
  auto items = nlohmann::json::array();
  for (const auto& r : rows) {
    items.push_back({{"target", r.target},
                     {"policy", r.policy},
                     {"state", r.state},
                     {"deadline", format_utc(r.deadline)},
                     {"breached", r.breached}});
  }
  return items;
}

nlohmann::json sla_recompute_json(const std::optional<store::SlaRecomputeJob>& job) {
  if (!job) return {{"state", "none"}};
  nlohmann::json out = {
      {"state", job->finished_at ? "finished" : "running"},
      {"reason", job->reason},
      {"started_by", job->started_by ? nlohmann::json(*job->started_by) : nlohmann::json(nullptr)},
      {"started_at", format_utc(job->started_at)},
      {"finished_at", optional_instant(job->finished_at)},
      {"total", job->total},
      {"done", job->done},
      {"percent", app::SlaRecompute::percent(*job)},
      {"duration_seconds", nullptr}};
  if (job->finished_at) {
    out["duration_seconds"] =
        std::chrono::duration<double>(*job->finished_at - job->started_at).count();
  }
  return out;
}

}  // namespace guiche::api
