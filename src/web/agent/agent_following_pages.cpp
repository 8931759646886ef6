// The tickets an agent follows (/atendimento/seguindo) and their
// notifications (/atendimento/notificacoes): mentions of their @login in an
// internal note and news of the tickets they follow (app/tickets/ticket_following.hpp).
#include "app/tickets/ticket_following.hpp"
#include "web/agent/agent_common.hpp"
#include "web/page_routes.hpp"
#include "web/record_id.hpp"

namespace guiche::web {
namespace {

constexpr int kFollowingPageSize = 50;

std::optional<std::int64_t> before_of(const http::Request& r) {
  const auto typed = r.query_value("antes");
  if (!typed) return std::nullopt;
  auto id = record_id(*typed);
  if (!id) throw invalid_field("antes", "Cursor inválido.");
  return id;
}

http::Response following_page(WebContext& ctx, const http::Request& r) {
  const auto v = require_agent(ctx, r);
  const auto tickets = ctx.desk.following().followed(v.actor, before_of(r), kFollowingPageSize + 1);
  nlohmann::json rows = nlohmann::json::array();
  for (std::size_t i = 0; i < tickets.size() && i < kFollowingPageSize; ++i) {
    const auto& t = tickets[i];
    rows.push_back({{"protocolo", t.protocol},
                    {"url", agent_ticket_url(t.protocol)},
                    {"assunto", t.subject},
                    {"situacao", agent_status_text(ctx, t)}});
  }
  nlohmann::json view{{"chamados", rows}, {"tem_chamados", !rows.empty()}};
  if (tickets.size() > kFollowingPageSize) {
    view["proxima"] =
        "/atendimento/seguindo?antes=" + std::to_string(tickets[kFollowingPageSize - 1].id);
  }
  return page(ctx, v, 200, "agente_seguindo", "uniao.seguindo_titulo", view);
}

http::Response notifications_page(WebContext& ctx, const http::Request& r) {
  const auto v = require_agent(ctx, r);
  const auto found =
      ctx.desk.following().notifications(v.actor, before_of(r), kFollowingPageSize + 1);
  nlohmann::json rows = nlohmann::json::array();
  for (std::size_t i = 0; i < found.size() && i < kFollowingPageSize; ++i) {
    const auto& n = found[i];
    rows.push_back({{"protocolo", n.protocol},
                    {"url", agent_ticket_url(n.protocol) + "#conversa"},
                    {"assunto", n.subject},
                    {"quem", n.actor_name},
                    {"o_que", text(ctx, "uniao.notificacao_" + n.row.kind)},
                    {"texto", n.text},
                    {"tem_texto", !n.text.empty()},
                    {"quando", format_local(ctx, n.row.at)},
                    {"quando_iso", format_utc(n.row.at)},
                    {"nao_lida", !n.row.read_at.has_value()}});
  }
  nlohmann::json view{{"notificacoes", rows},
                      {"tem_notificacoes", !rows.empty()},
                      {"nao_lidas", ctx.desk.following().unread(v.actor) > 0}};
  if (found.size() > kFollowingPageSize) {
    view["proxima"] =
        "/atendimento/notificacoes?antes=" + std::to_string(found[kFollowingPageSize - 1].row.id);
  }
  return page(ctx, v, 200, "agente_notificacoes", "uniao.notificacoes_titulo", view);
}

http::Response mark_all_read(WebContext& ctx, const http::Request& r) {
  const auto v = require_agent(ctx, r);
  check_csrf(v, read_form(r));
  ctx.desk.following().mark_read(v.actor);
  return see_other("/atendimento/notificacoes");
}

}  // namespace

void add_agent_following_pages(WebContext& ctx, std::vector<http::Route>& routes) {
  routes.push_back({"GET", "/atendimento/seguindo", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return following_page(ctx, r); });
                    }});
  routes.push_back({"GET", "/atendimento/notificacoes", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return notifications_page(ctx, r); });
                    }});
  routes.push_back({"POST", "/atendimento/notificacoes/lidas", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return mark_all_read(ctx, r); });
                    }});
}

}  // namespace guiche::web
