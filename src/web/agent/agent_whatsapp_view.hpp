#pragma once
// The section "Conversa no WhatsApp" of the agent's ticket page and the line
// by the reply form saying whether the requester's 24-hour window is open
// (app/tickets/ticket_whatsapp.hpp), as the template agente_chamado reads them.
#include <nlohmann/json.hpp>

#include "web/agent/agent_common.hpp"

namespace guiche::web {

// {"mostrar", "janela", "janela_aberta", "resposta", "mensagens": [...]}; only
// "mostrar": false when the ticket has nothing of WhatsApp. `requester`: the
// name the requester's messages are shown under.
nlohmann::json whatsapp_view(WebContext& ctx, const Visitor& v, const Ticket& t,
                             const std::string& requester);

}  // namespace guiche::web
