// Equipment custody for the staff (app/tickets/equipment_custody.hpp): the
// forms of the ticket page's section "Equipamento" (entry, maintenance,
// return; PRG, or the ticket page again with errors by their fields), the
// printable receipts of an entry and of a return (both names, the equipment,
// the date and a signature line for each side), and the list of what the
// visitor's units hold now, oldest first, with the search by asset number.
#include <charconv>

#include "app/tickets/equipment_custody.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "web/access_reads.hpp"
#include "web/agent/agent_custody_view.hpp"
#include "web/agent/agent_ticket_view.hpp"
#include "web/page_routes.hpp"

namespace guiche::web {
namespace {

// The use case's field names, as each form names them.
const std::map<std::string, std::map<std::string, std::string>> kCustodyFields = {
    {"entrada",
     {{"asset_number", "eq_patrimonio"},
      {"kind", "eq_tipo"},
      {"brand_model", "eq_marca_modelo"},
      {"serial_number", "eq_numero_serie"},
      {"condition", "eq_estado"},
      {"accessories", "eq_acessorios"},
      {"delivered_by_name", "eq_entregue_nome"},
      {"delivered_by_id", "eq_entregue_nome"}}},
    {"manutencao", {{"asset_number", "eqm_patrimonio"}, {"text", "eqm_texto"}}},
    {"devolucao",
     {{"asset_number", "eqd_patrimonio"},
      {"taken_by_name", "eqd_retirado_nome"},
      {"taken_by_id", "eqd_retirado_nome"},
      {"note", "eqd_observacao"}}}};

void run(WebContext& ctx, const Visitor& v, const Ticket& t, const std::string& action,
         const Form& form) {
  auto& custody = ctx.desk.custody();
  if (action == "entrada") {
    app::EquipmentEntry e;
    e.asset_number = form.value("eq_patrimonio");
    e.kind = form.value("eq_tipo");
    e.brand_model = form.value("eq_marca_modelo");
    e.serial_number = form.value("eq_numero_serie");
    e.condition = form.value("eq_estado");
    e.accessories = form.value("eq_acessorios");
    if (form.value("eq_entregue_solicitante") == "sim") e.delivered_by_id = t.requester_id;
    e.delivered_by_name = form.value("eq_entregue_nome");
    custody.record_entry(v.actor, t.id, e);
  } else if (action == "manutencao") {
    custody.record_maintenance(v.actor, t.id, form.value("eqm_patrimonio"),
                               form.value("eqm_texto"));
  } else if (action == "devolucao") {
    app::EquipmentReturn r;
    r.asset_number = form.value("eqd_patrimonio");
    if (form.value("eqd_retirado_solicitante") == "sim") r.taken_by_id = t.requester_id;
    r.taken_by_name = form.value("eqd_retirado_nome");
    r.note = form.value("eqd_observacao");
    custody.record_return(v.actor, t.id, r);
  } else {
    throw not_found("Ação desconhecida.");
  }
}

http::Response post_custody(WebContext& ctx, const http::Request& r) {
  const auto v = require_agent(ctx, r);
  const auto protocol = r.params.at("protocol");
  const auto action = r.params.at("action");
  const auto t = ctx.desk.tickets().ticket_by_protocol(v.actor, protocol);
  const Form form = read_form(r);
  check_csrf(v, form);
  try {
    run(ctx, v, t, action, form);
  } catch (const DomainError& e) {
    const bool by_form =
        e.kind() == DomainError::Kind::validation || e.kind() == DomainError::Kind::conflict;
    if (!by_form) throw;
    // A plain form (no htmx): the whole page, in the agent's order.
    return agent_ticket_page(ctx, v, protocol, "equipamento_" + action, form,
                             field_errors(e, kCustodyFields.at(action)),
                             e.kind() == DomainError::Kind::conflict ? 409 : 422, "",
                             {ticket_page_request(r).newest_first, false});
  }
  return see_other(agent_ticket_url(t.protocol) + "#equipamento");
}

http::Response receipt(WebContext& ctx, const http::Request& r) {
  const auto v = require_agent(ctx, r);
  const auto t = ctx.desk.tickets().ticket_by_protocol(v.actor, r.params.at("protocol"));
  // A receipt names who delivered and the ticket's requester: a ticket read.
  note_page_read(ctx, v, t.requester_id, "ticket", t.id);
  const auto& seq_text = r.params.at("seq");
  std::int64_t seq = 0;
  const auto [end, ec] = std::from_chars(seq_text.data(), seq_text.data() + seq_text.size(), seq);
  if (ec != std::errc{} || end != seq_text.data() + seq_text.size()) {
    throw not_found("Equipamento não encontrado neste chamado.");
  }
  const auto k = ctx.desk.custody().entry(v.actor, t.id, seq);
  const auto& which = r.params.at("which");
  if (which != "entrada" && which != "devolucao") throw not_found("Recibo desconhecido.");
  const bool entry = which == "entrada";
  if (!entry && !k.returned_at) throw not_found("Este equipamento ainda não foi devolvido.");
  auto view = custody_item_view(ctx, k, ctx.desk.now());
  view["entrada"] = entry;
  view["assunto"] = t.subject;
  view["url_chamado"] = agent_ticket_url(t.protocol) + "#equipamento";
  view["declaracao"] = fill(text(ctx, entry ? "custodia.recibo_declaracao_entrada"
                                            : "custodia.recibo_declaracao_devolucao"),
                            t.protocol);
  // Each side of the handover signs: who handed it over and who took it.
  view["lado_a_rotulo"] = text(ctx, entry ? "custodia.quem_entregou" : "custodia.quem_devolveu");
  view["lado_a"] = entry ? k.delivered_by_name : k.received_by_name;
  view["lado_b_rotulo"] = text(ctx, entry ? "custodia.quem_recebeu" : "custodia.quem_retirou");
  view["lado_b"] = entry ? k.received_by_name : k.taken_by_name;
  view["data"] = entry ? format_local(ctx, k.entered_at) : format_local(ctx, *k.returned_at);
  return page(ctx, v, 200, "agente_recibo_equipamento",
              entry ? "custodia.recibo_entrada_titulo" : "custodia.recibo_devolucao_titulo", view);
}

http::Response custody_list(WebContext& ctx, const http::Request& r) {
  const auto v = require_agent(ctx, r);
  const auto asset = r.query_value("patrimonio").value_or("");
  const bool searching = asset.find_first_not_of(" \t") != std::string::npos;
  const Instant now = ctx.desk.now();
  nlohmann::json items = nlohmann::json::array();
  const auto found =
      searching ? ctx.desk.custody().search(v.actor, asset) : ctx.desk.custody().held(v.actor);
  for (const auto& k : found) items.push_back(custody_item_view(ctx, k, now));
  return page(ctx, v, 200, "agente_equipamentos", "custodia.lista_titulo",
              {{"itens", items},
               {"tem_itens", !items.empty()},
               {"buscando", searching},
               {"patrimonio", asset},
               {"resultado", searching ? fill(text(ctx, "custodia.resultado_busca"),
                                              normalize_asset_number(asset))
                                       : ""}});
}

}  // namespace

void add_agent_custody_pages(WebContext& ctx, std::vector<http::Route>& routes) {
  routes.push_back({"GET", "/atendimento/equipamentos", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return custody_list(ctx, r); });
                    }});
  routes.push_back({"GET", "/atendimento/chamados/:protocol/equipamento/:seq/:which",
                    [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return receipt(ctx, r); });
                    }});
  routes.push_back({"POST", "/atendimento/chamados/:protocol/equipamento/:action",
                    [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return post_custody(ctx, r); });
                    }});
}

}  // namespace guiche::web
