#include "web/agent/agent_ticket_side.hpp"

#include "app/notices/notice_route.hpp"
#include "app/sla/sla_admin.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "web/request_view.hpp"

namespace guiche::web {
namespace {

nlohmann::json ticket_lines(WebContext& ctx, const std::vector<Ticket>& tickets) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& o : tickets) {
    out.push_back({{"protocolo", o.protocol},
                   {"url", agent_ticket_url(o.protocol)},
                   {"assunto", o.subject},
                   {"situacao", agent_status_text(ctx, o)},
                   {"registrado", format_local(ctx, o.created_at)},
                   {"registrado_iso", format_utc(o.created_at)}});
  }
  return out;
}

}  // namespace

nlohmann::json other_tickets_view(WebContext& ctx, const Visitor& v, const Ticket& t) {
  const auto other = ctx.desk.tickets().other_open_tickets(v.actor, t);
  return {{"do_solicitante", ticket_lines(ctx, other.of_requester)},
          {"tem_do_solicitante", !other.of_requester.empty()},
          {"mais_do_solicitante", other.more_of_requester},
          {"do_orgao", ticket_lines(ctx, other.of_organization)},
          {"tem_do_orgao", !other.of_organization.empty()},
          {"mais_do_orgao", other.more_of_organization},
          {"tem_orgao", t.organization_id.has_value()}};
}

nlohmann::json reply_channel_view(WebContext& ctx, const Ticket& t, const Person& requester) {
  const auto route = app::notice_route(requester, t.channel, ctx.desk.config().notice_channels);
  if (!route) {
    return {{"canal", text(ctx, "agente.resposta_canal_portal")},
            {"codigo", "portal"},
            {"explicacao", text(ctx, "agente.resposta_so_portal")}};
  }
  const bool whatsapp = route->channel == "whatsapp";
  return {{"canal",
           text(ctx, whatsapp ? "agente.resposta_canal_whatsapp" : "agente.resposta_canal_email")},
          {"codigo", route->channel},
          {"explicacao",
           fill(text(ctx, whatsapp ? "agente.resposta_por_whatsapp" : "agente.resposta_por_email"),
                route->address)}};
}

std::string severity_name(WebContext& ctx, const Visitor& v, int priority) {
  for (const auto& band : ctx.desk.sla().sla_configuration(v.actor).severities) {
    if (priority >= band.from_priority && priority <= band.to_priority) return band.name;
  }
  return "";
}

}  // namespace guiche::web
