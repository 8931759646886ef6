// People: the staff's search, registration (with an optional initial password
// the person must change on first access), reading and updating. The desk
// decides who may see or manage whom; a person the caller may not see is 404.
#include "api/access_reads.hpp"
#include "api/caller.hpp"
#include "api/directory_json.hpp"
#include "api/directory_routes.hpp"
#include "api/json_fields.hpp"
#include "api/problem.hpp"
#include "app/accounts/accounts.hpp"
#include "app/directory/directory.hpp"
#include "domain/error.hpp"

namespace guiche::api {
namespace {

const std::vector<std::string> kPersonFields = {"name", "login",           "emails", "phone",
                                                "cpf",  "organization_id", "roles",  "active"};

// Accepted besides kPersonFields, and left out of PUT's "every field".
const std::string kNoticePreference = "notice_preference";

// The use cases name these fields as the domain does.
const std::map<std::string, std::string> kApiNames = {{"organization", "organization_id"},
                                                      {"password", "initial_password"}};

std::vector<RoleGrant> roles_from(const nlohmann::json& list) {
  const auto wrong = [] {
    return invalid_field("roles",
                         "O campo roles deve ser uma lista de {\"role\": texto, \"unit_id\": id}.");
  };
  if (!list.is_array()) throw wrong();
  std::vector<RoleGrant> roles;
  for (const auto& item : list) {
    if (!item.is_object() || !item.contains("role") || !item["role"].is_string()) throw wrong();
    for (const auto& [key, value] : item.items()) {
      if (key != "role" && key != "unit_id" && key != "label") throw wrong();
    }
    auto role = parse_role(item["role"].get<std::string>());
    if (!role) throw invalid_field("roles", "Papel desconhecido: " + item["role"].dump() + ".");
    RoleGrant grant{*role, std::nullopt};
    set_optional_id(item, "unit_id", grant.unit_id);
    roles.push_back(grant);
  }
  return roles;
}

Person person_from(const nlohmann::json& b, Person p) {
  set_text(b, "name", p.name);
  set_optional_text(b, "login", p.login);
  set_text_list(b, "emails", p.emails);
  set_optional_text(b, "phone", p.phone);
  set_optional_text(b, "cpf", p.cpf);
  set_optional_id(b, "organization_id", p.organization_id);
  if (b.contains("roles")) {
    try {
      p.roles = roles_from(b["roles"]);
    } catch (const DomainError& e) {
      // unit_id errors inside a role are reported on the list itself.
      if (e.fields().empty() || e.fields()[0].field == "roles") throw;
      throw invalid_field("roles", e.what());
    }
  }
  set_flag(b, "active", p.active);
  if (b.contains(kNoticePreference)) {
    const auto& v = b[kNoticePreference];
    auto preference = v.is_string() ? parse_notice_preference(v.get<std::string>()) : std::nullopt;
    if (!preference) {
      throw invalid_field(kNoticePreference,
                          "O campo notice_preference deve ser request_channel, email ou whatsapp.");
    }
    p.notice_preference = *preference;
  }
  return p;
}

std::vector<std::string> accepted_fields() {
  auto fields = kPersonFields;
  fields.push_back(kNoticePreference);
  return fields;
}

std::string person_path(std::int64_t id) {
  return "/api/v1/people/" + std::to_string(id);
}

}  // namespace

void add_people_routes(ApiContext& ctx, std::vector<http::Route>& routes) {
  app::Desk& desk = ctx.desk;
  add_guarded_route(routes, "GET", "/api/v1/people", [&ctx, &desk](const http::Request& r) {
    auto actor = require_caller(ctx, r);
    auto items = nlohmann::json::array();
    std::vector<std::int64_t> listed;
    for (const auto& p : desk.directory().find_people(actor, r.query_value("q").value_or(""))) {
      items.push_back(person_json(p));
      listed.push_back(p.id);
    }
    note_api_people_read(ctx, actor, r, listed);
    return items_response(items);
  });
  add_guarded_route(routes, "POST", "/api/v1/people", [&ctx, &desk](const http::Request& r) {
    auto actor = require_caller(ctx, r);
    auto fields = accepted_fields();
    fields.push_back("initial_password");
    auto body = strict_body(ctx, r, fields);
    app::NewPerson n{person_from(body, Person{}), optional_string(body, "initial_password")};
    return with_api_fields(kApiNames, [&] {
      auto p = desk.directory().create_person(actor, n);
      return created(person_json(p), person_path(p.id));
    });
  });
  add_guarded_route(routes, "GET", "/api/v1/people/:id", [&ctx, &desk](const http::Request& r) {
    auto actor = require_caller(ctx, r);
    const auto person = desk.directory().person(actor, path_id(r.params.at("id")));
    note_api_read(ctx, actor, r, person.id, "person", person.id);
    return json_response(200, person_json(person));
  });
  // The temporary password is e-mailed; it is in the answer only for a person
  // without an e-mail address (shown once to the admin).
  add_guarded_route(
      routes, "POST", "/api/v1/people/:id/password-reset", [&ctx, &desk](const http::Request& r) {
        auto actor = require_caller(ctx, r);
        const auto id = path_id(r.params.at("id"));
        const auto reset = desk.accounts().reset_password(actor, id);
        nlohmann::json body = {{"emailed", reset.emailed}, {"temporary_password", nullptr}};
        if (reset.temporary_password) {
          body["temporary_password"] = *reset.temporary_password;
        }
        return json_response(200, body);
      });
  // PUT replaces every field; PATCH changes the fields it names.
  for (const bool replace : {true, false}) {
    add_guarded_route(routes, replace ? "PUT" : "PATCH", "/api/v1/people/:id",
                      [&ctx, &desk, replace](const http::Request& r) {
                        auto actor = require_caller(ctx, r);
                        const auto id = path_id(r.params.at("id"));
                        auto body = strict_body(ctx, r, accepted_fields());
                        // Reading first makes a person the caller may not see a 404.
                        auto current = desk.directory().person(actor, id);
                        if (replace) {
                          require_every_field(body, kPersonFields);
                          current.notice_preference = NoticePreference::request_channel;
                        }
                        auto changed = person_from(body, current);
                        return with_api_fields(kApiNames, [&] {
                          return json_response(
                              200, person_json(desk.directory().update_person(actor, changed)));
                        });
                      });
  }
}

}  // namespace guiche::api
