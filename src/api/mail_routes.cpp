// Mail intake: the gateway's delivery of one raw message (guiche mailgate, an
// MTA pipe) and the quarantine the central de serviços works. The desk
// decides who may; the delivery needs an attendant's token (the mail
// gateway's account, created by an admin).
#include "api/caller.hpp"
#include "api/directory_routes.hpp"
#include "api/json_fields.hpp"
#include "api/problem.hpp"
#include "api/route_groups.hpp"
#include "api/ticket_json.hpp"
#include "app/mail_intake/mail_intake.hpp"
#include "domain/error.hpp"

namespace guiche::api {
namespace {

nlohmann::json optional_id(const std::optional<std::int64_t>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json receipt_json(const app::MailReceipt& r) {
  return {{"inbound_id", r.inbound_id},
          {"outcome", r.outcome},
          {"ticket_id", optional_id(r.ticket_id)},
          {"protocol", r.protocol.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.protocol)},
          {"detail", r.detail}};
}

nlohmann::json quarantine_json(const store::QuarantineRecord& q) {
  const auto& m = q.message;
  return {{"id", m.id},
          {"state", q.state},
          {"reason", q.reason},
          {"attempts", q.attempts},
          {"updated_at", format_utc(q.updated_at)},
          {"message_id", m.message_id},
          {"source", m.source},
          {"received_at", format_utc(m.received_at)},
          {"sender", m.sender},
          {"subject", m.subject},
          {"size_bytes", m.raw_size},
          {"outcome", m.outcome},
          {"ticket_id", optional_id(m.ticket_id)}};
}

// The body is the message itself, as an MTA hands it over.
http::Response inbound(ApiContext& ctx, const http::Request& r) {
  auto actor = require_caller(ctx, r);
  const auto type = r.header("content-type").value_or("");
  if (type.rfind("message/rfc822", 0) != 0) {
    throw DomainError(DomainError::Kind::unsupported_type,
                      "Envie a mensagem inteira com Content-Type: message/rfc822.");
  }
  return json_response(202, receipt_json(ctx.desk.mail().receive_mail(actor, r.body, "mailgate")));
}

}  // namespace

void add_mail_routes(ApiContext& ctx, std::vector<http::Route>& routes) {
  app::Desk& desk = ctx.desk;
  add_guarded_route(routes, "POST", "/api/v1/mail/inbound",
                    [&ctx](const http::Request& r) { return inbound(ctx, r); });
  add_guarded_route(
      routes, "GET", "/api/v1/mail/quarantine", [&ctx, &desk](const http::Request& r) {
        auto actor = require_caller(ctx, r);
        const int limit = query_limit(r.query_value("limit"));
        auto items = nlohmann::json::array();
        for (const auto& q :
             desk.mail().mail_quarantine(actor, r.query_value("state").value_or("pending"),
                                         query_id(r.query_value("before"), "before"), limit))
          items.push_back(quarantine_json(q));
        return items_response(items);
      });
  add_guarded_route(
      routes, "GET", "/api/v1/mail/quarantine/:id", [&ctx, &desk](const http::Request& r) {
        auto actor = require_caller(ctx, r);
        return json_response(
            200, quarantine_json(desk.mail().quarantined_mail(actor, path_id(r.params.at("id")))));
      });
  add_guarded_route(
      routes, "GET", "/api/v1/mail/quarantine/:id/raw", [&ctx, &desk](const http::Request& r) {
        auto actor = require_caller(ctx, r);
        const auto id = path_id(r.params.at("id"));
        http::Response response{200, "message/rfc822", desk.mail().quarantined_raw(actor, id), {}};
        response.headers = {{"Content-Disposition",
                             "attachment; filename=\"mensagem-" + std::to_string(id) + ".eml\""},
                            {"X-Content-Type-Options", "nosniff"},
                            {"Cache-Control", "private, no-cache"}};
        return response;
      });
  add_guarded_route(
      routes, "POST", "/api/v1/mail/quarantine/:id/retry", [&ctx, &desk](const http::Request& r) {
        auto actor = require_caller(ctx, r);
        const auto id = path_id(r.params.at("id"));
        return json_response(200, receipt_json(desk.mail().retry_quarantined(actor, id)));
      });
  add_guarded_route(routes, "POST", "/api/v1/mail/quarantine/:id/ticket",
                    [&ctx, &desk](const http::Request& r) {
                      auto actor = require_caller(ctx, r);
                      const auto id = path_id(r.params.at("id"));
                      auto body = strict_body(ctx, r, {"requester_id", "service_code"});
                      const auto requester = required_integer(body, "requester_id");
                      const auto service = required_string(body, "service_code");
                      Ticket t = desk.mail().ticket_from_quarantine(actor, id, requester, service);
                      return created(ticket_json(t), "/api/v1/tickets/" + std::to_string(t.id));
                    });
}

}  // namespace guiche::api
