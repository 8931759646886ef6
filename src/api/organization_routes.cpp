// Organizations and their authorized-requester list (docs/domain.md). Who may see,
// create or decide what is the desk's decision; these only translate.
#include "api/caller.hpp"
#include "api/directory_json.hpp"
#include "api/directory_routes.hpp"
#include "api/json_fields.hpp"
#include "api/problem.hpp"
#include "app/directory/authorizations.hpp"
#include "app/directory/directory.hpp"
#include "domain/error.hpp"

namespace guiche::api {
namespace {

const std::vector<std::string> kOrganizationFields = {"name",
                                                      "acronym",
                                                      "cnpj",
                                                      "is_client",
                                                      "client_reference",
                                                      "calendar",
                                                      "parent_id",
                                                      "authorization_changes_need_confirmation"};

Organization organization_from(const nlohmann::json& b, Organization o) {
  set_text(b, "name", o.name);
  set_text(b, "acronym", o.acronym);
  set_optional_text(b, "cnpj", o.cnpj);
  set_flag(b, "is_client", o.is_client);
  set_text(b, "client_reference", o.client_reference);
  set_text(b, "calendar", o.calendar);
  set_optional_id(b, "parent_id", o.parent_id);
  set_flag(b, "authorization_changes_need_confirmation", o.authorization_changes_need_confirmation);
  return o;
}

std::string organization_path(std::int64_t id) {
  return "/api/v1/organizations/" + std::to_string(id);
}

app::AuthorizationRequest authorization_from(const nlohmann::json& b,
                                             std::int64_t organization_id) {
  app::AuthorizationRequest request;
  request.organization_id = organization_id;
  auto type = parse_document(required_string(b, "document_type"));
  if (!type) {
    throw invalid_field("document_type",
                        "Tipo de documento inválido (contract, oficio ou service_request).");
  }
  request.document_type = *type;
  request.document_number = required_string(b, "document_number");
  request.person_id = required_integer(b, "person_id");
  request.valid_from = required_date(b, "valid_from");
  if (b.contains("expires_on") && !b["expires_on"].is_null()) {
    request.expires_on = required_date(b, "expires_on");
  }
  return request;
}

}  // namespace

void add_organization_routes(ApiContext& ctx, std::vector<http::Route>& routes) {
  app::Desk& desk = ctx.desk;
  add_guarded_route(routes, "GET", "/api/v1/organizations", [&ctx, &desk](const http::Request& r) {
    auto actor = require_caller(ctx, r);
    auto items = nlohmann::json::array();
    for (const auto& o : desk.directory().organizations(actor))
      items.push_back(organization_json(o));
    return items_response(items);
  });
  add_guarded_route(routes, "POST", "/api/v1/organizations", [&ctx, &desk](const http::Request& r) {
    auto actor = require_caller(ctx, r);
    auto body = strict_body(ctx, r, kOrganizationFields);
    auto o = desk.directory().create_organization(actor, organization_from(body, Organization{}));
    return created(organization_json(o), organization_path(o.id));
  });
  add_guarded_route(routes, "GET", "/api/v1/organizations/:id",
                    [&ctx, &desk](const http::Request& r) {
                      auto actor = require_caller(ctx, r);
                      return json_response(200, organization_json(desk.directory().organization(
                                                    actor, path_id(r.params.at("id")))));
                    });
  // PUT replaces every field; PATCH changes the fields it names.
  for (const bool replace : {true, false}) {
    add_guarded_route(routes, replace ? "PUT" : "PATCH", "/api/v1/organizations/:id",
                      [&ctx, &desk, replace](const http::Request& r) {
                        auto actor = require_caller(ctx, r);
                        const auto id = path_id(r.params.at("id"));
                        auto body = strict_body(ctx, r, kOrganizationFields);
                        // Reading first makes an organization the caller may not see a 404.
                        auto current = desk.directory().organization(actor, id);
                        if (replace) require_every_field(body, kOrganizationFields);
                        return json_response(200,
                                             organization_json(desk.directory().update_organization(
                                                 actor, organization_from(body, current))));
                      });
  }

  add_guarded_route(routes, "GET", "/api/v1/organizations/:id/authorizations",
                    [&ctx, &desk](const http::Request& r) {
                      auto actor = require_caller(ctx, r);
                      const auto id = path_id(r.params.at("id"));
                      desk.directory().organization(
                          actor,
                          id);  // an unknown organization is a 404, not an empty list
                      auto items = nlohmann::json::array();
                      for (const auto& a : desk.authorizations().authorizations(actor, id))
                        items.push_back(authorization_json(a));
                      return items_response(items);
                    });
  add_guarded_route(
      routes, "POST", "/api/v1/organizations/:id/authorizations",
      [&ctx, &desk](const http::Request& r) {
        auto actor = require_caller(ctx, r);
        const auto id = path_id(r.params.at("id"));
        auto body = strict_body(
            ctx, r, {"document_type", "document_number", "person_id", "valid_from", "expires_on"});
        auto request = authorization_from(body, id);
        return with_api_fields({{"person", "person_id"}}, [&] {
          auto a = desk.authorizations().authorize_requester(actor, request);
          // Records have no address of their own: they are read in their list.
          return created(authorization_json(a), organization_path(id) + "/authorizations");
        });
      });
  add_guarded_route(
      routes, "POST", "/api/v1/authorizations/:id/decision", [&ctx, &desk](const http::Request& r) {
        auto actor = require_caller(ctx, r);
        const auto id = path_id(r.params.at("id"));
        auto body = strict_body(ctx, r, {"approve"});
        return json_response(200, authorization_json(desk.authorizations().decide_authorization(
                                      actor, id, required_bool(body, "approve"))));
      });
  add_guarded_route(routes, "POST", "/api/v1/authorizations/:id/revocation",
                    [&ctx, &desk](const http::Request& r) {
                      auto actor = require_caller(ctx, r);
                      const auto id = path_id(r.params.at("id"));
                      auto body = strict_body(ctx, r, {"valid_until", "reason"});
                      const auto last_day = required_date(body, "valid_until");
                      const auto reason = required_string(body, "reason");
                      return json_response(
                          200, authorization_json(desk.authorizations().revoke_authorization(
                                   actor, id, last_day, reason)));
                    });
}

}  // namespace guiche::api
