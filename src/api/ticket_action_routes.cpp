// Ticket actions: one POST per use case, each a thin call into the desk.
#include "api/caller.hpp"
#include "api/directory_routes.hpp"
#include "api/json_fields.hpp"
#include "api/problem.hpp"
#include "api/route_groups.hpp"
#include "api/ticket_json.hpp"
#include "app/tickets/ticket_work.hpp"
#include "domain/time.hpp"

namespace guiche::api {
namespace {

using Action = std::function<Ticket(const app::Actor&, std::int64_t, const nlohmann::json&)>;

int small_int(const nlohmann::json& body, const char* name) {
  auto v = required_integer(body, name);
  if (v < -1000000 || v > 1000000)
    throw invalid_field(name, std::string("Valor fora do intervalo: ") + name + ".");
  return static_cast<int>(v);
}

std::optional<int> optional_small_int(const nlohmann::json& body, const char* name) {
  if (!body.contains(name) || body[name].is_null()) return std::nullopt;
  return small_int(body, name);
}

}  // namespace

void add_ticket_action_routes(ApiContext& ctx, std::vector<http::Route>& routes) {
  auto action = [&](const char* name, std::vector<std::string> fields, Action act) {
    routes.push_back(
        {"POST", std::string("/api/v1/tickets/:id/") + name,
         [&ctx, fields, act](const http::Request& r) {
           return guarded([&] {
             auto actor = require_caller(ctx, r);
             const auto id = path_id(r.params.at("id"));
             auto body = json_body(r, ctx.max_json_bytes);
             reject_unknown_fields(body, fields);
             // Use cases name what a field refers to; clients see the field sent.
             return with_api_fields(
                 {{"service", "service_code"},
                  {"unit", "unit_id"},
                  {"assignee", "assignee_id"},
                  {"other", "ticket_id"}},
                 [&] { return json_response(200, ticket_json(act(actor, id, body))); });
           });
         }});
  };
  app::Desk& desk = ctx.desk;
  action("triage", {"service_code", "category", "impact", "urgency", "agreed_deadline"},
         [&desk](const app::Actor& a, std::int64_t id, const nlohmann::json& b) {
           app::Triage t;
           t.service_code = optional_string(b, "service_code");
           if (auto c = optional_string(b, "category")) {
             t.category = parse_category(*c);
             if (!t.category) throw invalid_field("category", "Categoria desconhecida.");
           }
           t.impact = optional_small_int(b, "impact");
           t.urgency = optional_small_int(b, "urgency");
           if (auto d = optional_string(b, "agreed_deadline")) {
             t.agreed_deadline = parse_instant(*d);
             if (!t.agreed_deadline)
               throw invalid_field("agreed_deadline", "Data e hora ISO 8601 inválida.");
           }
           return desk.work().triage(a, id, t);
         });
  action("route", {"unit_id", "assignee_id", "note"},
         [&desk](const app::Actor& a, std::int64_t id, const nlohmann::json& b) {
           return desk.work().route(a, id, required_integer(b, "unit_id"),
                                    optional_integer(b, "assignee_id"),
                                    optional_string(b, "note").value_or(""));
         });
  action("assign", {"assignee_id"},
         [&desk](const app::Actor& a, std::int64_t id, const nlohmann::json& b) {
           return desk.work().assign(a, id, optional_integer(b, "assignee_id"));
         });
  action("status", {"status", "reason"},
         [&desk](const app::Actor& a, std::int64_t id, const nlohmann::json& b) {
           auto status = parse_status(required_string(b, "status"));
           if (!status) throw invalid_field("status", "Situação desconhecida.");
           return desk.work().change_status(a, id, *status,
                                            optional_string(b, "reason").value_or(""));
         });
  action("replies", {"text", "asks_requester"},
         [&desk](const app::Actor& a, std::int64_t id, const nlohmann::json& b) {
           return desk.work().reply(a, id, required_string(b, "text"),
                                    optional_bool(b, "asks_requester").value_or(false));
         });
  action("notes", {"text"}, [&desk](const app::Actor& a, std::int64_t id, const nlohmann::json& b) {
    return desk.work().add_internal_note(a, id, required_string(b, "text"));
  });
  action("time-entries", {"minutes", "note"},
         [&desk](const app::Actor& a, std::int64_t id, const nlohmann::json& b) {
           return desk.work().log_time(a, id, small_int(b, "minutes"),
                                       optional_string(b, "note").value_or(""));
         });
  action("resolve", {"resolution", "time_spent_minutes"},
         [&desk](const app::Actor& a, std::int64_t id, const nlohmann::json& b) {
           return desk.work().resolve(a, id, required_string(b, "resolution"),
                                      small_int(b, "time_spent_minutes"));
         });
  action("evaluation", {"rating", "comment"},
         [&desk](const app::Actor& a, std::int64_t id, const nlohmann::json& b) {
           return desk.work().evaluate(a, id, small_int(b, "rating"),
                                       optional_string(b, "comment").value_or(""));
         });
  action("reopen", {"reason"},
         [&desk](const app::Actor& a, std::int64_t id, const nlohmann::json& b) {
           return desk.work().reopen(a, id, required_string(b, "reason"));
         });
  action("cancel", {"reason"},
         [&desk](const app::Actor& a, std::int64_t id, const nlohmann::json& b) {
           return desk.work().cancel(a, id, required_string(b, "reason"));
         });
  action("links", {"ticket_id", "kind"},
         [&desk](const app::Actor& a, std::int64_t id, const nlohmann::json& b) {
           return desk.work().link(a, id, required_integer(b, "ticket_id"),
                                   optional_string(b, "kind").value_or("related"));
         });
}

}  // namespace guiche::api
