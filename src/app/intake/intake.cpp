// See intake.hpp.

#include "app/intake/intake.hpp"
#include "app/access_policy.hpp"
#include "app/directory/service_lookup.hpp"
#include "app/notices/notices.hpp"
#include "app/text_rules.hpp"
#include "domain/audience.hpp"
#include "domain/error.hpp"
#include "domain/identity.hpp"
#include "domain/protocol_number.hpp"
#include "domain/ticket_projection.hpp"
#include "store/authorization_rows.hpp"
#include "store/idempotency_rows.hpp"
#include "store/organization_rows.hpp"
#include "store/person_rows.hpp"
#include "store/service_rows.hpp"
#include "store/ticket_rows.hpp"
#include "store/unit_rows.hpp"
#include "store/webhook_rows.hpp"
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

// The channel a request is registered by: the caller's own, or (the central
// de serviços only) the one it arrived by.
Actor registering_actor(const Actor& a, std::optional<Channel> channel) {
  if (!channel || *channel == a.channel) return a;
  if (!a.person.has_role(Role::attendant)) {
    throw forbidden("Somente a central de serviços registra por outro canal.");
  }
  Actor as = a;
  as.channel = *channel;
  return as;
}

int strictness(Audience a) {
  switch (a) {
    case Audience::anyone:
      return 0;
    case Audience::public_servants:
      return 1;
    case Audience::authorized_requesters:
      break;
  }
  return 2;
}

void check_scale(int value, const char* field, const char* label) {
  if (value < 1 || value > 3) {
    throw invalid_field(field, std::string(label) + " deve ser 1 (alta), 2 (média) ou 3 (baixa).");
  }
}

// Runs `check`, adding the validation errors it throws to `errors`.
template <typename Check>
void collect_intake_errors(std::vector<FieldError>& errors, Check check) {
  try {
    check();
  } catch (const DomainError& e) {
    if (e.kind() != DomainError::Kind::validation) throw;
    if (e.fields().empty()) errors.push_back({"", e.what()});
    for (const auto& f : e.fields()) errors.push_back(f);
  }
}

}  // namespace

Ticket Intake::register_request(const Actor& caller, const RegisterRequest& request) {
  require_active(caller);
  const Actor a = registering_actor(caller, request.channel);
  RegisterRequest r = request;
  const bool on_behalf = r.requester_id != a.id();
  if (on_behalf && !a.person.has_role(Role::attendant)) {
    throw forbidden("Somente a central de serviços registra solicitações em nome de outra pessoa.");
  }
  // Every field's error in one answer, in the form's order: an empty form
  // is corrected in one go, not one field per submit.
  std::vector<FieldError> errors;
  collect_intake_errors(errors, [&] {
    // Kept whole (pages shorten it where room is short); the bound only stops
    // a hostile client (about 1,000 characters of any script).
    r.subject = required_text(r.subject, "subject", "O assunto", kMaxSubjectBytes);
    // Subjects go into e-mail subject lines ("[SA 2026-000123] ..."): one line only.
    if (r.subject.find_first_of("\r\n") != std::string::npos) {
      throw invalid_field("subject", "O assunto deve ter uma só linha.");
    }
  });
  collect_intake_errors(errors, [&] {
    r.description = required_text(r.description, "description", "A descrição", 20000);
  });
  collect_intake_errors(errors, [&] { check_scale(r.impact, "impact", "O impacto"); });
  collect_intake_errors(errors, [&] { check_scale(r.urgency, "urgency", "A urgência"); });
  if (!errors.empty()) {
    // The service's own fields too, when the service is known (else the
    // service's error comes once these are corrected).
    ctx_.db.read([&](store::Connection& c) {
      const auto service = find_service_by_typed_code(c, r.service_code);
      if (!service || !service->active || r.form_may_be_incomplete) return;
      if (!service->is_public && !is_staff(a.person)) return;
      collect_intake_errors(errors, [&] { validate_form_answers(service->form, r.form_answers); });
    });
    if (errors.size() == 1) throw invalid_field(errors[0].field, errors[0].message);
    throw invalid("A solicitação tem campos a corrigir.", std::move(errors));
  }

  if (r.idempotency_key && (r.idempotency_key->empty() || r.idempotency_key->size() > 200 ||
                            !is_clean_text(*r.idempotency_key))) {
    throw invalid_field("idempotency_key", "Idempotency-Key inválida (1 a 200 caracteres).");
  }
  Ticket result;
  bool replayed = false;
  auto earlier_attempt = [&](store::Connection& c) {
    if (!r.idempotency_key) return false;
    auto earlier = store::ticket_of_idempotency_key(c, a.id(), *r.idempotency_key);
    if (!earlier) return false;
    result = store::load_ticket(c, *earlier).value();
    return true;
  };
  // Decided on a snapshot, in parallel with other requests: only the writing
  // waits for the writer (SQLite) or shares the node's write group
  // (PostgreSQL). A change made in between (a service deactivated a moment
  // before) is as if this request had arrived a moment earlier.
  std::optional<RegistrationDraft> draft;
  ctx_.db.read([&](store::Connection& c) {
    replayed = earlier_attempt(c);
    if (!replayed) draft = draft_registration(c, a, r, ctx_.now());
  });
  if (replayed) return result;
  try {
    ledger_.write([&](LedgerWrite& w) {
      replayed = earlier_attempt(w.connection());
      if (!replayed) result = write_registration(w, a, r, *draft);
    });
  } catch (const store::StoreError& e) {
    // Two attempts with one key raced (PostgreSQL): the loser returns the winner's ticket.
    if (e.kind() != store::StoreError::Kind::unique_violation || !r.idempotency_key) throw;
    ctx_.db.read([&](store::Connection& c) { replayed = earlier_attempt(c); });
    if (!replayed) throw;
  }
  return result;
}

Ticket Intake::register_in(LedgerWrite& w, const Actor& a, const RegisterRequest& r) {
  return write_registration(w, a, r, draft_registration(w.connection(), a, r, w.now()));
}

Ticket Intake::write_registration(LedgerWrite& w, const Actor& a, const RegisterRequest& r,
                                  RegistrationDraft draft) {
  Ticket ticket = w.register_ticket(std::move(draft.created), draft.timeline, a,
                                    ctx_.local_date(draft.at), &draft.lookups);
  if (r.idempotency_key) {
    store::remember_idempotency_key(w.connection(), a.id(), *r.idempotency_key, ticket.id, w.now());
  }
  return ticket;
}

RegistrationDraft Intake::draft_registration(store::Connection& c, const Actor& a,
                                             const RegisterRequest& r, Instant now) {
  const Date today = ctx_.local_date(now);
  const bool on_behalf = r.requester_id != a.id();
  // As typed in any channel: "sup tec" names SUP-TEC (domain/service_code.hpp).
  auto service = find_service_by_typed_code(c, r.service_code);
  // Internal services exist only for the desk's own staff.
  if (!service || !service->active || (!service->is_public && !is_staff(a.person))) {
    throw invalid_field("service", "Serviço desconhecido: " + r.service_code + ".");
  }
  // One's own request: the person the caller was identified as, read with
  // its credentials (app/accounts/credential_cache.hpp), not read again.
  auto requester = on_behalf ? store::load_person(c, r.requester_id) : std::optional(a.person);
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
  // The channel's audience only narrows the service's: a service for
  // authorized requesters stays so when e-mail admits anyone.
  Service judged = *service;
  if (r.audience && strictness(*r.audience) > strictness(service->audience)) {
    judged.audience = *r.audience;
  }
  const AudienceDecision audience = check_audience(
      judged, *requester, organization, store::authorizations_of_person(c, requester->id), today);
  // The node's tree, as authorization reads it (app/desk_context.hpp).
  const auto unit_tree = ctx_.unit_tree(c);
  const auto& units = *unit_tree;
  // Admitted requests wait for triage at the central de serviços; the rest
  // go to client relations, which decides whether to serve them (docs/domain.md).
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
      {"subject", r.subject},
      {"description", r.description},
      {"form_answers", answers},
      {"impact", r.impact},
      {"urgency", r.urgency},
      {"unit_id", unit ? nlohmann::json(unit->id) : nullptr},
      {"registered_by", on_behalf ? nlohmann::json(a.id()) : nullptr},
      {"audience_admitted", audience.admitted},
      {"audience_reason", audience.reason},
  };
  if (!r.files_not_accepted.empty()) created.data["files_not_accepted"] = r.files_not_accepted;
  // The ETA the requester is told: the resolution deadline as
  // the clock computes it now. Projects have none: their deadline is agreed
  // later ("a combinar").
  const auto timeline = clocks_.timeline(c, clocks_.configuration(c), {created}, now, false,
                                         KnownRows{&*service, &organization});
  if (timeline.applies) {
    created.data["estimated_deadline"] = to_millis(timeline.targets.back().deadline);
  }
  WriteLookups lookups;
  lookups.webhooks = store::active_webhooks(c);
  lookups.service_name = service->name;
  lookups.requester = *requester;
  lookups.templates.emplace("registration", Notices::stored_template(c, "registration"));
  return RegistrationDraft{std::move(created), timeline, now, std::move(lookups)};
}

}  // namespace guiche::app
