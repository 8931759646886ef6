// Units, the services of the Carta de Serviços (with their request forms) and
// the categories of request. Creating and changing them is the desk's call
// (administrators); requesters see only public, active services.
#include "api/caller.hpp"
#include "api/directory_json.hpp"
#include "api/directory_routes.hpp"
#include "api/json_fields.hpp"
#include "api/problem.hpp"
#include "app/directory/directory.hpp"
#include "domain/error.hpp"

namespace guiche::api {
namespace {

const std::vector<std::string> kServiceFields = {"code",
                                                 "name",
                                                 "popular_names",
                                                 "description",
                                                 "audience",
                                                 "who_may_use",
                                                 "required_documents",
                                                 "stages",
                                                 "cost",
                                                 "max_deadline",
                                                 "access_channels",
                                                 "communication_channels",
                                                 "complaint_channels",
                                                 "commitment",
                                                 "owning_unit_id",
                                                 "default_category",
                                                 "sla_policy",
                                                 "is_public",
                                                 "active",
                                                 "form"};

// The fields a unit's POST or PATCH may send.
const std::vector<std::string> kUnitFields = {"code", "name", "parent_id", "kind", "active"};

Unit unit_from(const nlohmann::json& b, Unit u) {
  set_text(b, "code", u.code);
  set_text(b, "name", u.name);
  set_optional_id(b, "parent_id", u.parent_id);
  if (auto kind = optional_string(b, "kind")) {
    auto parsed = parse_unit_kind(*kind);
    if (!parsed) {
      throw invalid_field("kind",
                          "Tipo de unidade inválido (technical, service_center, client_relations, "
                          "communications).");
    }
    u.kind = *parsed;
  }
  set_flag(b, "active", u.active);
  return u;
}

// form_from_json trusts the types of a field's parts; a client's body must
// not, so each part is checked here and a mistake is a 422 on "form".
std::vector<FormField> form_from(const nlohmann::json& form) {
  const auto wrong = [](const std::string& why) { return invalid_field("form", why); };
  if (!form.is_array()) throw wrong("O formulário deve ser uma lista de campos.");
  for (const auto& item : form) {
    if (!item.is_object()) throw wrong("Cada campo do formulário deve ser um objeto.");
    for (const auto& [key, value] : item.items()) {
      if (key != "key" && key != "label" && key != "type" && key != "required" &&
          key != "choices") {
        throw wrong("Campo desconhecido no formulário: " + key + ".");
      }
    }
    if (item.contains("type") && !item["type"].is_string())
      throw wrong("O tipo de um campo deve ser texto.");
    if (item.contains("required") && !item["required"].is_boolean())
      throw wrong("required deve ser true ou false.");
    if (item.contains("choices")) {
      bool ok = item["choices"].is_array();
      for (const auto& c : item["choices"]) ok = ok && c.is_string();
      if (!ok) throw wrong("choices deve ser uma lista de textos.");
    }
  }
  return form_from_json(form);
}

Service service_from(const nlohmann::json& b, Service s) {
  set_text(b, "code", s.code);
  set_text(b, "name", s.name);
  set_text_list(b, "popular_names", s.popular_names);
  set_text(b, "description", s.description);
  if (b.contains("audience")) {
    auto audience = parse_audience(required_string(b, "audience"));
    if (!audience) {
      throw invalid_field("audience",
                          "Público inválido (authorized_requesters, public_servants, anyone).");
    }
    s.audience = *audience;
  }
  set_text(b, "who_may_use", s.who_may_use);
  set_text(b, "required_documents", s.required_documents);
  set_text_list(b, "stages", s.stages);
  set_text(b, "cost", s.cost);
  set_text(b, "max_deadline", s.max_deadline);
  set_text(b, "access_channels", s.access_channels);
  set_text(b, "communication_channels", s.communication_channels);
  set_text(b, "complaint_channels", s.complaint_channels);
  set_text(b, "commitment", s.commitment);
  set_optional_id(b, "owning_unit_id", s.owning_unit_id);
  if (b.contains("default_category")) {
    auto category = parse_category(required_string(b, "default_category"));
    if (!category) throw invalid_field("default_category", "Categoria desconhecida.");
    s.default_category = *category;
  }
  set_text(b, "sla_policy", s.sla_policy);
  set_flag(b, "is_public", s.is_public);
  set_flag(b, "active", s.active);
  if (b.contains("form")) s.form = form_from(b["form"]);
  return s;
}

std::string service_path(const Service& s) {
  return "/api/v1/services/" + encoded_segment(s.code);
}

}  // namespace

void add_service_routes(ApiContext& ctx, std::vector<http::Route>& routes) {
  app::Desk& desk = ctx.desk;
  add_guarded_route(routes, "GET", "/api/v1/units", [&ctx, &desk](const http::Request& r) {
    auto actor = require_caller(ctx, r);
    auto items = nlohmann::json::array();
    for (const auto& u : desk.directory().units(actor)) items.push_back(unit_json(u));
    return items_response(items);
  });
  add_guarded_route(routes, "POST", "/api/v1/units", [&ctx, &desk](const http::Request& r) {
    auto actor = require_caller(ctx, r);
    auto body = strict_body(ctx, r, kUnitFields);
    auto unit = unit_from(body, Unit{});
    return with_api_fields({{"parent", "parent_id"}}, [&] {
      auto u = desk.directory().create_unit(actor, unit);
      // Units are read in their list; there is no address for one unit.
      return created(unit_json(u), "/api/v1/units");
    });
  });
  // PATCH changes the fields it names (units are few: no PUT).
  add_guarded_route(routes, "PATCH", "/api/v1/units/:id", [&ctx, &desk](const http::Request& r) {
    auto actor = require_caller(ctx, r);
    const auto id = path_id(r.params.at("id"));
    auto body = strict_body(ctx, r, kUnitFields);
    std::optional<Unit> current;
    for (const auto& u : desk.directory().units(actor)) {
      if (u.id == id) current = u;
    }
    if (!current) throw not_found("Unidade não encontrada.");
    auto changed = unit_from(body, *current);
    return with_api_fields({{"parent", "parent_id"}}, [&] {
      return json_response(200, unit_json(desk.directory().update_unit(actor, changed)));
    });
  });

  add_guarded_route(routes, "GET", "/api/v1/services", [&ctx, &desk](const http::Request& r) {
    auto actor = require_caller(ctx, r);
    auto items = nlohmann::json::array();
    for (const auto& s : desk.directory().services(actor)) items.push_back(service_json(s));
    return items_response(items);
  });
  add_guarded_route(routes, "POST", "/api/v1/services", [&ctx, &desk](const http::Request& r) {
    auto actor = require_caller(ctx, r);
    auto body = strict_body(ctx, r, kServiceFields);
    auto s = desk.directory().create_service(actor, service_from(body, Service{}));
    return created(service_json(s), service_path(s));
  });
  add_guarded_route(routes, "GET", "/api/v1/services/:code", [&ctx, &desk](const http::Request& r) {
    auto actor = require_caller(ctx, r);
    return json_response(200, service_json(desk.directory().service_by_code(
                                  actor, decoded_segment(r.params.at("code")))));
  });
  // PUT replaces every field; PATCH changes the fields it names.
  for (const bool replace : {true, false}) {
    add_guarded_route(routes, replace ? "PUT" : "PATCH", "/api/v1/services/:code",
                      [&ctx, &desk, replace](const http::Request& r) {
                        auto actor = require_caller(ctx, r);
                        const auto code = decoded_segment(r.params.at("code"));
                        auto body = strict_body(ctx, r, kServiceFields);
                        // Reading first makes a service the caller may not see a 404.
                        auto current = desk.directory().service_by_code(actor, code);
                        if (replace) require_every_field(body, kServiceFields);
                        auto s =
                            desk.directory().update_service(actor, service_from(body, current));
                        auto response = json_response(200, service_json(s));
                        // A changed code moves the service to a new address.
                        if (s.code != code)
                          response.headers.emplace_back("Location", service_path(s));
                        return response;
                      });
  }

  add_guarded_route(routes, "GET", "/api/v1/categories", [&ctx, &desk](const http::Request& r) {
    auto actor = require_caller(ctx, r);
    auto items = nlohmann::json::array();
    for (auto c : desk.directory().categories(actor)) items.push_back(category_json(c));
    return items_response(items);
  });
}

}  // namespace guiche::api
