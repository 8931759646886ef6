#pragma once
// The answer tools of the agent's ticket page (issue 19, item 2): the answer
// template picker of the reply box (searchable while typing), the solution
// template picker of the resolution form and the macros, each as the ticket
// page's template shows them (web/templates/_agente_resposta.mustache,
// _agente_chamado.mustache); and the macros' steps in words, shared with the
// pages that keep them.
#include <nlohmann/json.hpp>
#include <string>

#include "domain/answer_template.hpp"
#include "web/agent/agent_common.hpp"

namespace guiche::web {

// {respostas, solucoes, macros}: empty lists where the agent may not work `t`.
nlohmann::json answers_view(WebContext& ctx, const Visitor& v, const Ticket& t,
                            const std::string& search);
// The answer template picker's <select> for `search` (the fragment htmx swaps in).
nlohmann::json answer_picker(WebContext& ctx, const Visitor& v, const std::string& search);
// "responde com “Senha redefinida”; resolve com “…” (aponta 10 min)".
std::string macro_steps_text(WebContext& ctx, const Visitor& v, const TicketMacro& m);

}  // namespace guiche::web
