#include "web/agent/agent_common.hpp"

#include "app/access_policy.hpp"
#include "web/agent/agent_durations.hpp"
#include "web/page_routes.hpp"

namespace guiche::web {

Visitor require_agent(WebContext& ctx, const http::Request& r) {
  auto v = require_visitor(ctx, r);
  // Admins and the leadership reach the workspace too (issue 19): the desk
  // decides what each may do (they read, the agents work).
  if (!app::is_staff(v.actor.person)) throw forbidden(text(ctx, "agente.somente_equipe"));
  return v;
}

std::string duration_text(std::chrono::milliseconds d) {
  const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(d).count();
  const auto hours = minutes / 60;
  const auto rest = minutes % 60;
  if (hours == 0) return std::to_string(rest) + " min";
  if (rest == 0) return std::to_string(hours) + " h";
  return std::to_string(hours) + " h " + (rest < 10 ? "0" : "") + std::to_string(rest) + " min";
}

std::string remaining_text(WebContext& ctx, Instant deadline,
                           const std::optional<app::TimeLeft>& left, Instant now) {
  if (!left) return format_local(ctx, deadline);
  const bool overdue = deadline <= now;
  const auto span = overdue ? -left->clock_time : left->clock_time;
  // All of the span lies outside working hours (a target in business hours
  // at night): no clock time to count, so say when instead.
  if (span < std::chrono::minutes(1)) {
    return overdue ? text(ctx, "agente.vencido")
                   : fill(text(ctx, "agente.vence_em"), format_local(ctx, deadline));
  }
  std::string key = overdue ? "agente.vencido_ha" : "agente.faltam";
  if (!left->working_time) key += "_corridas";
  return fill(text(ctx, key), working_duration_text(ctx.texts, page_language(), span, left->day));
}

std::string category_text(WebContext& ctx, Category c) {
  return text(ctx, "agente.categoria_" + std::string(category_code(c)));
}

std::string agent_status_text(WebContext& ctx, const Ticket& t) {
  if (t.status == Status::assigned && !t.assignee_id) {
    return text(ctx, "agente.encaminhado_sem_responsavel");
  }
  return status_text(ctx, t.status);
}

std::string fill(std::string text, const std::string& value) {
  if (auto at = text.find("{}"); at != std::string::npos) text.replace(at, 2, value);
  return text;
}

std::string agent_ticket_url(const std::string& protocol) {
  return "/atendimento/chamados/" + url_encode(protocol);
}

}  // namespace guiche::web

namespace guiche::web {

// The workspace's pages and its live streams, registered with one line in
// page_routes.cpp.
void add_agent_pages(WebContext& ctx, std::vector<http::Route>& routes) {
  add_agent_queue_pages(ctx, routes);
  add_agent_phone_pages(ctx, routes);  // before the ticket's /:protocol/:action
  add_agent_quarantine_pages(ctx, routes);
  add_agent_notice_pages(ctx, routes);
  add_agent_following_pages(ctx, routes);
  add_agent_custody_pages(ctx, routes);
  add_agent_answer_pages(ctx, routes);
  add_agent_bulk_pages(ctx, routes);
  add_answer_admin_pages(ctx, routes);
  add_agent_ticket_pages(ctx, routes);
  add_live_routes(ctx, routes);
}

}  // namespace guiche::web
