// Use case: register a request (portal, phone on behalf, e-mail, API).

#include "app/access_policy.hpp"
#include "app/desk.hpp"
#include "app/text_rules.hpp"
#include "app/webhooks/webhook_fanout.hpp"
#include "domain/audience.hpp"
#include "domain/error.hpp"
#include "domain/identity.hpp"
#include "domain/protocol_number.hpp"
#include "domain/ticket_projection.hpp"
#include "store/directory_rows.hpp"
#include "store/ticket_rows.hpp"
#include "support/random_hex.hpp"

namespace guiche::app {
namespace {

std::optional<Unit> first_unit_of_kind(const std::vector<Unit>& units, UnitKind kind) {
  for (const auto& u : units) {
    if (u.kind == kind) return u;
  }
  return std::nullopt;
}

// A unique placeholder until the protocol counter is taken at the end of the transaction.
std::string provisional_protocol() {
  return "pending-" + random_hex(12);
}

void check_scale(int value, const char* field, const char* label) {
  if (value < 1 || value > 3) {
    throw invalid_field(field, std::string(label) + " deve ser 1 (alta), 2 (média) ou 3 (baixa).");
  }
}

}  // namespace

Ticket Desk::register_request(const Actor& a, const RegisterRequest& r) {
  require_active(a);
  const bool on_behalf = r.requester_id != a.id();
  if (on_behalf && !a.person.has_role(Role::attendant)) {
    throw forbidden("Somente a central de serviços registra solicitações em nome de outra pessoa.");
  }
  const std::string subject = required_text(r.subject, "subject", "O assunto", 200);
  // Subjects go into e-mail subject lines ("[SA 2026-000123] ..."): one line only.
  if (subject.find_first_of("\r\n") != std::string::npos) {
    throw invalid_field("subject", "O assunto deve ter uma só linha.");
  }
  const std::string description = required_text(r.description, "description", "A descrição", 20000);
  check_scale(r.impact, "impact", "O impacto");
  check_scale(r.urgency, "urgency", "A urgência");

  if (r.idempotency_key && (r.idempotency_key->empty() || r.idempotency_key->size() > 200 ||
                            !is_clean_text(*r.idempotency_key))) {
    throw invalid_field("idempotency_key", "Idempotency-Key inválida (1 a 200 caracteres).");
  }
  const Instant now = clock_.now();
  const Date today = local_date(now);
  Ticket result;
  bool replayed = false;
  auto earlier_attempt = [&](store::Connection& c) {
    if (!r.idempotency_key) return false;
    auto row = c.query_one(
        "SELECT ticket_id FROM idempotency_keys WHERE person_id = ? AND idempotency_key = ?",
        {a.id(), *r.idempotency_key});
    if (!row) return false;
    result = store::load_ticket(c, row->integer(0)).value();
    return true;
  };
  try {
    write_tickets([&](store::Connection& c) {
      replayed = earlier_attempt(c);
      if (!replayed) result = register_in(c, a, r, subject, description, now, today);
    });
  } catch (const store::StoreError& e) {
    // Two attempts with one key raced (PostgreSQL): the loser returns the winner's ticket.
    if (e.kind() != store::StoreError::Kind::unique_violation || !r.idempotency_key) throw;
    db_.read([&](store::Connection& c) { replayed = earlier_attempt(c); });
    if (!replayed) throw;
  }
  return result;
}

Ticket Desk::register_in(store::Connection& c, const Actor& a, const RegisterRequest& r,
                         const std::string& subject, const std::string& description, Instant now,
                         Date today) {
  const bool on_behalf = r.requester_id != a.id();
  auto service = store::find_service_by_code(c, r.service_code);
  // Internal services exist only for the desk's own staff.
  if (!service || !service->active || (!service->is_public && !is_staff(a.person))) {
    throw invalid_field("service", "Serviço desconhecido: " + r.service_code + ".");
  }
  auto requester = store::load_person(c, r.requester_id);
  if (!requester || !requester->active) {
    throw invalid_field("requester", "Solicitante não encontrado.");
  }
  std::vector<FormField> form = service->form;
  if (r.form_may_be_incomplete) {
    for (auto& field : form) field.required = false;
  }
  nlohmann::json answers = validate_form_answers(form, r.form_answers);
  std::optional<Organization> organization;
  if (requester->organization_id) {
    organization = store::load_organization(c, *requester->organization_id);
  }
  Service judged = *service;
  if (r.audience) judged.audience = *r.audience;
  const AudienceDecision audience = check_audience(
      judged, *requester, organization, store::authorizations_of_person(c, requester->id), today);
  const auto units = store::load_units(c);
  // Admitted requests wait for triage at the central de serviços; the rest
  // go to client relations, which decides whether to serve them (seed 000).
  auto unit = audience.admitted ? first_unit_of_kind(units, UnitKind::service_center)
                                : first_unit_of_kind(units, UnitKind::client_relations);
  if (!unit && service->owning_unit_id) {
    for (const auto& u : units) {
      if (u.id == *service->owning_unit_id) unit = u;
    }
  }

  const Category category = r.category.value_or(service->default_category);
  TicketEvent created;
  created.kind = EventKind::created;
  created.actor_id = a.id();
  created.channel = a.channel;
  created.at = now;
  created.seq = 1;
  created.data = {
      {"protocol", provisional_protocol()},
      {"requester_id", requester->id},
      {"organization_id",
       requester->organization_id ? nlohmann::json(*requester->organization_id) : nullptr},
      {"service_id", service->id},
      {"category", category_code(category)},
      {"subject", subject},
      {"description", description},
      {"form_answers", answers},
      {"impact", r.impact},
      {"urgency", r.urgency},
      {"unit_id", unit ? nlohmann::json(unit->id) : nullptr},
      {"registered_by", on_behalf ? nlohmann::json(a.id()) : nullptr},
      {"audience_admitted", audience.admitted},
      {"audience_reason", audience.reason},
  };
  // The ETA the requester is told (issue 4 item 7): the resolution deadline as
  // the clock computes it now. Projects have none: their deadline is agreed
  // later ("a combinar").
  const auto timeline = sla_timeline(c, sla_config(c), {created}, now, false);
  if (timeline.applies) {
    created.data["estimated_deadline"] = to_millis(timeline.targets.back().deadline);
  }
  Ticket ticket = fold_events({created});
  ticket.id = store::insert_ticket(c, ticket);
  created.ticket_id = ticket.id;
  store::index_ticket_text(c, ticket.id, subject, description);
  // The year's counter row is locked from here to the commit (PostgreSQL),
  // so it is taken last: concurrent registrations queue only for this tail.
  const int year = static_cast<int>(today.year());
  ticket.protocol = format_protocol(year, store::next_protocol_sequence(c, year));
  created.data["protocol"] = ticket.protocol;
  store::set_ticket_protocol(c, ticket.id, ticket.protocol);
  store::insert_event(c, created);
  cache_sla(c, ticket.id, timeline, {created});
  enqueue_webhook_deliveries(c, ticket, {created}, now);
  notify(c, ticket, {created}, a, now);
  note_change(ticket, std::nullopt, true);
  if (r.idempotency_key) {
    c.query(
        "INSERT INTO idempotency_keys (person_id, idempotency_key, ticket_id, created_at) "
        "VALUES (?, ?, ?, ?)",
        {a.id(), *r.idempotency_key, ticket.id, to_millis(now)});
  }
  return ticket;
}

}  // namespace guiche::app
