// Tickets: register, read, list/search with keyset cursors, history, and the
// look-up by protocol number.
#include "api/access_reads.hpp"
#include "api/caller.hpp"
#include "api/directory_routes.hpp"
#include "api/json_fields.hpp"
#include "api/problem.hpp"
#include "api/route_groups.hpp"
#include "api/sla_json.hpp"
#include "api/ticket_json.hpp"
#include "api/ticket_registration.hpp"
#include "app/intake/intake.hpp"
#include "app/tickets/ticket_reads.hpp"

namespace guiche::api {
namespace {

http::Response register_ticket(ApiContext& ctx, const http::Request& r) {
  auto actor = require_caller(ctx, r);
  auto request = registration_from(json_body(r, ctx.max_json_bytes), actor.id());
  request.idempotency_key = r.header("idempotency-key");
  // The use case names the service and requester; the client sent their codes
  // and ids, and the key as a header.
  return with_api_fields({{"service", "service_code"},
                          {"requester", "requester_id"},
                          {"idempotency_key", "Idempotency-Key"}},
                         [&] {
                           auto ticket = ctx.desk.intake().register_request(actor, request);
                           auto response = json_response(201, ticket_json(ticket));
                           response.headers.emplace_back(
                               "Location", "/api/v1/tickets/" + std::to_string(ticket.id));
                           return response;
                         });
}

store::TicketFilter filter_from(const http::Request& r) {
  if (r.query_value("\x01malformed")) throw malformed("Parâmetros de consulta malformados.");
  store::TicketFilter f;
  if (auto statuses = r.query_value("status")) {
    std::size_t pos = 0;
    while (pos <= statuses->size()) {
      auto end = statuses->find(',', pos);
      if (end == std::string::npos) end = statuses->size();
      auto status = parse_status(statuses->substr(pos, end - pos));
      if (!status) throw invalid_field("status", "Situação desconhecida no filtro.");
      f.statuses.push_back(*status);
      pos = end + 1;
    }
  }
  f.unit_id = query_id(r.query_value("unit_id"), "unit_id");
  f.assignee_id = query_id(r.query_value("assignee_id"), "assignee_id");
  f.organization_id = query_id(r.query_value("organization_id"), "organization_id");
  f.requester_id = query_id(r.query_value("requester_id"), "requester_id");
  f.service_id = query_id(r.query_value("service_id"), "service_id");
  if (auto p = query_id(r.query_value("priority"), "priority")) f.priority = static_cast<int>(*p);
  f.unassigned_only = r.query_value("unassigned").value_or("") == "true";
  f.text = r.query_value("q").value_or("");
  auto sort = r.query_value("sort").value_or("created");
  if (sort == "deadline") {
    f.order = store::TicketOrder::deadline_first;
  } else if (sort != "created") {
    throw invalid_field("sort", "Ordenação inválida (created ou deadline).");
  }
  f.cursor = r.query_value("cursor").value_or("");
  f.limit = query_limit(r.query_value("limit"));
  return f;
}

http::Response list_tickets(ApiContext& ctx, const http::Request& r) {
  auto actor = require_caller(ctx, r);
  auto page = ctx.desk.tickets().list_tickets(actor, filter_from(r));
  auto items = nlohmann::json::array();
  for (auto& t : page.tickets) items.push_back(ticket_json(std::move(t)));
  // Moved in: an initializer list would copy the whole page.
  nlohmann::json body = nlohmann::json::object();
  body["items"] = std::move(items);
  body["next_cursor"] =
      page.next_cursor.empty() ? nlohmann::json(nullptr) : nlohmann::json(page.next_cursor);
  return json_response(200, body);
}

}  // namespace

void add_ticket_routes(ApiContext& ctx, std::vector<http::Route>& routes) {
  auto route = [&](const char* method, const char* path,
                   std::function<http::Response(const http::Request&)> handler) {
    routes.push_back({method, path, [handler](const http::Request& r) {
                        return guarded([&] { return handler(r); });
                      }});
  };
  route("POST", "/api/v1/tickets",
        [&ctx](const http::Request& r) { return register_ticket(ctx, r); });
  route("GET", "/api/v1/tickets", [&ctx](const http::Request& r) { return list_tickets(ctx, r); });
  route("GET", "/api/v1/tickets/:id", [&ctx](const http::Request& r) {
    auto actor = require_caller(ctx, r);
    const auto id = path_id(r.params.at("id"));
    // With the cached clock, in the same read (the explained timeline is at /sla).
    auto [ticket, sla] = ctx.desk.tickets().ticket_with_sla(actor, id);
    note_api_read(ctx, actor, r, ticket.requester_id, "ticket", ticket.id);
    auto body = ticket_json(ticket);
    body["sla"] = sla_summary_json(sla);
    return json_response(200, body);
  });
  route("GET", "/api/v1/tickets/by-protocol/:protocol", [&ctx](const http::Request& r) {
    auto actor = require_caller(ctx, r);
    const auto ticket = ctx.desk.tickets().ticket_by_protocol(actor, r.params.at("protocol"));
    note_api_read(ctx, actor, r, ticket.requester_id, "ticket", ticket.id);
    return json_response(200, ticket_json(ticket));
  });
  route("GET", "/api/v1/tickets/:id/events", [&ctx](const http::Request& r) {
    auto actor = require_caller(ctx, r);
    const auto id = path_id(r.params.at("id"));
    auto items = nlohmann::json::array();
    for (const auto& e : ctx.desk.tickets().history(actor, id)) items.push_back(event_json(e));
    // The history names the requester too: read within the same visibility check.
    note_api_read(ctx, actor, r, ctx.desk.tickets().ticket(actor, id).requester_id, "ticket_events",
                  id);
    return json_response(200, {{"items", items}});
  });
}

}  // namespace guiche::api
