// What the answer template pickers of the agent's ticket page ask for
// (web/static/respostas.js and htmx): GET
// /atendimento/chamados/{protocol}/respostas-padrao?busca= answers the
// picker's <select> for the words typed, and
// /atendimento/chamados/{protocol}/respostas-padrao/{id} the template filled
// from the ticket, as plain text (the page puts it in a textarea).
#include <charconv>

#include "app/answers/answer_templates.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "web/agent/agent_answers_view.hpp"
#include "web/page_routes.hpp"

namespace guiche::web {

void add_agent_answer_pages(WebContext& ctx, std::vector<http::Route>& routes) {
  routes.push_back(
      {"GET", "/atendimento/chamados/:protocol/respostas-padrao", [&ctx](const http::Request& r) {
         return guarded_page(ctx, r, [&] {
           const auto v = require_agent(ctx, r);
           // The ticket must be one the agent sees, as on its page.
           ctx.desk.tickets().ticket_by_protocol(v.actor, r.params.at("protocol"));
           return fragment(ctx, v, 200, "_agente_modelos",
                           answer_picker(ctx, v, r.query_value("busca").value_or("")));
         });
       }});
  routes.push_back({"GET", "/atendimento/chamados/:protocol/respostas-padrao/:id",
                    [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] {
                        const auto v = require_agent(ctx, r);
                        const auto& raw = r.params.at("id");
                        std::int64_t id = 0;
                        const auto [end, ec] =
                            std::from_chars(raw.data(), raw.data() + raw.size(), id);
                        if (ec != std::errc{} || end != raw.data() + raw.size()) {
                          throw not_found("Resposta padrão não encontrada.");
                        }
                        const auto t =
                            ctx.desk.tickets().ticket_by_protocol(v.actor, r.params.at("protocol"));
                        http::Response response{200,
                                                "text/plain; charset=utf-8",
                                                ctx.desk.answer_templates().fill(v.actor, id, t.id),
                                                {}};
                        response.headers.emplace_back("Cache-Control", "no-store");
                        return response;
                      });
                    }});
}

}  // namespace guiche::web
