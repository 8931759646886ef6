// The ways to sign in (admins only): GET /api/v1/auth/backends lists the
// parts that are on (app/accounts/auth/), in the order they check a login;
// /api/v1/auth/group-mappings lists, adds and removes the directory groups'
// mappings to organizations and roles. The use cases check the caller.
#include "api/caller.hpp"
#include "api/directory_routes.hpp"
#include "api/json_fields.hpp"
#include "api/problem.hpp"
#include "api/route_groups.hpp"
#include "app/accounts/accounts.hpp"
#include "domain/error.hpp"

namespace guiche::api {
namespace {

nlohmann::json mapping_json(const DirectoryGroupMapping& m) {
  const auto id_or_null = [](const std::optional<std::int64_t>& id) {
    return id ? nlohmann::json(*id) : nlohmann::json(nullptr);
  };
  return {
      {"id", m.id},
      {"group_dn", m.group_dn},
      {"organization_id", id_or_null(m.organization_id)},
      {"role", m.role ? nlohmann::json(std::string(role_code(*m.role))) : nullptr},
      {"unit_id", id_or_null(m.unit_id)},
      {"authorizes_requesters", m.authorizes_requesters},
      {"document_type",
       m.document_type ? nlohmann::json(std::string(document_code(*m.document_type))) : nullptr},
      {"document_number", m.document_number},
      {"created_by", m.created_by},
      {"created_at", format_utc(m.created_at)}};
}

}  // namespace

void add_sign_in_settings_routes(ApiContext& ctx, std::vector<http::Route>& routes) {
  app::Accounts& accounts = ctx.desk.accounts();
  add_guarded_route(routes, "GET", "/api/v1/auth/backends",
                    [&ctx, &accounts](const http::Request& r) {
                      auto actor = require_caller(ctx, r);
                      auto items = nlohmann::json::array();
                      for (const auto& b : accounts.auth_backends(actor)) {
                        items.push_back({{"key", b.key}, {"name", b.name}, {"detail", b.detail}});
                      }
                      return items_response(items);
                    });
  add_guarded_route(routes, "GET", "/api/v1/auth/group-mappings",
                    [&ctx, &accounts](const http::Request& r) {
                      auto actor = require_caller(ctx, r);
                      auto items = nlohmann::json::array();
                      for (const auto& m : accounts.group_mappings(actor)) {
                        items.push_back(mapping_json(m));
                      }
                      return items_response(items);
                    });
  add_guarded_route(
      routes, "POST", "/api/v1/auth/group-mappings", [&ctx, &accounts](const http::Request& r) {
        auto actor = require_caller(ctx, r);
        auto body = strict_body(ctx, r,
                                {"group_dn", "organization_id", "role", "unit_id",
                                 "authorizes_requesters", "document_type", "document_number"});
        DirectoryGroupMapping m;
        m.group_dn = required_string(body, "group_dn");
        m.organization_id = optional_integer(body, "organization_id");
        m.unit_id = optional_integer(body, "unit_id");
        if (auto code = optional_string(body, "role")) {
          m.role = parse_role(*code);
          if (!m.role) throw invalid_field("role", "Papel desconhecido: " + *code + ".");
        }
        m.authorizes_requesters = optional_bool(body, "authorizes_requesters").value_or(false);
        if (auto code = optional_string(body, "document_type")) {
          m.document_type = parse_document(*code);
          if (!m.document_type) {
            throw invalid_field("document_type", "Use contract, oficio ou service_request.");
          }
        }
        m.document_number = optional_string(body, "document_number").value_or("");
        auto made = accounts.add_group_mapping(actor, m);
        return created(mapping_json(made),
                       "/api/v1/auth/group-mappings/" + std::to_string(made.id));
      });
  add_guarded_route(routes, "DELETE", "/api/v1/auth/group-mappings/:id",
                    [&ctx, &accounts](const http::Request& r) {
                      auto actor = require_caller(ctx, r);
                      accounts.remove_group_mapping(actor, path_id(r.params.at("id")));
                      return no_content();
                    });
}

}  // namespace guiche::api
