// Manifestações (app/manifestations/manifestations.hpp): registering one
// (no sign-in needed), following and complementing it by protocol and code,
// the ouvidoria's queue and actions, and the settings admins keep.
#include "api/caller.hpp"
#include "api/json_fields.hpp"
#include "api/problem.hpp"
#include "api/route_groups.hpp"
#include "app/manifestations/manifestations.hpp"
#include "domain/error.hpp"

namespace guiche::api {
namespace {

nlohmann::json optional_json(const std::optional<std::int64_t>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json manifestation_json(const app::ManifestationView& v, bool for_author) {
  const auto& m = v.manifestation;
  nlohmann::json events = nlohmann::json::array();
  for (const auto& e : v.events) {
    nlohmann::json item = {{"kind", e.kind}, {"text", e.text}, {"at", format_utc(e.at)}};
    if (!for_author) item["actor_name"] = e.actor_name;
    events.push_back(item);
  }
  nlohmann::json out = {
      {"protocol", m.protocol},
      {"kind", manifestation_kind_code(m.kind)},
      {"identification", identification_code(m.identification)},
      {"status", manifestation_status_code(m.status)},
      {"service_id", optional_json(m.service_id)},
      {"service_name", m.service_name},
      {"subject", m.subject},
      {"description", m.description},
      {"answer_channel", answer_channel_code(m.answer_channel)},
      {"registered_at", format_utc(m.registered_at)},
      {"due_on", format_date(m.due_on)},
      {"deadline_standing", due_standing_code(v.standing)},
      {"extended", m.extension_days.has_value()},
      {"extension_reason", m.extension_reason},
      {"complement_due_on",
       v.complement_due_on ? nlohmann::json(format_date(*v.complement_due_on)) : nullptr},
      {"answer", m.answer},
      {"answered_at", m.answered_at ? nlohmann::json(format_utc(*m.answered_at)) : nullptr},
      {"events", events}};
  if (for_author) return out;
  out["id"] = m.id;
  out["unit_id"] = optional_json(m.unit_id);
  out["identity_shown"] = m.identity_shown;
  if (m.identity_shown && m.identification != Identification::anonymous) {
    out["manifestant"] = {{"person_id", optional_json(m.manifestant.person_id)},
                          {"name", m.manifestant.name},
                          {"email", m.manifestant.email},
                          {"phone", m.manifestant.phone},
                          {"cpf", m.manifestant.cpf}};
  } else {
    out["manifestant"] = nullptr;
  }
  nlohmann::json tickets = nlohmann::json::array();
  for (const auto& t : v.tickets) {
    tickets.push_back(
        {{"ticket_id", t.ticket_id}, {"protocol", t.protocol}, {"subject", t.subject}});
  }
  out["tickets"] = tickets;
  out["complement_window_over"] = v.complement_window_over;
  return out;
}

nlohmann::json list_json(const std::vector<app::ManifestationView>& views) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& v : views) {
    auto item = manifestation_json(v, false);
    item.erase("events");
    items.push_back(item);
  }
  return {{"items", items}};
}

// Signed in when the request carries credentials (which must then be good);
// anyone otherwise.
std::optional<app::Actor> optional_caller(ApiContext& ctx, const http::Request& r) {
  if (!r.header("authorization") && !r.cookie(kSessionCookie)) return std::nullopt;
  return require_caller(ctx, r);
}

std::string json_text(const nlohmann::json& b, const char* name) {
  return optional_string(b, name).value_or("");
}

nlohmann::json settings_json(const ManifestationSettings& s) {
  return {{"unit_id", optional_json(s.unit_id)},  {"calendar", s.calendar},
          {"answer_days", s.answer_days},         {"extension_days", s.extension_days},
          {"complement_days", s.complement_days}, {"warning_days", s.warning_days}};
}

int days_field(const nlohmann::json& b, const char* name, int fallback) {
  const auto v = optional_integer(b, name);
  if (!v) return fallback;
  if (*v < -1000 || *v > 1000) throw invalid_field(name, "Número de dias fora do limite.");
  return static_cast<int>(*v);
}

}  // namespace

void add_manifestation_routes(ApiContext& ctx, std::vector<http::Route>& routes) {
  routes.push_back(
      {"POST", "/api/v1/manifestations", [&ctx](const http::Request& r) {
         return guarded([&] {
           const auto actor = optional_caller(ctx, r);
           auto b = json_body(r, ctx.max_json_bytes);
           reject_unknown_fields(b, {"kind", "identification", "answer_channel", "service_code",
                                     "subject", "description", "name", "email", "phone", "cpf"});
           app::ManifestationForm f;
           f.kind = json_text(b, "kind");
           f.identification = json_text(b, "identification");
           f.answer_channel = json_text(b, "answer_channel");
           f.service_code = json_text(b, "service_code");
           f.subject = json_text(b, "subject");
           f.description = json_text(b, "description");
           f.name = json_text(b, "name");
           f.email = json_text(b, "email");
           f.phone = json_text(b, "phone");
           f.cpf = json_text(b, "cpf");
           const auto got = ctx.desk.manifestations().register_manifestation(actor, f);
           return json_response(201, {{"protocol", got.manifestation.protocol},
                                      {"tracking_code", got.tracking_code},
                                      {"due_on", format_date(got.manifestation.due_on)}});
         });
       }});
  // POST, not GET: the code is a secret and stays out of URLs and logs.
  routes.push_back({"POST", "/api/v1/manifestations/track", [&ctx](const http::Request& r) {
                      return guarded([&] {
                        auto b = json_body(r, ctx.max_json_bytes);
                        reject_unknown_fields(b, {"protocol", "tracking_code"});
                        const auto v = ctx.desk.manifestations().track(
                            required_string(b, "protocol"), required_string(b, "tracking_code"),
                            r.remote_address);
                        return json_response(200, manifestation_json(v, true));
                      });
                    }});
  routes.push_back(
      {"POST", "/api/v1/manifestations/track/complement", [&ctx](const http::Request& r) {
         return guarded([&] {
           auto b = json_body(r, ctx.max_json_bytes);
           reject_unknown_fields(b, {"protocol", "tracking_code", "text"});
           const auto v = ctx.desk.manifestations().complement(
               required_string(b, "protocol"), required_string(b, "tracking_code"),
               required_string(b, "text"), r.remote_address);
           return json_response(200, manifestation_json(v, true));
         });
       }});
  routes.push_back({"GET", "/api/v1/manifestations", [&ctx](const http::Request& r) {
                      return guarded([&] {
                        auto actor = require_caller(ctx, r);
                        const int limit = query_limit(r.query_value("limit"));
                        auto& m = ctx.desk.manifestations();
                        const auto which = r.query_value("status").value_or("running");
                        if (which == "all") {
                          return json_response(
                              200, list_json(m.recent(
                                       actor, limit, query_id(r.query_value("before"), "before"))));
                        }
                        if (which != "running") {
                          throw invalid_field("status", "status é running ou all.");
                        }
                        std::optional<store::QueueCursor> after;
                        if (const auto due = r.query_value("after_due_on")) {
                          if (!parse_date(*due)) {
                            throw invalid_field("after_due_on", "Data inválida (AAAA-MM-DD).");
                          }
                          after = store::QueueCursor{
                              *due, query_id(r.query_value("after_id"), "after_id").value_or(0)};
                        }
                        return json_response(200, list_json(m.queue(actor, limit, after)));
                      });
                    }});
  routes.push_back({"GET", "/api/v1/manifestations/:id", [&ctx](const http::Request& r) {
                      return guarded([&] {
                        auto actor = require_caller(ctx, r);
                        const auto v =
                            ctx.desk.manifestations().read(actor, path_id(r.params.at("id")));
                        return json_response(200, manifestation_json(v, false));
                      });
                    }});
  using Act = std::function<app::ManifestationView(app::Manifestations&, const app::Actor&,
                                                   std::int64_t, const nlohmann::json&)>;
  auto action = [&](const char* name, std::vector<std::string> fields, Act act) {
    routes.push_back({"POST", std::string("/api/v1/manifestations/:id/") + name,
                      [&ctx, fields, act](const http::Request& r) {
                        return guarded([&] {
                          auto actor = require_caller(ctx, r);
                          const auto id = path_id(r.params.at("id"));
                          auto body = r.body.empty() ? nlohmann::json::object()
                                                     : json_body(r, ctx.max_json_bytes);
                          reject_unknown_fields(body, fields);
                          const auto v = act(ctx.desk.manifestations(), actor, id, body);
                          return json_response(200, manifestation_json(v, false));
                        });
                      }});
  };
  action("complement-request", {"text"}, [](auto& m, const auto& a, auto id, const auto& b) {
    return m.request_complement(a, id, required_string(b, "text"));
  });
  action("extension", {"reason"}, [](auto& m, const auto& a, auto id, const auto& b) {
    return m.extend(a, id, required_string(b, "reason"));
  });
  action("answer", {"text"}, [](auto& m, const auto& a, auto id, const auto& b) {
    return m.answer(a, id, required_string(b, "text"));
  });
  action("archive", {},
         [](auto& m, const auto& a, auto id, const auto&) { return m.archive(a, id); });
  action("tickets", {"protocol"}, [](auto& m, const auto& a, auto id, const auto& b) {
    return m.link_ticket(a, id, required_string(b, "protocol"));
  });
  routes.push_back(
      {"GET", "/api/v1/manifestation-settings", [&ctx](const http::Request& r) {
         return guarded([&] {
           auto actor = require_caller(ctx, r);
           require_active(actor);
           if (!actor.person.has_role(Role::admin) && !app::is_ombudsman(actor.person)) {
             throw forbidden("Somente administradores e a ouvidoria veem esta configuração.");
           }
           return json_response(200, settings_json(ctx.desk.manifestations().settings()));
         });
       }});
  routes.push_back(
      {"PUT", "/api/v1/manifestation-settings", [&ctx](const http::Request& r) {
         return guarded([&] {
           auto actor = require_caller(ctx, r);
           auto b = json_body(r, ctx.max_json_bytes);
           reject_unknown_fields(b, {"unit_id", "calendar", "answer_days", "extension_days",
                                     "complement_days", "warning_days"});
           const ManifestationSettings defaults;
           ManifestationSettings s;
           s.unit_id = optional_integer(b, "unit_id");
           s.calendar = optional_string(b, "calendar").value_or(defaults.calendar);
           s.answer_days = days_field(b, "answer_days", defaults.answer_days);
           s.extension_days = days_field(b, "extension_days", defaults.extension_days);
           s.complement_days = days_field(b, "complement_days", defaults.complement_days);
           s.warning_days = days_field(b, "warning_days", defaults.warning_days);
           return json_response(200,
                                settings_json(ctx.desk.manifestations().update_settings(actor, s)));
         });
       }});
}

}  // namespace guiche::api
