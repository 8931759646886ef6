// Reading manifestações: who sees what (the identity of a confidential one
// only by the ouvidoria and its author), the deadline standing the queue
// warns with, and the notices to the author.
#include <tuple>

#include "app/access_policy.hpp"
#include "app/manifestations/manifestations.hpp"
#include "app/notices/notices.hpp"
#include "domain/error.hpp"
#include "store/ticket_rows.hpp"

namespace guiche::app {
namespace {

void withhold_identity(Manifestation& m) {
  m.manifestant = {};
  m.identity_shown = false;
}

}  // namespace

std::pair<Date, bool> Manifestations::complement_due(const Manifestation& m,
                                                     const ManifestationSettings& s, Date today) {
  const Date asked = m.paused_on.value_or(today);
  const Date due{std::chrono::sys_days{asked} + std::chrono::days{s.complement_days}};
  return {due,
          m.status == ManifestationStatus::awaiting_complement && days_between(due, today) > 0};
}

bool is_ombudsman(const Person& p) {
  return p.active && p.has_role(Role::ombudsman);
}

void Manifestations::recompute_due(Manifestation& m, const ManifestationSettings& s) {
  const auto calendar = ctx_.calendars.find(s.calendar);
  const auto closed = [&](Date d) {
    const std::chrono::local_days day{std::chrono::sys_days{d}.time_since_epoch()};
    // Closed: a weekend, a holiday or a closure that leaves no working hours.
    return calendar && calendar->supports(day) && calendar->working_hours_on(day).empty();
  };
  const auto due =
      manifestation_due_on(m.registered_on, m.answer_days, m.extension_days, m.paused_days, closed);
  // A new due date is warned of afresh.
  if (due != m.due_on) m.warned.clear();
  m.due_on = due;
}

ManifestationView Manifestations::view_of(store::Connection& c, Manifestation m, bool ouvidoria,
                                          bool author, const ManifestationSettings& s) {
  ManifestationView v;
  const Date today = ctx_.local_date(ctx_.now());
  if (m.status == ManifestationStatus::awaiting_complement) {
    std::tie(v.complement_due_on, v.complement_window_over) = complement_due(m, s, today);
  }
  v.standing = due_standing(today, m.due_on, s.warning_days);
  v.events = store::manifestation_events(c, m.id);
  if (author) {
    std::erase_if(v.events, [](const ManifestationEvent& e) { return !e.visible_to_author; });
  } else {
    v.tickets = store::manifestation_tickets(c, m.id);
  }
  // The author sees no one's name but the ouvidoria's role; staff who are
  // not the ouvidoria see no identity of a confidential manifestação.
  for (auto& e : v.events) {
    if (!ouvidoria) {
      e.actor_id.reset();
      e.actor_name = e.kind == "registered" || e.kind == "complemented" ? "" : "Ouvidoria";
    }
  }
  if (!ouvidoria && !author && m.identification == Identification::confidential) {
    withhold_identity(m);
  }
  v.may_work = ouvidoria;
  v.manifestation = std::move(m);
  return v;
}

std::vector<ManifestationView> Manifestations::queue(
    const Actor& a, int limit, const std::optional<store::QueueCursor>& after) {
  require_active(a);
  if (!is_ombudsman(a.person)) throw forbidden("A fila de manifestações é da ouvidoria.");
  std::vector<ManifestationView> out;
  ctx_.db.read([&](store::Connection& c) {
    const auto s = store::load_manifestation_settings(c);
    for (auto& m : store::running_manifestations(c, limit, after)) {
      out.push_back(view_of(c, std::move(m), true, false, s));
    }
  });
  return out;
}

std::vector<ManifestationView> Manifestations::recent(const Actor& a, int limit,
                                                      std::optional<std::int64_t> before) {
  require_active(a);
  if (!is_ombudsman(a.person)) throw forbidden("As manifestações são da ouvidoria.");
  std::vector<ManifestationView> out;
  ctx_.db.read([&](store::Connection& c) {
    const auto s = store::load_manifestation_settings(c);
    for (auto& m : store::recent_manifestations(c, limit, before)) {
      out.push_back(view_of(c, std::move(m), true, false, s));
    }
  });
  return out;
}

ManifestationView Manifestations::read(const Actor& a, std::int64_t id) {
  require_active(a);
  std::optional<ManifestationView> view;
  ctx_.db.read([&](store::Connection& c) {
    auto m = store::load_manifestation(c, id);
    if (!m) throw not_found("Manifestação não encontrada.");
    const bool ouvidoria = is_ombudsman(a.person);
    if (!ouvidoria) {
      // Staff read it through a ticket they see; to anyone else it does not exist.
      bool through_ticket = false;
      for (const auto& t : store::manifestation_tickets(c, id)) {
        through_ticket = through_ticket || ctx_.visible_ticket(c, a, t.ticket_id).has_value();
      }
      if (!through_ticket || !is_staff(a.person)) throw not_found("Manifestação não encontrada.");
    }
    const auto s = store::load_manifestation_settings(c);
    view = view_of(c, std::move(*m), ouvidoria, false, s);
  });
  return *view;
}

std::vector<ManifestationView> Manifestations::of_ticket(const Actor& a, std::int64_t ticket_id) {
  require_active(a);
  std::vector<ManifestationView> out;
  ctx_.db.read([&](store::Connection& c) {
    // Most tickets have none: one indexed read, and an empty list tells nothing.
    const auto ids = store::ticket_manifestations(c, ticket_id);
    if (ids.empty()) return;
    if (!ctx_.visible_ticket(c, a, ticket_id)) throw not_found("Chamado não encontrado.");
    if (!is_staff(a.person) && !is_ombudsman(a.person)) return;
    const auto s = store::load_manifestation_settings(c);
    for (const auto id : ids) {
      if (auto m = store::load_manifestation(c, id)) {
        out.push_back(view_of(c, std::move(*m), is_ombudsman(a.person), false, s));
      }
    }
  });
  return out;
}

std::string Manifestations::tracking_url() const {
  return ctx_.config.public_url + "/manifestacoes/acompanhar";
}

void Manifestations::notify(store::Connection& c, const Manifestation& m, const std::string& key,
                            nlohmann::json values) {
  if (m.answer_channel != AnswerChannel::email || m.manifestant.email.empty()) return;
  Person to;
  to.name = m.manifestant.name;
  to.emails = {m.manifestant.email};
  to.notice_preference = NoticePreference::email;
  values["manifestation_protocol"] = m.protocol;
  values["kind"] = std::string(manifestation_kind_label_pt(m.kind));
  values["tracking_url"] = tracking_url();
  notices_.enqueue(c, key, to, std::nullopt, values, ctx_.now(), Channel::email);
}

}  // namespace guiche::app
