// Merging duplicates, undoing a merge, splitting a message off
// (app/tickets/ticket_merge.hpp), and agents following tickets with their
// notifications (app/tickets/ticket_following.hpp).
#include "api/caller.hpp"
#include "api/directory_routes.hpp"
#include "api/json_fields.hpp"
#include "api/problem.hpp"
#include "api/route_groups.hpp"
#include "api/ticket_json.hpp"
#include "app/tickets/ticket_following.hpp"
#include "app/tickets/ticket_merge.hpp"

namespace guiche::api {
namespace {

nlohmann::json merge_json(const app::MergeResult& m) {
  nlohmann::json merged = nlohmann::json::array();
  for (const auto& t : m.merged) merged.push_back(ticket_json(t));
  return {{"survivor", ticket_json(m.survivor)}, {"merged", merged}};
}

std::vector<std::int64_t> duplicate_ids(const nlohmann::json& body) {
  if (!body.contains("duplicate_ids") || !body["duplicate_ids"].is_array()) {
    throw invalid_field("duplicate_ids", "Informe duplicate_ids: a lista de chamados duplicados.");
  }
  std::vector<std::int64_t> ids;
  for (const auto& v : body["duplicate_ids"]) {
    if (!v.is_number_integer() || v.get<std::int64_t>() < 1) {
      throw invalid_field("duplicate_ids", "Cada item de duplicate_ids deve ser um id de chamado.");
    }
    ids.push_back(v.get<std::int64_t>());
  }
  return ids;
}

nlohmann::json notification_json(const app::AgentNotificationView& n) {
  return {{"id", n.row.id},
          {"kind", n.row.kind},
          {"ticket_id", n.row.ticket_id},
          {"protocol", n.protocol},
          {"subject", n.subject},
          {"event_seq", n.row.event_seq},
          {"actor_name", n.actor_name},
          {"text", n.text},
          {"at", format_utc(n.row.at)},
          {"read", n.row.read_at.has_value()}};
}

}  // namespace

void add_ticket_merge_routes(ApiContext& ctx, std::vector<http::Route>& routes) {
  app::Desk& desk = ctx.desk;
  routes.push_back({"POST", "/api/v1/tickets/:id/merge", [&ctx, &desk](const http::Request& r) {
                      return guarded([&] {
                        auto actor = require_caller(ctx, r);
                        const auto id = path_id(r.params.at("id"));
                        auto body = json_body(r, ctx.max_json_bytes);
                        reject_unknown_fields(body, {"duplicate_ids", "note"});
                        const auto ids = duplicate_ids(body);
                        return with_api_fields({{"duplicates", "duplicate_ids"}}, [&] {
                          return json_response(
                              200,
                              merge_json(desk.merges().merge(
                                  actor, id, ids, optional_string(body, "note").value_or(""))));
                        });
                      });
                    }});
  routes.push_back({"POST", "/api/v1/tickets/:id/unmerge", [&ctx, &desk](const http::Request& r) {
                      return guarded([&] {
                        auto actor = require_caller(ctx, r);
                        const auto id = path_id(r.params.at("id"));
                        auto body = json_body(r, ctx.max_json_bytes);
                        reject_unknown_fields(body, {});
                        return json_response(200, merge_json(desk.merges().undo(actor, id)));
                      });
                    }});
  routes.push_back({"POST", "/api/v1/tickets/:id/split", [&ctx, &desk](const http::Request& r) {
                      return guarded([&] {
                        auto actor = require_caller(ctx, r);
                        const auto id = path_id(r.params.at("id"));
                        auto body = json_body(r, ctx.max_json_bytes);
                        reject_unknown_fields(body, {"event_seq", "subject"});
                        const auto seq = required_integer(body, "event_seq");
                        return with_api_fields({{"event", "event_seq"}}, [&] {
                          return json_response(
                              201,
                              ticket_json(desk.merges().split(
                                  actor, id, seq, optional_string(body, "subject").value_or(""))));
                        });
                      });
                    }});
  routes.push_back({"GET", "/api/v1/tickets/:id/followers", [&ctx, &desk](const http::Request& r) {
                      return guarded([&] {
                        auto actor = require_caller(ctx, r);
                        nlohmann::json items = nlohmann::json::array();
                        for (const auto& f :
                             desk.following().followers(actor, path_id(r.params.at("id")))) {
                          items.push_back({{"person_id", f.person_id},
                                           {"name", f.name},
                                           {"kind", f.kind},
                                           {"via_protocol", f.via_protocol}});
                        }
                        return json_response(200, {{"items", items}});
                      });
                    }});
  for (const char* method : {"PUT", "DELETE"}) {
    const bool follow = std::string_view(method) == "PUT";
    routes.push_back(
        {method, "/api/v1/tickets/:id/following", [&ctx, &desk, follow](const http::Request& r) {
           return guarded([&] {
             auto actor = require_caller(ctx, r);
             const auto id = path_id(r.params.at("id"));
             if (follow) {
               desk.following().follow(actor, id);
             } else {
               desk.following().unfollow(actor, id);
             }
             return no_content();
           });
         }});
  }
  routes.push_back({"GET", "/api/v1/following", [&ctx, &desk](const http::Request& r) {
                      return guarded([&] {
                        auto actor = require_caller(ctx, r);
                        nlohmann::json items = nlohmann::json::array();
                        for (const auto& t : desk.following().followed(
                                 actor, query_id(r.query_value("before"), "before"),
                                 query_limit(r.query_value("limit")))) {
                          items.push_back(ticket_json(t));
                        }
                        return json_response(200, {{"items", items}});
                      });
                    }});
  routes.push_back({"GET", "/api/v1/notifications", [&ctx, &desk](const http::Request& r) {
                      return guarded([&] {
                        auto actor = require_caller(ctx, r);
                        nlohmann::json items = nlohmann::json::array();
                        for (const auto& n : desk.following().notifications(
                                 actor, query_id(r.query_value("before"), "before"),
                                 query_limit(r.query_value("limit")))) {
                          items.push_back(notification_json(n));
                        }
                        return json_response(
                            200, {{"items", items}, {"unread", desk.following().unread(actor)}});
                      });
                    }});
  routes.push_back({"POST", "/api/v1/notifications/read", [&ctx, &desk](const http::Request& r) {
                      return guarded([&] {
                        auto actor = require_caller(ctx, r);
                        auto body = json_body(r, ctx.max_json_bytes);
                        reject_unknown_fields(body, {"ticket_id"});
                        desk.following().mark_read(actor, optional_integer(body, "ticket_id"));
                        return no_content();
                      });
                    }});
}

}  // namespace guiche::api
