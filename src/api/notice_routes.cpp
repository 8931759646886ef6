// Incident communication for the staff (docs/domain.md, "Incident
// communication"): the status page's components (admins change them), the
// notices board, reporting an incident, scheduling a maintenance, one
// notice with its whole timeline (drafts included), and each step the norm
// orders (POST .../actions). Who may do what is decided by the use cases
// (app/incidents/status_notices.hpp); the public face is /status.
#include "api/caller.hpp"
#include "api/directory_routes.hpp"
#include "api/json_fields.hpp"
#include "api/problem.hpp"
#include "api/route_groups.hpp"
#include "app/incidents/notice_tickets.hpp"
#include "app/incidents/status_components.hpp"
#include "app/incidents/status_notices.hpp"
#include "domain/error.hpp"
#include "domain/ticket_status.hpp"

namespace guiche::api {
namespace {

nlohmann::json component_json(const StatusComponent& c) {
  return {{"id", c.id},
          {"name", c.name},
          {"group_name", c.group_name},
          {"description", c.description},
          {"service_id", c.service_id ? nlohmann::json(*c.service_id) : nullptr},
          {"responsible_unit_id", c.responsible_unit_id},
          {"organization_ids", c.organization_ids},
          {"active", c.active}};
}

nlohmann::json optional_instant_json(const std::optional<Instant>& t) {
  return t ? nlohmann::json(format_utc(*t)) : nlohmann::json(nullptr);
}

nlohmann::json event_json(const NoticeEvent& e) {
  nlohmann::json out = {{"id", e.id},
                        {"action", notice_action_code(e.action)},
                        {"state", notice_state_code(e.state_after)},
                        {"at", format_utc(e.at)},
                        {"actor_id", e.actor_id ? nlohmann::json(*e.actor_id) : nullptr},
                        {"channel", channel_code(e.channel)},
                        {"data", e.data},
                        {"message", nullptr},
                        {"published_at", optional_instant_json(e.published_at)}};
  if (e.message) {
    out["message"] = {
        {"key", e.message->key}, {"title", e.message->title}, {"text", e.message->text}};
  }
  return out;
}

// A ticket the caller may not see is named by its protocol and status only.
nlohmann::json linked_ticket_json(const app::LinkedTicket& t) {
  nlohmann::json out = {{"id", t.id},
                        {"protocol", t.protocol},
                        {"status", status_code(t.status)},
                        {"subject", nullptr},
                        {"requester_name", nullptr}};
  if (t.visible) {
    out["subject"] = t.subject;
    out["requester_name"] = t.requester_name;
  }
  return out;
}

nlohmann::json notice_json(const app::NoticeView& v) {
  const auto& n = v.notice;
  nlohmann::json events = nlohmann::json::array();
  for (const auto& e : v.events) events.push_back(event_json(e));
  nlohmann::json tickets = nlohmann::json::array();
  for (const auto& t : v.tickets) tickets.push_back(linked_ticket_json(t));
  return {{"id", n.id},
          {"kind", notice_kind_code(n.kind)},
          {"state", notice_state_code(n.state)},
          {"public_state", n.public_state ? nlohmann::json(notice_state_code(*n.public_state))
                                          : nlohmann::json(nullptr)},
          {"title", n.title},
          {"impact", n.impact},
          {"component_ids", n.component_ids},
          {"organization_id", n.organization_id ? nlohmann::json(*n.organization_id) : nullptr},
          {"reporter_kind", reporter_kind_code(n.reporter_kind)},
          {"reported_by", n.reported_by ? nlohmann::json(*n.reported_by) : nullptr},
          {"starts_at", optional_instant_json(n.starts_at)},
          {"ends_at", optional_instant_json(n.ends_at)},
          {"created_at", format_utc(n.created_at)},
          {"updated_at", format_utc(n.updated_at)},
          {"has_drafts", v.has_drafts},
          {"ticket_ids", v.ticket_ids},
          {"tickets", tickets},
          {"events", events}};
}

nlohmann::json resolve_report_json(const app::ResolveLinkedReport& r) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& o : r.tickets) {
    auto item = linked_ticket_json(o.ticket);
    using R = app::LinkedTicketOutcome::Result;
    item["result"] = o.result == R::resolved       ? "resolved"
                     : o.result == R::already_done ? "already_done"
                                                   : "failed";
    item["reason"] = o.reason.empty() ? nlohmann::json(nullptr) : nlohmann::json(o.reason);
    items.push_back(item);
  }
  return {{"resolved", r.resolved}, {"failed", r.failed}, {"items", items}};
}

std::optional<Instant> optional_instant(const nlohmann::json& body, const char* name) {
  auto text = optional_string(body, name);
  if (!text) return std::nullopt;
  auto t = parse_instant(*text);
  if (!t) {
    throw invalid_field(name, std::string("Data e hora inválidas em ") + name +
                                  ": use ISO 8601 com o fuso, como 2026-12-05T22:00:00-03:00.");
  }
  return t;
}

std::vector<std::int64_t> id_list(const nlohmann::json& body, const char* name) {
  std::vector<std::int64_t> ids;
  if (!body.contains(name)) return ids;
  const auto& list = body[name];
  if (!list.is_array())
    throw invalid_field(name, std::string(name) + " deve ser uma lista de ids.");
  for (const auto& item : list) {
    if (!item.is_number_integer()) {
      throw invalid_field(name, std::string(name) + " deve ser uma lista de ids.");
    }
    ids.push_back(item.get<std::int64_t>());
  }
  return ids;
}

const std::vector<std::string> kComponentFields = {
    "name",  "group_name", "description", "service_id", "responsible_unit_id", "organization_ids",
    "active"};

StatusComponent component_from(const nlohmann::json& b, StatusComponent c) {
  set_text(b, "name", c.name);
  set_text(b, "group_name", c.group_name);
  set_text(b, "description", c.description);
  set_optional_id(b, "service_id", c.service_id);
  if (b.contains("responsible_unit_id"))
    c.responsible_unit_id = required_integer(b, "responsible_unit_id");
  if (b.contains("organization_ids")) c.organization_ids = id_list(b, "organization_ids");
  set_flag(b, "active", c.active);
  return c;
}

}  // namespace

void add_notice_routes(ApiContext& ctx, std::vector<http::Route>& routes) {
  app::Desk& desk = ctx.desk;
  add_guarded_route(routes, "GET", "/api/v1/status-components",
                    [&ctx, &desk](const http::Request& r) {
                      require_caller(ctx, r);
                      auto items = nlohmann::json::array();
                      for (const auto& c : desk.status_components().components(true))
                        items.push_back(component_json(c));
                      return items_response(items);
                    });
  add_guarded_route(
      routes, "POST", "/api/v1/status-components", [&ctx, &desk](const http::Request& r) {
        auto actor = require_caller(ctx, r);
        auto body = strict_body(ctx, r, kComponentFields);
        auto c = desk.status_components().create_component(actor, component_from(body, {}));
        return created(component_json(c), "/api/v1/status-components/" + std::to_string(c.id));
      });
  add_guarded_route(
      routes, "PATCH", "/api/v1/status-components/:id", [&ctx, &desk](const http::Request& r) {
        auto actor = require_caller(ctx, r);
        auto body = strict_body(ctx, r, kComponentFields);
        auto current = desk.status_components().component(path_id(r.params.at("id")));
        return json_response(200, component_json(desk.status_components().update_component(
                                      actor, component_from(body, current))));
      });
  add_guarded_route(routes, "GET", "/api/v1/notices", [&ctx, &desk](const http::Request& r) {
    auto actor = require_caller(ctx, r);
    auto items = nlohmann::json::array();
    for (const auto& v : desk.status_notices().board(actor)) items.push_back(notice_json(v));
    return items_response(items);
  });
  add_guarded_route(routes, "POST", "/api/v1/notices", [&ctx, &desk](const http::Request& r) {
    auto actor = require_caller(ctx, r);
    auto body = strict_body(ctx, r,
                            {"kind", "component_ids", "title", "impact", "description",
                             "organization_id", "starts_at", "ends_at"});
    const auto kind = parse_notice_kind(required_string(body, "kind"));
    if (!kind) throw invalid_field("kind", "kind deve ser incident ou maintenance.");
    app::NoticeView v;
    if (*kind == NoticeKind::incident) {
      app::ReportIncident report;
      report.component_ids = id_list(body, "component_ids");
      report.title = optional_string(body, "title").value_or("");
      report.impact = optional_string(body, "impact").value_or("");
      report.description = optional_string(body, "description").value_or("");
      report.organization_id = optional_integer(body, "organization_id");
      v = desk.status_notices().report_incident(actor, report);
    } else {
      app::ScheduleMaintenance s;
      s.component_ids = id_list(body, "component_ids");
      s.title = optional_string(body, "title").value_or("");
      s.impact = optional_string(body, "impact").value_or("");
      s.starts_at = optional_instant(body, "starts_at");
      s.ends_at = optional_instant(body, "ends_at");
      v = desk.status_notices().schedule_maintenance(actor, s);
    }
    return created(notice_json(v), "/api/v1/notices/" + std::to_string(v.notice.id));
  });
  add_guarded_route(routes, "GET", "/api/v1/notices/:id", [&ctx, &desk](const http::Request& r) {
    auto actor = require_caller(ctx, r);
    return json_response(
        200, notice_json(desk.status_notices().notice(actor, path_id(r.params.at("id")))));
  });
  add_guarded_route(
      routes, "POST", "/api/v1/notices/:id/actions", [&ctx, &desk](const http::Request& r) {
        auto actor = require_caller(ctx, r);
        const auto id = path_id(r.params.at("id"));
        auto body = strict_body(
            ctx, r,
            {"action", "text", "position", "impact", "organization_id", "starts_at", "ends_at"});
        const auto action = parse_notice_action(required_string(body, "action"));
        if (!action || *action == NoticeAction::report || *action == NoticeAction::schedule ||
            *action == NoticeAction::remind) {
          throw invalid_field("action", "Ação desconhecida para um comunicado.");
        }
        app::NoticeStep step;
        step.action = *action;
        step.text = optional_string(body, "text").value_or("");
        step.position = optional_string(body, "position").value_or("");
        step.impact = optional_string(body, "impact").value_or("");
        step.organization_id = optional_integer(body, "organization_id");
        step.starts_at = optional_instant(body, "starts_at");
        step.ends_at = optional_instant(body, "ends_at");
        return json_response(200, notice_json(desk.status_notices().act(actor, id, step)));
      });
  // Tickets linked to a notice (app/incidents/notice_tickets.hpp).
  add_guarded_route(
      routes, "POST", "/api/v1/notices/:id/tickets", [&ctx, &desk](const http::Request& r) {
        auto actor = require_caller(ctx, r);
        const auto id = path_id(r.params.at("id"));
        auto body = strict_body(ctx, r, {"ticket_id"});
        const auto ticket_id = required_integer(body, "ticket_id");
        return json_response(200,
                             notice_json(desk.notice_tickets().link_ticket(actor, id, ticket_id)));
      });
  add_guarded_route(routes, "DELETE", "/api/v1/notices/:id/tickets/:ticket_id",
                    [&ctx, &desk](const http::Request& r) {
                      auto actor = require_caller(ctx, r);
                      desk.notice_tickets().unlink_ticket(actor, path_id(r.params.at("id")),
                                                          path_id(r.params.at("ticket_id")));
                      return no_content();
                    });
  add_guarded_route(
      routes, "POST", "/api/v1/notices/:id/resolve-tickets", [&ctx, &desk](const http::Request& r) {
        auto actor = require_caller(ctx, r);
        const auto id = path_id(r.params.at("id"));
        auto body = strict_body(ctx, r, {"note", "time_spent_minutes"});
        const auto note = required_string(body, "note");
        const auto minutes = optional_integer(body, "time_spent_minutes").value_or(1);
        if (minutes < 1 || minutes > 100000) {
          throw invalid_field("time_spent_minutes",
                              "Informe o tempo gasto em cada chamado em minutos (1 a 100000).");
        }
        return json_response(200, resolve_report_json(desk.notice_tickets().resolve_linked_tickets(
                                      actor, id, note, static_cast<int>(minutes))));
      });
}

}  // namespace guiche::api
