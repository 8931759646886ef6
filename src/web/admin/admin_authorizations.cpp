// An organization's authorized requesters (docs/domain.md) on its admin page:
// granting (the person, the document that authorized it and, optionally, the
// last day it holds), revoking (the last day and the reason) and deciding
// what an org manager proposed. Records are never deleted: the list is the
// history, expired grants included.
#include "app/directory/authorizations.hpp"
#include "app/directory/directory.hpp"
#include "domain/identity.hpp"
#include "web/admin/admin_organizations.hpp"
#include "web/date_input.hpp"
#include "web/page_routes.hpp"

namespace guiche::web {
namespace {

std::string org_path(std::int64_t id) {
  return "/admin/organizacoes/" + std::to_string(id);
}

// Names of the people a list of records mentions, read once each.
class PeopleNames {
 public:
  PeopleNames(WebContext& ctx, const Visitor& v) : ctx_(ctx), v_(v) {}
  std::string operator()(std::optional<std::int64_t> id) {
    if (!id) return "";
    auto [it, fresh] = names_.try_emplace(*id);
    if (fresh) {
      try {
        it->second = ctx_.desk.directory().person(v_.actor, *id).name;
      } catch (const DomainError&) {
        it->second = "#" + std::to_string(*id);
      }
    }
    return it->second;
  }

 private:
  WebContext& ctx_;
  const Visitor& v_;
  std::map<std::int64_t, std::string> names_;
};

// Mustache renders a section for "" too: an absent text is false.
nlohmann::json or_false(const std::string& s) {
  return s.empty() ? nlohmann::json(false) : nlohmann::json(s);
}

std::string state_key(const AuthorizedRequester& a, Date today) {
  if (a.state == AuthorizationState::rejected) return "recusada";
  if (a.valid_until) return "revogada";
  if (a.is_expired_on(today)) return "expirada";
  if (a.state == AuthorizationState::pending) return "pendente";
  if (a.revocation_requested_until) return "revogacao_pedida";
  return "em_vigor";
}

// The person named by e-mail or CPF in the grant form (what the people
// search finds exactly; a login matches too when the search finds it).
std::optional<Person> person_named(WebContext& ctx, const Visitor& v, const std::string& text) {
  const auto cpf = normalize_cpf(text);
  const auto email = normalize_email(text);
  std::optional<Person> found;
  for (auto& p : ctx.desk.directory().find_people(v.actor, text)) {
    const bool same =
        (p.login && *p.login == text) || (cpf && p.cpf == cpf) ||
        (email && std::find(p.emails.begin(), p.emails.end(), *email) != p.emails.end());
    if (!same) continue;
    if (found) return std::nullopt;  // ambiguous: ask for something more precise
    found = std::move(p);
  }
  return found;
}

http::Response with_errors(WebContext& ctx, const Visitor& v, const http::Request& r,
                           const Organization& o, OrganizationForms forms) {
  forms.status = 422;
  return organization_page(ctx, v, r, o, forms);
}

http::Response grant(WebContext& ctx, const http::Request& r) {
  const auto v = require_admin(ctx, r);
  const auto o = ctx.desk.directory().organization(v.actor, number_param(r, "id"));
  const Form form = read_form(r);
  check_csrf(v, form);
  OrganizationForms forms{form, {}, {}, 0, {}, 200};
  app::AuthorizationRequest request;
  request.organization_id = o.id;
  request.document_number = form.value("documento");
  auto type = parse_document(form.value("tipo_documento"));
  if (!type) forms.grant["tipo_documento"] = text(ctx, "admin.autorizados.tipo_invalido");
  auto from = parse_date_input(form.value("inicio"));
  if (!from) forms.grant["inicio"] = text(ctx, "admin.data_invalida");
  const auto until = form.value("validade");
  if (until.find_first_not_of(" \t") != std::string::npos) {
    request.expires_on = parse_date_input(until);
    if (!request.expires_on) forms.grant["validade"] = text(ctx, "admin.data_invalida");
  }
  const auto who = form.value("pessoa");
  std::optional<Person> person;
  if (who.empty()) {
    forms.grant["pessoa"] = text(ctx, "admin.autorizados.informe_pessoa");
  } else {
    try {
      person = person_named(ctx, v, who);
    } catch (const DomainError& e) {
      if (e.kind() != DomainError::Kind::validation) throw;
    }
    if (!person) forms.grant["pessoa"] = text(ctx, "admin.autorizados.pessoa_nao_encontrada");
  }
  if (!forms.grant.empty()) return with_errors(ctx, v, r, o, forms);
  request.document_type = *type;
  request.valid_from = *from;
  request.person_id = person->id;
  try {
    ctx.desk.authorizations().authorize_requester(v.actor, request);
  } catch (const DomainError& e) {
    if (e.kind() == DomainError::Kind::conflict) {
      forms.grant["pessoa"] = e.what();
    } else if (e.kind() == DomainError::Kind::validation) {
      forms.grant = field_errors(e, {{"person", "pessoa"},
                                     {"document_number", "documento"},
                                     {"valid_from", "inicio"},
                                     {"expires_on", "validade"},
                                     {"organization", "pessoa"}});
    } else {
      throw;
    }
    return with_errors(ctx, v, r, o, forms);
  }
  return see_other(org_path(o.id) + "?salvo=1#autorizados");
}

http::Response revoke(WebContext& ctx, const http::Request& r) {
  const auto v = require_admin(ctx, r);
  const auto o = ctx.desk.directory().organization(v.actor, number_param(r, "id"));
  const auto id = number_param(r, "aid");
  const Form form = read_form(r);
  check_csrf(v, form);
  OrganizationForms forms{form, {}, {}, id, {}, 200};
  const auto field = "ultimo-dia-" + std::to_string(id);
  const auto reason_field = "motivo-" + std::to_string(id);
  const auto reason = form.value(reason_field);
  auto last = parse_date_input(form.value(field));
  if (!last) {
    forms.revoke[field] = text(ctx, "admin.data_invalida");
    if (reason.find_first_not_of(" \t\r\n") == std::string::npos)
      forms.revoke[reason_field] = text(ctx, "admin.autorizados.informe_motivo");
    return with_errors(ctx, v, r, o, forms);
  }
  try {
    ctx.desk.authorizations().revoke_authorization(v.actor, id, *last, reason);
  } catch (const DomainError& e) {
    if (e.kind() == DomainError::Kind::validation) {
      forms.revoke = field_errors(e, {{"valid_until", field}, {"reason", reason_field}});
    } else if (e.kind() == DomainError::Kind::conflict) {
      forms.revoke[field] = e.what();
    } else {
      throw;
    }
    return with_errors(ctx, v, r, o, forms);
  }
  return see_other(org_path(o.id) + "?salvo=1#autorizados");
}

http::Response decide(WebContext& ctx, const http::Request& r) {
  const auto v = require_admin(ctx, r);
  const auto o = ctx.desk.directory().organization(v.actor, number_param(r, "id"));
  const Form form = read_form(r);
  check_csrf(v, form);
  ctx.desk.authorizations().decide_authorization(v.actor, number_param(r, "aid"),
                                                 form.value("decisao") == "sim");
  return see_other(org_path(o.id) + "?salvo=1#autorizados");
}

}  // namespace

nlohmann::json authorized_view(WebContext& ctx, const Visitor& v, const Organization& o,
                               const OrganizationForms& forms) {
  PeopleNames name(ctx, v);
  const Date today_date = desk_today(ctx);
  const auto today = date_br(today_date);
  nlohmann::json records = nlohmann::json::array();
  for (const auto& a : ctx.desk.authorizations().authorizations(v.actor, o.id)) {
    const auto state = state_key(a, today_date);
    const auto base = org_path(o.id) + "/autorizados/" + std::to_string(a.id);
    const bool revocable = state == "em_vigor" || state == "pendente";
    const auto field = "ultimo-dia-" + std::to_string(a.id);
    const auto reason_field = "motivo-" + std::to_string(a.id);
    const bool this_one = forms.revoked_id == a.id;
    const auto day = this_one ? forms.sent.value(field) : today;
    const Errors row_errors = this_one ? forms.revoke : Errors{};
    // The day it ended or ends: revoked, else its own expiry.
    const auto end = a.valid_until ? a.valid_until : a.expires_on;
    records.push_back(
        {{"id", a.id},
         {"pessoa", name(a.person_id)},
         {"documento", a.document_number},
         {"tipo_documento",
          text(ctx, "admin.autorizados.doc_" + std::string(document_code(a.document_type)))},
         {"inicio", date_br(a.valid_from)},
         {"fim", end ? date_br(*end) : "—"},
         {"motivo", or_false(a.revocation_reason)},
         {"situacao", text(ctx, "admin.autorizados." + state)},
         {"em_vigor", state == "em_vigor"},
         {"expirada", state == "expirada"},
         {"lancado_por", name(a.entered_by)},
         {"decidido_por", or_false(name(a.decided_by))},
         {"revogado_por", or_false(name(a.revoked_by))},
         {"pedido_ate",
          or_false(a.revocation_requested_until ? date_br(*a.revocation_requested_until) : "")},
         {"decidir", state == "pendente" || state == "revogacao_pedida"},
         {"url_decidir", base + "/decidir"},
         {"revogar", revocable},
         {"url_revogar", base + "/revogar"},
         // In the table's narrow column the format goes in the label.
         {"ultimo_dia", date_input(ctx, field, text(ctx, "admin.autorizados.ultimo_dia"), day,
                                   row_errors, true, false)},
         {"motivo_campo",
          text_input(reason_field, text(ctx, "admin.autorizados.motivo"),
                     this_one ? forms.sent.value(reason_field) : "", row_errors, "text", true)}});
  }
  const auto& e = forms.grant;
  const auto& s = forms.sent;
  std::vector<std::pair<std::string, std::string>> types;
  for (auto d : {AuthorizationDocument::oficio, AuthorizationDocument::contract,
                 AuthorizationDocument::service_request}) {
    types.emplace_back(document_code(d),
                       text(ctx, "admin.autorizados.doc_" + std::string(document_code(d))));
  }
  const auto t = [&](const char* key) {
    return text(ctx, std::string("admin.autorizados.") + key);
  };
  const bool sent = !e.empty();
  return {{"registros", records},
          {"vazio", records.empty()},
          {"cliente", o.is_client},
          {"acao", org_path(o.id) + "/autorizados"},
          {"campos",
           nlohmann::json::array(
               {with_hint(text_input("pessoa", t("pessoa"), s.value("pessoa"), e, "text", true),
                          t("pessoa_dica")),
                select_input("tipo_documento", t("tipo_documento"),
                             sent ? s.value("tipo_documento") : "oficio", types, e, true),
                with_hint(
                    text_input("documento", t("documento"), s.value("documento"), e, "text", true),
                    t("documento_dica")),
                date_input(ctx, "inicio", t("inicio"), sent ? s.value("inicio") : today, e, true),
                date_input(ctx, "validade", t("validade"), s.value("validade"), e)})}};
}

void add_admin_authorizations(WebContext& ctx, std::vector<http::Route>& routes) {
  add_admin_route(ctx, routes, "POST", "/admin/organizacoes/:id/autorizados",
                  [&ctx](const http::Request& r) { return grant(ctx, r); });
  add_admin_route(ctx, routes, "POST", "/admin/organizacoes/:id/autorizados/:aid/revogar",
                  [&ctx](const http::Request& r) { return revoke(ctx, r); });
  add_admin_route(ctx, routes, "POST", "/admin/organizacoes/:id/autorizados/:aid/decidir",
                  [&ctx](const http::Request& r) { return decide(ctx, r); });
}

}  // namespace guiche::web
