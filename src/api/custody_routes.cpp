// Equipment custody (app/tickets/equipment_custody.hpp): recording an
// equipment's entry, maintenance steps and return on a ticket, a ticket's
// equipment, and the list of what the caller's units hold now (or, with
// ?asset_number=, every custody of that asset).
#include "api/caller.hpp"
#include "api/json_fields.hpp"
#include "api/problem.hpp"
#include "api/route_groups.hpp"
#include "app/tickets/equipment_custody.hpp"
#include "domain/error.hpp"

namespace guiche::api {
namespace {

nlohmann::json optional_json(const std::optional<std::int64_t>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json item_json(const CustodyItem& k) {
  return {{"ticket_id", k.ticket_id},
          {"protocol", k.protocol},
          {"entry_seq", k.entry_seq},
          {"unit_id", optional_json(k.unit_id)},
          {"asset_number", k.asset_number},
          {"kind", k.kind},
          {"brand_model", k.brand_model},
          {"serial_number", k.serial_number},
          {"condition", k.condition},
          {"accessories", k.accessories},
          {"delivered_by_id", optional_json(k.delivered_by_id)},
          {"delivered_by_name", k.delivered_by_name},
          {"received_by_id", optional_json(k.received_by_id)},
          {"received_by_name", k.received_by_name},
          {"entered_at", format_utc(k.entered_at)},
          {"maintenance_steps", k.maintenance_steps},
          {"taken_by_id", optional_json(k.taken_by_id)},
          {"taken_by_name", k.returned_at ? nlohmann::json(k.taken_by_name) : nullptr},
          {"return_note", k.returned_at ? nlohmann::json(k.return_note) : nullptr},
          {"returned_at", k.returned_at ? nlohmann::json(format_utc(*k.returned_at)) : nullptr}};
}

nlohmann::json list_json(const std::vector<CustodyItem>& items) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& k : items) out.push_back(item_json(k));
  return {{"items", out}};
}

// The latest entry of `asset` on the ticket: the one just recorded.
http::Response item_response(app::Desk& desk, const app::Actor& a, std::int64_t ticket_id,
                             const std::string& asset) {
  const auto items = desk.custody().ticket_equipment(a, ticket_id);
  const auto wanted = normalize_asset_number(asset);
  for (auto it = items.rbegin(); it != items.rend(); ++it) {
    if (it->asset_number == wanted) return json_response(201, item_json(*it));
  }
  throw not_found("Equipamento não encontrado neste chamado.");
}

}  // namespace

void add_custody_routes(ApiContext& ctx, std::vector<http::Route>& routes) {
  using Record = std::function<std::string(app::Desk&, const app::Actor&, std::int64_t,
                                           const nlohmann::json&)>;
  auto post = [&](const char* name, std::vector<std::string> fields, Record record) {
    routes.push_back({"POST", std::string("/api/v1/tickets/:id/equipment/") + name,
                      [&ctx, fields, record](const http::Request& r) {
                        return guarded([&] {
                          auto actor = require_caller(ctx, r);
                          const auto id = path_id(r.params.at("id"));
                          auto body = json_body(r, ctx.max_json_bytes);
                          reject_unknown_fields(body, fields);
                          const auto asset = record(ctx.desk, actor, id, body);
                          return item_response(ctx.desk, actor, id, asset);
                        });
                      }});
  };
  post("entry",
       {"asset_number", "kind", "brand_model", "serial_number", "condition", "accessories",
        "delivered_by_id", "delivered_by_name"},
       [](app::Desk& desk, const app::Actor& a, std::int64_t id, const nlohmann::json& b) {
         app::EquipmentEntry e;
         e.asset_number = required_string(b, "asset_number");
         e.kind = required_string(b, "kind");
         e.brand_model = optional_string(b, "brand_model").value_or("");
         e.serial_number = optional_string(b, "serial_number").value_or("");
         e.condition = required_string(b, "condition");
         e.accessories = optional_string(b, "accessories").value_or("");
         e.delivered_by_id = optional_integer(b, "delivered_by_id");
         e.delivered_by_name = optional_string(b, "delivered_by_name").value_or("");
         desk.custody().record_entry(a, id, e);
         return e.asset_number;
       });
  post("maintenance", {"asset_number", "text"},
       [](app::Desk& desk, const app::Actor& a, std::int64_t id, const nlohmann::json& b) {
         const auto asset = required_string(b, "asset_number");
         desk.custody().record_maintenance(a, id, asset, required_string(b, "text"));
         return asset;
       });
  post("return", {"asset_number", "taken_by_id", "taken_by_name", "note"},
       [](app::Desk& desk, const app::Actor& a, std::int64_t id, const nlohmann::json& b) {
         app::EquipmentReturn ret;
         ret.asset_number = required_string(b, "asset_number");
         ret.taken_by_id = optional_integer(b, "taken_by_id");
         ret.taken_by_name = optional_string(b, "taken_by_name").value_or("");
         ret.note = optional_string(b, "note").value_or("");
         desk.custody().record_return(a, id, ret);
         return ret.asset_number;
       });
  routes.push_back({"GET", "/api/v1/tickets/:id/equipment", [&ctx](const http::Request& r) {
                      return guarded([&] {
                        auto actor = require_caller(ctx, r);
                        const auto id = path_id(r.params.at("id"));
                        return json_response(
                            200, list_json(ctx.desk.custody().ticket_equipment(actor, id)));
                      });
                    }});
  routes.push_back(
      {"GET", "/api/v1/equipment", [&ctx](const http::Request& r) {
         return guarded([&] {
           auto actor = require_caller(ctx, r);
           const auto asset = r.query_value("asset_number");
           if (asset) {
             return json_response(200, list_json(ctx.desk.custody().search(
                                           actor, *asset, query_limit(r.query_value("limit")))));
           }
           const auto limit = query_id(r.query_value("limit"), "limit").value_or(500);
           if (limit < 1 || limit > 1000) {
             throw invalid_field("limit", "limit vai de 1 a 1000.");
           }
           return json_response(200,
                                list_json(ctx.desk.custody().held(actor, static_cast<int>(limit))));
         });
       }});
}

}  // namespace guiche::api
