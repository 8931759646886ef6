// Answer and solution templates, macros and bulk actions (issue 19, items 2
// and 4; app/answers/, app/tickets/bulk_actions.hpp):
//   GET/POST /api/v1/answer-templates, GET/PUT /api/v1/answer-templates/:id,
//   GET /api/v1/tickets/:id/answer-templates/:template_id (filled from the ticket),
//   GET/POST /api/v1/macros, GET/PUT /api/v1/macros/:id,
//   POST /api/v1/tickets/:id/macros/:macro_id, POST /api/v1/tickets/bulk.
#include "api/caller.hpp"
#include "api/directory_routes.hpp"
#include "api/json_fields.hpp"
#include "api/problem.hpp"
#include "api/route_groups.hpp"
#include "api/ticket_json.hpp"
#include "app/answers/answer_templates.hpp"
#include "app/answers/macros.hpp"
#include "app/tickets/bulk_actions.hpp"
#include "domain/error.hpp"

namespace guiche::api {
namespace {

nlohmann::json nullable(const std::optional<std::int64_t>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json answer_template_json(const AnswerTemplate& t) {
  return {{"id", t.id},
          {"kind", template_kind_code(t.kind)},
          {"unit_id", nullable(t.unit_id)},
          {"title", t.title},
          {"body", t.body},
          {"active", t.active},
          {"updated_at", format_utc(t.updated_at)}};
}

nlohmann::json macro_json(const TicketMacro& m) {
  return {{"id", m.id},
          {"unit_id", nullable(m.unit_id)},
          {"name", m.name},
          {"reply_template_id", nullable(m.reply_template_id)},
          {"set_status",
           m.set_status ? nlohmann::json(status_code(*m.set_status)) : nlohmann::json(nullptr)},
          {"route_unit_id", nullable(m.route_unit_id)},
          {"minutes", m.minutes ? nlohmann::json(*m.minutes) : nlohmann::json(nullptr)},
          {"solution_template_id", nullable(m.solution_template_id)},
          {"active", m.active},
          {"updated_at", format_utc(m.updated_at)}};
}

const std::vector<std::string> kTemplateFields = {"kind", "unit_id", "title", "body", "active"};
const std::vector<std::string> kMacroFields = {
    "unit_id",       "name",    "reply_template_id",    "set_status",
    "route_unit_id", "minutes", "solution_template_id", "active"};

AnswerTemplate template_from(const nlohmann::json& b, std::int64_t id) {
  AnswerTemplate t;
  t.id = id;
  auto kind = parse_template_kind(required_string(b, "kind"));
  if (!kind) throw invalid_field("kind", "O tipo deve ser answer ou solution.");
  t.kind = *kind;
  t.unit_id = optional_integer(b, "unit_id");
  t.title = required_string(b, "title");
  t.body = required_string(b, "body");
  t.active = optional_bool(b, "active").value_or(true);
  return t;
}

TicketMacro macro_from(const nlohmann::json& b, std::int64_t id) {
  TicketMacro m;
  m.id = id;
  m.unit_id = optional_integer(b, "unit_id");
  m.name = required_string(b, "name");
  m.reply_template_id = optional_integer(b, "reply_template_id");
  if (auto s = optional_string(b, "set_status")) {
    m.set_status = parse_status(*s);
    if (!m.set_status) throw invalid_field("set_status", "Situação desconhecida.");
  }
  m.route_unit_id = optional_integer(b, "route_unit_id");
  if (auto minutes = optional_integer(b, "minutes")) {
    if (*minutes < 1 || *minutes > 100000) {
      throw invalid_field("minutes", "Informe o tempo em minutos (1 a 100000).");
    }
    m.minutes = static_cast<int>(*minutes);
  }
  m.solution_template_id = optional_integer(b, "solution_template_id");
  m.active = optional_bool(b, "active").value_or(true);
  return m;
}

const std::map<std::string, std::string> kMacroApiFields = {
    {"unit", "unit_id"},
    {"route_unit", "route_unit_id"},
    {"reply_template", "reply_template_id"},
    {"solution_template", "solution_template_id"},
    {"status", "set_status"}};

app::BulkAction bulk_action_from(const nlohmann::json& body) {
  if (!body.contains("action") || !body["action"].is_object()) {
    throw invalid_field("action", "Informe a ação (action, um objeto com kind).");
  }
  const auto& a = body["action"];
  reject_unknown_fields(
      a, {"kind", "assignee_id", "unit_id", "status", "reason", "notice_id", "macro_id"});
  app::BulkAction out;
  const auto kind = app::parse_bulk_kind(required_string(a, "kind"));
  if (!kind) {
    throw invalid_field("kind", "A ação deve ser assign, route, status, notice ou macro.");
  }
  out.kind = *kind;
  switch (out.kind) {
    case app::BulkAction::Kind::assign:
      out.assignee_id = optional_integer(a, "assignee_id");
      break;
    case app::BulkAction::Kind::route:
      out.unit_id = required_integer(a, "unit_id");
      break;
    case app::BulkAction::Kind::status: {
      auto s = parse_status(required_string(a, "status"));
      if (!s) throw invalid_field("status", "Situação desconhecida.");
      out.status = *s;
      out.reason = optional_string(a, "reason").value_or("");
      break;
    }
    case app::BulkAction::Kind::notice:
      out.notice_id = required_integer(a, "notice_id");
      break;
    case app::BulkAction::Kind::macro:
      out.macro_id = required_integer(a, "macro_id");
      break;
  }
  return out;
}

std::vector<std::int64_t> bulk_ids(const nlohmann::json& body) {
  if (!body.contains("ticket_ids") || !body["ticket_ids"].is_array()) {
    throw invalid_field("ticket_ids", "Informe ticket_ids, uma lista de ids de chamados.");
  }
  std::vector<std::int64_t> ids;
  for (const auto& v : body["ticket_ids"]) {
    if (!v.is_number_integer()) {
      throw invalid_field("ticket_ids", "Cada item de ticket_ids deve ser um número inteiro.");
    }
    ids.push_back(v.get<std::int64_t>());
    // Refused by the use case too; this keeps a huge body from being read whole.
    if (ids.size() > app::BulkActions::kMaxTickets) break;
  }
  return ids;
}

}  // namespace

void add_answer_routes(ApiContext& ctx, std::vector<http::Route>& routes) {
  app::Desk& desk = ctx.desk;
  add_guarded_route(
      routes, "GET", "/api/v1/answer-templates", [&ctx, &desk](const http::Request& r) {
        auto actor = require_caller(ctx, r);
        auto items = nlohmann::json::array();
        if (r.query_value("kept").value_or("") == "true") {
          for (const auto& t : desk.answer_templates().kept(actor)) {
            items.push_back(answer_template_json(t));
          }
          return items_response(items);
        }
        const auto kind_text = r.query_value("kind").value_or("answer");
        const auto kind = parse_template_kind(kind_text);
        if (!kind) {
          throw invalid_field("kind", "O tipo deve ser answer ou solution.");
        }
        for (const auto& t :
             desk.answer_templates().offered(actor, *kind, r.query_value("q").value_or(""))) {
          items.push_back(answer_template_json(t));
        }
        return items_response(items);
      });
  add_guarded_route(routes, "POST", "/api/v1/answer-templates",
                    [&ctx, &desk](const http::Request& r) {
                      auto actor = require_caller(ctx, r);
                      auto body = strict_body(ctx, r, kTemplateFields);
                      AnswerTemplate saved;
                      with_api_fields({{"unit", "unit_id"}}, [&] {
                        saved = desk.answer_templates().save(actor, template_from(body, 0));
                        return no_content();
                      });
                      return created(answer_template_json(saved),
                                     "/api/v1/answer-templates/" + std::to_string(saved.id));
                    });
  add_guarded_route(routes, "GET", "/api/v1/answer-templates/:id",
                    [&ctx, &desk](const http::Request& r) {
                      auto actor = require_caller(ctx, r);
                      return json_response(200, answer_template_json(desk.answer_templates().get(
                                                    actor, path_id(r.params.at("id")))));
                    });
  add_guarded_route(routes, "PUT", "/api/v1/answer-templates/:id",
                    [&ctx, &desk](const http::Request& r) {
                      auto actor = require_caller(ctx, r);
                      auto body = strict_body(ctx, r, kTemplateFields);
                      require_every_field(body, kTemplateFields);
                      const auto id = path_id(r.params.at("id"));
                      return with_api_fields({{"unit", "unit_id"}}, [&] {
                        return json_response(200, answer_template_json(desk.answer_templates().save(
                                                      actor, template_from(body, id))));
                      });
                    });
  add_guarded_route(routes, "GET", "/api/v1/tickets/:id/answer-templates/:template_id",
                    [&ctx, &desk](const http::Request& r) {
                      auto actor = require_caller(ctx, r);
                      const auto text = desk.answer_templates().fill(
                          actor, path_id(r.params.at("template_id")), path_id(r.params.at("id")));
                      return json_response(200, {{"text", text}});
                    });

  add_guarded_route(routes, "GET", "/api/v1/macros", [&ctx, &desk](const http::Request& r) {
    auto actor = require_caller(ctx, r);
    auto items = nlohmann::json::array();
    const bool kept = r.query_value("kept").value_or("") == "true";
    for (const auto& m : kept ? desk.macros().kept(actor) : desk.macros().offered(actor)) {
      items.push_back(macro_json(m));
    }
    return items_response(items);
  });
  add_guarded_route(routes, "POST", "/api/v1/macros", [&ctx, &desk](const http::Request& r) {
    auto actor = require_caller(ctx, r);
    auto body = strict_body(ctx, r, kMacroFields);
    TicketMacro saved;
    with_api_fields(kMacroApiFields, [&] {
      saved = desk.macros().save(actor, macro_from(body, 0));
      return no_content();
    });
    return created(macro_json(saved), "/api/v1/macros/" + std::to_string(saved.id));
  });
  add_guarded_route(routes, "GET", "/api/v1/macros/:id", [&ctx, &desk](const http::Request& r) {
    auto actor = require_caller(ctx, r);
    return json_response(200, macro_json(desk.macros().get(actor, path_id(r.params.at("id")))));
  });
  add_guarded_route(routes, "PUT", "/api/v1/macros/:id", [&ctx, &desk](const http::Request& r) {
    auto actor = require_caller(ctx, r);
    auto body = strict_body(ctx, r, kMacroFields);
    require_every_field(body, kMacroFields);
    const auto id = path_id(r.params.at("id"));
    return with_api_fields(kMacroApiFields, [&] {
      return json_response(200, macro_json(desk.macros().save(actor, macro_from(body, id))));
    });
  });
  add_guarded_route(routes, "POST", "/api/v1/tickets/:id/macros/:macro_id",
                    [&ctx, &desk](const http::Request& r) {
                      auto actor = require_caller(ctx, r);
                      const auto t = desk.macros().apply(actor, path_id(r.params.at("macro_id")),
                                                         path_id(r.params.at("id")));
                      return json_response(200, ticket_json(t));
                    });
  add_guarded_route(routes, "POST", "/api/v1/tickets/bulk", [&ctx, &desk](const http::Request& r) {
    auto actor = require_caller(ctx, r);
    auto body = strict_body(ctx, r, {"ticket_ids", "action"});
    const auto ids = bulk_ids(body);
    const auto action = bulk_action_from(body);
    const auto report = desk.bulk().apply(actor, ids, action);
    auto tickets = nlohmann::json::array();
    for (const auto& o : report.tickets) {
      nlohmann::json item{{"ticket_id", o.ticket_id}, {"done", o.done}};
      item["protocol"] = o.protocol.empty() ? nlohmann::json(nullptr) : nlohmann::json(o.protocol);
      if (!o.done) item["reason"] = o.reason;
      tickets.push_back(std::move(item));
    }
    return json_response(
        200, {{"done", report.done}, {"skipped", report.skipped}, {"tickets", tickets}});
  });
}

}  // namespace guiche::api
