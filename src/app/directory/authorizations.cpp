// See authorizations.hpp.
#include "app/directory/authorizations.hpp"
#include "app/access_policy.hpp"
#include "app/text_rules.hpp"
#include "domain/error.hpp"
#include "store/authorization_rows.hpp"
#include "store/organization_rows.hpp"
#include "store/person_rows.hpp"

namespace guiche::app {
namespace {

bool is_central(const Person& p) {
  return p.has_role(Role::attendant) || p.has_role(Role::admin);
}

bool manages(const Person& p, std::int64_t organization_id) {
  return p.has_role(Role::org_manager) && p.organization_id == organization_id;
}

}  // namespace

AuthorizedRequester Authorizations::authorize_requester(const Actor& a,
                                                        const AuthorizationRequest& r) {
  require_active(a);
  const std::string number =
      required_text(r.document_number, "document_number", "O número do documento", 100);
  if (!r.valid_from.ok()) throw invalid_field("valid_from", "Data de início inválida.");
  if (r.expires_on && (!r.expires_on->ok() || std::chrono::sys_days{*r.expires_on} <
                                                  std::chrono::sys_days{r.valid_from})) {
    throw invalid_field("expires_on", "A data de validade deve ser igual ou posterior ao início.");
  }
  const Date today = ctx_.local_date(ctx_.now());
  AuthorizedRequester out;
  ctx_.db.write([&](store::Connection& c) {
    auto organization = store::load_organization(c, r.organization_id);
    if (!organization || (!is_central(a.person) && !manages(a.person, r.organization_id))) {
      throw not_found("Órgão não encontrado.");
    }
    auto person = store::load_person(c, r.person_id);
    // An org manager learns nothing about people outside their organization.
    if (!person || !person->active ||
        (!is_central(a.person) && person->organization_id != r.organization_id)) {
      throw invalid_field("person", "Pessoa não encontrada.");
    }
    if (person->organization_id != r.organization_id) {
      throw invalid_field("person", "A pessoa não pertence a este órgão.");
    }
    if (!organization->is_client) {
      throw invalid_field("organization",
                          "O órgão não é cliente: registre antes o contrato ou ofício.");
    }
    for (const auto& existing : store::authorizations_of_person(c, r.person_id)) {
      const bool still_counts = existing.organization_id == r.organization_id &&
                                existing.state != AuthorizationState::rejected &&
                                !existing.valid_until && !existing.is_expired_on(today);
      if (still_counts) {
        throw conflict("A pessoa já tem uma autorização em vigor ou aguardando confirmação.");
      }
    }
    out.organization_id = r.organization_id;
    out.person_id = r.person_id;
    out.document_type = r.document_type;
    out.document_number = number;
    out.entered_by = a.id();
    out.valid_from = r.valid_from;
    out.expires_on = r.expires_on;
    const bool waits =
        !is_central(a.person) && organization->authorization_changes_need_confirmation;
    out.state = waits ? AuthorizationState::pending : AuthorizationState::confirmed;
    if (!waits) out.decided_by = a.id();
    out.id = store::insert_authorization(c, out, ctx_.now());
  });
  return out;
}

AuthorizedRequester Authorizations::decide_authorization(const Actor& a, std::int64_t id,
                                                         bool approve) {
  require_active(a);
  if (!is_central(a.person)) {
    throw forbidden("Somente a central de serviços confirma alterações na lista de autorizados.");
  }
  AuthorizedRequester out;
  ctx_.db.write([&](store::Connection& c) {
    auto record = store::load_authorization(c, id);
    if (!record) throw not_found("Autorização não encontrada.");
    if (record->state == AuthorizationState::pending) {
      record->state = approve ? AuthorizationState::confirmed : AuthorizationState::rejected;
      record->decided_by = a.id();
    } else if (record->revocation_requested_until) {
      if (approve) {
        record->valid_until = record->revocation_requested_until;
        record->revoked_by = a.id();
      }
      if (!approve) record->revocation_reason.clear();
      record->revocation_requested_until.reset();
      record->revocation_requested_by.reset();
    } else {
      throw conflict("Não há alteração pendente nesta autorização.");
    }
    store::update_authorization(c, *record);
    out = *record;
  });
  return out;
}

AuthorizedRequester Authorizations::revoke_authorization(const Actor& a, std::int64_t id,
                                                         Date last_day, const std::string& reason) {
  require_active(a);
  if (!last_day.ok()) throw invalid_field("valid_until", "Data final inválida.");
  const std::string why = required_text(reason, "reason", "O motivo da revogação", 500);
  const Date today = ctx_.local_date(ctx_.now());
  AuthorizedRequester out;
  ctx_.db.write([&](store::Connection& c) {
    auto record = store::load_authorization(c, id);
    if (!record || (!is_central(a.person) && !manages(a.person, record->organization_id))) {
      throw not_found("Autorização não encontrada.");
    }
    if (record->state == AuthorizationState::rejected || record->valid_until ||
        record->is_expired_on(today)) {
      throw conflict("Esta autorização já não está em vigor.");
    }
    auto organization = store::load_organization(c, record->organization_id);
    const bool waits = !is_central(a.person) && organization &&
                       organization->authorization_changes_need_confirmation &&
                       record->state == AuthorizationState::confirmed;
    if (waits) {
      record->revocation_requested_until = last_day;
      record->revocation_requested_by = a.id();
    } else {
      record->valid_until = last_day;
      record->revoked_by = a.id();
    }
    record->revocation_reason = why;
    store::update_authorization(c, *record);
    out = *record;
  });
  return out;
}

std::vector<AuthorizedRequester> Authorizations::authorizations(const Actor& a,
                                                                std::int64_t organization_id) {
  require_active(a);
  if (!is_staff(a.person) && !manages(a.person, organization_id)) {
    throw not_found("Órgão não encontrado.");
  }
  std::vector<AuthorizedRequester> out;
  ctx_.db.read([&](store::Connection& c) {
    out = store::authorizations_of_organization(c, organization_id);
  });
  return out;
}

}  // namespace guiche::app
