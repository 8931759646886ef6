#include "app/incidents/status_notices.hpp"

#include <algorithm>

#include "app/incidents/notice_delivery.hpp"
#include "app/incidents/notice_messages.hpp"
#include "app/incidents/notice_standing.hpp"
#include "app/text_rules.hpp"
#include "domain/error.hpp"
#include "store/notice_event_rows.hpp"
#include "store/notice_ticket_rows.hpp"
#include "store/organization_rows.hpp"
#include "store/person_rows.hpp"
#include "store/status_component_rows.hpp"
#include "store/status_notice_rows.hpp"

namespace guiche::app {
namespace {

constexpr std::size_t kLongText = 4000;

std::vector<StatusComponent> components_of(store::Connection& c,
                                           const std::vector<std::int64_t>& ids,
                                           bool must_be_active) {
  std::vector<StatusComponent> out;
  for (auto id : ids) {
    auto component = store::load_status_component(c, id);
    if (!component || (must_be_active && !component->active)) {
      throw invalid_field("component_ids", "Componente desconhecido: " + std::to_string(id) + ".");
    }
    out.push_back(std::move(*component));
  }
  if (out.empty()) throw invalid_field("component_ids", "Informe o componente afetado.");
  return out;
}

std::vector<std::int64_t> unique_ids(std::vector<std::int64_t> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

std::optional<Organization> organization_of(store::Connection& c, const Person& p) {
  if (!p.organization_id) return std::nullopt;
  return store::load_organization(c, *p.organization_id);
}

std::string organization_label(store::Connection& c, std::optional<std::int64_t> id) {
  if (!id) return "";
  auto o = store::load_organization(c, *id);
  if (!o) return "";
  return o->acronym.empty() ? o->name : o->acronym;
}

void require_decided(const NoticeDecision& d) {
  if (d.outcome == NoticeDecision::Outcome::forbidden) throw forbidden(d.reason);
  if (d.outcome == NoticeDecision::Outcome::conflict) throw conflict(d.reason);
}

std::string optional_text(const std::string& value, const char* field, const char* label,
                          std::size_t max) {
  if (value.size() > max) {
    throw invalid_field(
        field, std::string(label) + " tem no máximo " + std::to_string(max) + " caracteres.");
  }
  return value;
}

void check_window(std::optional<Instant> starts, std::optional<Instant> ends) {
  if (!starts) throw invalid_field("starts_at", "Informe quando a manutenção começa.");
  if (!ends) throw invalid_field("ends_at", "Informe quando a manutenção termina.");
  if (*ends <= *starts) throw invalid_field("ends_at", "O término deve ser depois do início.");
}

// The step's event, its message (a draft unless ASCOM or leadership wrote
// it), its publication and delivery, and the notice row, in one transaction.
struct StepRecord {
  NoticeAction action;
  NoticeStanding standing;
  nlohmann::json data = nlohmann::json::object();
  MessageFacts facts;
};

NoticeEvent record_step(store::Connection& c, const DeskConfig& config, Notices& notices,
                        StatusNotice& n, const std::vector<StatusComponent>& components,
                        const Actor& a, std::optional<std::int64_t> actor_id,
                        const StepRecord& step, Instant now) {
  NoticeEvent e;
  e.notice_id = n.id;
  e.action = step.action;
  e.state_after = n.state;
  e.at = now;
  e.actor_id = actor_id;
  e.channel = a.channel;
  e.data = step.data;
  std::vector<NoticeEvent> published;
  if (auto key = notice_message_key(step.action)) {
    e.message = render_notice_message(c, config, std::string(*key), n, step.facts);
    if (step.action == NoticeAction::acknowledge) {
      send_receipt(c, notices, n, *e.message, now);  // to the reporter alone, never public
    } else if (step.standing.communications || step.standing.leadership) {
      e.published_at = now;
      e.published_by = actor_id;
    }
  }
  e.id = store::insert_notice_event(c, e);
  if (e.published_at) published.push_back(e);
  if (step.action == NoticeAction::publish) {
    published = store::publish_notice_drafts(c, n.id, now, actor_id);
    if (published.empty()) throw conflict("Não há mensagem a publicar neste comunicado.");
  }
  if (!published.empty()) {
    n.public_state = published.back().state_after;
    if (!n.first_published_at) n.first_published_at = now;
    deliver_published(c, notices, n, components, published, now);
  }
  n.updated_at = now;
  store::update_notice(c, n);
  return e;
}

// Thrown to roll a previewed step back once its message is rendered.
struct PreviewDone {
  std::optional<NoticeMessage> message;
};

}  // namespace

NoticeView StatusNotices::report_incident(const Actor& a, const ReportIncident& r) {
  require_active(a);
  StatusNotice n;
  n.kind = NoticeKind::incident;
  n.component_ids = unique_ids(r.component_ids);
  n.title = optional_text(r.title, "title", "O título", 200);
  n.impact = optional_text(r.impact, "impact", "O impacto", 500);
  n.organization_id = r.organization_id;
  if (!n.organization_id && a.person.has_role(Role::org_manager) && !is_desk_staff(a.person)) {
    n.organization_id = a.person.organization_id;
  }
  n.reporter_kind = is_desk_staff(a.person) ? ReporterKind::staff : ReporterKind::client;
  return create(a, n, NoticeAction::report,
                optional_text(r.description, "description", "A descrição", kLongText));
}

NoticeView StatusNotices::schedule_maintenance(const Actor& a, const ScheduleMaintenance& s) {
  require_active(a);
  StatusNotice n;
  n.kind = NoticeKind::maintenance;
  n.component_ids = unique_ids(s.component_ids);
  n.title = optional_text(s.title, "title", "O título", 200);
  n.impact = optional_text(s.impact, "impact", "O impacto", 500);
  n.reporter_kind = ReporterKind::staff;
  check_window(s.starts_at, s.ends_at);
  n.starts_at = s.starts_at;
  n.ends_at = s.ends_at;
  return create(a, n, NoticeAction::schedule, "");
}

NoticeView StatusNotices::create(const Actor& a, StatusNotice n, NoticeAction action,
                                 const std::string& text) {
  const Instant now = ctx_.now();
  std::int64_t id = 0;
  ctx_.db.write([&](store::Connection& c) {
    const auto components = components_of(c, n.component_ids, true);
    const auto standing =
        notice_standing(a.person, components, *ctx_.unit_tree(c), organization_of(c, a.person));
    id = create_in(c, a, n, action, text, standing, now);
  });
  return notice(a, id);
}

std::int64_t StatusNotices::create_in(store::Connection& c, const Actor& a, StatusNotice n,
                                      NoticeAction action, const std::string& text,
                                      const NoticeStanding& standing, Instant now) {
  const auto components = components_of(c, n.component_ids, true);
  require_decided(decide_notice_action(n.kind, NoticeState::reported, action, standing));
  if (n.organization_id && !store::load_organization(c, *n.organization_id)) {
    throw invalid_field("organization_id", "Órgão desconhecido.");
  }
  if (n.title.empty()) {
    n.title =
        (n.kind == NoticeKind::incident ? "Possível incidente: " : "Manutenção programada: ") +
        joined_names(component_names(components));
  }
  n.state = n.kind == NoticeKind::incident ? NoticeState::reported : NoticeState::scheduled;
  if (!standing.monitoring) n.reported_by = a.id();  // monitoring is told no receipt
  n.created_at = now;
  n.updated_at = now;
  n.id = store::insert_notice(c, n);
  StepRecord step{action, standing, {}, {}};
  if (!text.empty()) step.data["text"] = text;
  step.facts.component_names = component_names(components);
  step.facts.now = now;
  record_step(c, ctx_.config, notices_, n, components, a, a.id(), step, now);
  return n.id;
}

NoticeView StatusNotices::act(const Actor& a, std::int64_t notice_id, const NoticeStep& s) {
  require_active(a);
  const Instant now = ctx_.now();
  ctx_.db.write([&](store::Connection& c) { act_in(c, a, notice_id, s, now); });
  return notice(a, notice_id);
}

std::optional<NoticeMessage> StatusNotices::preview(const Actor& a, std::int64_t notice_id,
                                                    const NoticeStep& s) {
  require_active(a);
  const Instant now = ctx_.now();
  try {
    ctx_.db.write(
        [&](store::Connection& c) { throw PreviewDone{act_in(c, a, notice_id, s, now).message}; });
  } catch (const PreviewDone& done) {
    return done.message;
  }
  return std::nullopt;
}

NoticeEvent StatusNotices::act_in(store::Connection& c, const Actor& a, std::int64_t notice_id,
                                  const NoticeStep& s, Instant now) {
  auto n = store::load_notice(c, notice_id, true);
  if (!n || (!is_desk_staff(a.person) && n->reported_by != a.id())) {
    throw not_found("Comunicado não encontrado.");
  }
  const auto components = components_of(c, n->component_ids, false);
  const auto standing =
      notice_standing(a.person, components, *ctx_.unit_tree(c), organization_of(c, a.person));
  if (is_ticket_bookkeeping(s.action)) {  // app/incidents/notice_tickets.hpp
    throw invalid_field("action", "Ação desconhecida para um comunicado.");
  }
  const auto decision = decide_notice_action(n->kind, n->state, s.action, standing);
  require_decided(decision);
  StepRecord step{s.action, standing, {}, {}};
  if (!s.impact.empty()) {
    n->impact = optional_text(s.impact, "impact", "O impacto", 500);
    step.data["impact"] = n->impact;
  }
  switch (s.action) {
    case NoticeAction::confirm_organization: {
      const auto org = s.organization_id ? s.organization_id : n->organization_id;
      if (!org || !store::load_organization(c, *org)) {
        throw invalid_field("organization_id", "Informe o órgão afetado.");
      }
      n->organization_id = org;
      step.data["organization_id"] = *org;
      break;
    }
    case NoticeAction::confirm_general:
      n->organization_id.reset();  // everyone is affected now
      break;
    case NoticeAction::update:
      step.facts.text = required_text(s.text, "text", "O texto da atualização", kLongText);
      step.data["text"] = step.facts.text;
      break;
    case NoticeAction::leadership_confirm:
    case NoticeAction::leadership_restore:
      step.facts.signature =
          a.person.name + ", " + required_text(s.position, "position", "O cargo", 200);
      step.data["signature"] = step.facts.signature;
      break;
    case NoticeAction::reschedule:
      check_window(s.starts_at, s.ends_at);
      n->starts_at = s.starts_at;
      n->ends_at = s.ends_at;
      step.data["starts_at"] = to_millis(*s.starts_at);
      step.data["ends_at"] = to_millis(*s.ends_at);
      break;
    default:
      break;
  }
  n->state = decision.next;
  step.facts.component_names = component_names(components);
  step.facts.organization_name = organization_label(c, n->organization_id);
  step.facts.now = now;
  return record_step(c, ctx_.config, notices_, *n, components, a, a.id(), step, now);
}

NoticeView StatusNotices::notice(const Actor& a, std::int64_t notice_id) {
  require_active(a);
  std::optional<NoticeView> v;
  ctx_.db.read([&](store::Connection& c) {
    auto n = store::load_notice(c, notice_id);
    if (n && (is_desk_staff(a.person) || n->reported_by == a.id())) v = view_in(c, a, *n);
  });
  if (!v) throw not_found("Comunicado não encontrado.");
  return *v;
}

NoticeView StatusNotices::view_in(store::Connection& c, const Actor& a, const StatusNotice& n) {
  NoticeView v;
  v.notice = n;
  v.components = components_of(c, n.component_ids, false);
  v.events = store::load_notice_events(c, n.id);
  v.ticket_ids = store::notice_ticket_ids(c, n.id);
  v.organization_name = organization_label(c, n.organization_id);
  auto name_of = [&](std::optional<std::int64_t> id) {
    if (!id || v.people.contains(*id)) return;
    if (auto p = store::load_person(c, *id)) v.people[*id] = p->name;
  };
  name_of(n.reported_by);
  for (const auto& e : v.events) {
    name_of(e.actor_id);
    name_of(e.published_by);
    v.has_drafts =
        v.has_drafts || (e.message && !e.published_at && e.action != NoticeAction::acknowledge);
  }
  const auto standing =
      notice_standing(a.person, v.components, *ctx_.unit_tree(c), organization_of(c, a.person));
  for (int i = 0; i <= static_cast<int>(NoticeAction::publish); ++i) {
    const auto action = static_cast<NoticeAction>(i);
    if (action == NoticeAction::report || action == NoticeAction::schedule) continue;
    if (action == NoticeAction::publish && !v.has_drafts) continue;
    const auto d = decide_notice_action(n.kind, n.state, action, standing);
    if (d.outcome == NoticeDecision::Outcome::allowed) v.actions.push_back(action);
  }
  v.tickets = linked_tickets(c, ctx_, a.person, n.id);
  return v;
}

std::vector<Organization> StatusNotices::scope_organizations(const Actor& a) {
  require_active(a);
  if (!is_desk_staff(a.person)) throw forbidden("Somente a equipe escolhe o órgão afetado.");
  std::vector<Organization> out;
  ctx_.db.read([&](store::Connection& c) {
    for (auto& o : store::load_organizations(c)) {
      if (o.is_client) out.push_back(std::move(o));
    }
  });
  return out;
}

std::vector<NoticeView> StatusNotices::board(const Actor& a) {
  require_active(a);
  if (!is_desk_staff(a.person)) throw forbidden("Somente a equipe vê o quadro de comunicados.");
  std::vector<NoticeView> out;
  ctx_.db.read([&](store::Connection& c) {
    for (const auto& n : store::open_notices(c, 200)) out.push_back(view_in(c, a, n));
  });
  return out;
}

}  // namespace guiche::app
