#include "api/directory_json.hpp"
#include "app/accounts/accounts.hpp"
#include "domain/authorization.hpp"
#include "domain/organization.hpp"

namespace guiche::api {
namespace {

template <typename T>
nlohmann::json or_null(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json date_or_null(const std::optional<Date>& d) {
  return d ? nlohmann::json(format_date(*d)) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json organization_json(const Organization& o) {
  return {{"id", o.id},
          {"name", o.name},
          {"acronym", o.acronym},
          {"cnpj", or_null(o.cnpj)},
          {"is_client", o.is_client},
          {"client_reference", o.client_reference},
          {"calendar", o.calendar},
          {"parent_id", or_null(o.parent_id)},
          {"authorization_changes_need_confirmation", o.authorization_changes_need_confirmation}};
}

nlohmann::json person_json(const Person& p) {
  auto roles = nlohmann::json::array();
  for (const auto& g : p.roles) {
    roles.push_back({{"role", role_code(g.role)},
                     {"label", role_label_pt(g.role)},
                     {"unit_id", or_null(g.unit_id)}});
  }
  return {{"id", p.id},
          {"name", p.name},
          {"login", or_null(p.login)},
          {"emails", p.emails},
          {"phone", or_null(p.phone)},
          {"cpf", or_null(p.cpf)},
          {"organization_id", or_null(p.organization_id)},
          {"roles", roles},
          {"must_change_password", p.must_change_password},
          {"active", p.active},
          {"notice_preference", notice_preference_code(p.notice_preference)}};
}

nlohmann::json authorization_json(const AuthorizedRequester& a) {
  return {{"id", a.id},
          {"organization_id", a.organization_id},
          {"person_id", a.person_id},
          {"document_type", document_code(a.document_type)},
          {"document_number", a.document_number},
          {"entered_by", a.entered_by},
          {"valid_from", format_date(a.valid_from)},
          {"valid_until", date_or_null(a.valid_until)},
          {"state", authorization_state_code(a.state)},
          {"decided_by", or_null(a.decided_by)},
          {"revocation_requested_until", date_or_null(a.revocation_requested_until)},
          {"revocation_requested_by", or_null(a.revocation_requested_by)},
          {"revoked_by", or_null(a.revoked_by)},
          {"expires_on", date_or_null(a.expires_on)},
          {"revocation_reason", a.revocation_reason}};
}

nlohmann::json unit_json(const Unit& u) {
  return {{"id", u.id},
          {"code", u.code},
          {"name", u.name},
          {"parent_id", or_null(u.parent_id)},
          {"kind", unit_kind_code(u.kind)},
          {"active", u.active}};
}

nlohmann::json service_json(const Service& s) {
  return {{"id", s.id},
          {"code", s.code},
          {"name", s.name},
          {"popular_names", s.popular_names},
          {"description", s.description},
          {"audience", audience_code(s.audience)},
          {"who_may_use", s.who_may_use},
          {"required_documents", s.required_documents},
          {"stages", s.stages},
          {"cost", s.cost},
          {"max_deadline", s.max_deadline},
          {"access_channels", s.access_channels},
          {"communication_channels", s.communication_channels},
          {"complaint_channels", s.complaint_channels},
          {"commitment", s.commitment},
          {"owning_unit_id", or_null(s.owning_unit_id)},
          {"default_category", category_code(s.default_category)},
          {"sla_policy", s.sla_policy},
          {"is_public", s.is_public},
          {"active", s.active},
          {"form", form_to_json(s.form)}};
}

nlohmann::json category_json(Category c) {
  return {{"code", category_code(c)},
          {"label", category_label_pt(c)},
          {"guidance", category_guidance_pt(c)},
          {"is_project", category_is_project(c)}};
}

nlohmann::json token_json(const app::ApiToken& t) {
  nlohmann::json j = {
      {"id", t.id},
      {"person_id", t.person_id},
      {"name", t.name},
      {"created_at", format_utc(t.created_at)},
      {"revoked_at", t.revoked_at ? nlohmann::json(format_utc(*t.revoked_at)) : nullptr}};
  if (!t.secret.empty()) j["secret"] = t.secret;
  return j;
}

}  // namespace guiche::api
