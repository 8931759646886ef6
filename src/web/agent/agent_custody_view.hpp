#pragma once
// The section "Equipamento" of the agent's ticket page (entry, maintenance
// and return forms, each equipment with its steps and receipts) and the
// pieces the receipts and the custody list share
// (app/tickets/equipment_custody.hpp), as the templates read them.
#include <nlohmann/json.hpp>

#include "domain/equipment_custody.hpp"
#include "domain/ticket_event.hpp"
#include "web/agent/agent_common.hpp"

namespace guiche::web {

// "PAT-0042 — Tela trocada." for the ticket's timeline.
std::string custody_event_detail(const TicketEvent& e);
// "3 dias e 4 h", "2 h 05 min": how long an equipment has been held.
std::string held_for_text(WebContext& ctx, std::chrono::milliseconds held);
// One equipment: what it is, who and when, its state now, its receipts.
nlohmann::json custody_item_view(WebContext& ctx, const CustodyItem& k, Instant now);
// {"mostrar", "itens", "sob_guarda", "pode_entrada", "pode_manutencao", …};
// only "mostrar": false for one who may not see the ticket's equipment.
nlohmann::json custody_view(WebContext& ctx, const Visitor& v, const Ticket& t,
                            const Person& requester);

}  // namespace guiche::web
