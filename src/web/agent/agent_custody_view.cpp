#include "web/agent/agent_custody_view.hpp"

#include "app/tickets/equipment_custody.hpp"
#include "app/tickets/ticket_reads.hpp"

namespace guiche::web {
namespace {

std::string text_in(const nlohmann::json& d, const char* key) {
  return d.contains(key) && d[key].is_string() ? d[key].get<std::string>() : "";
}

std::string receipt_url(const CustodyItem& k, const char* which) {
  return agent_ticket_url(k.protocol) + "/equipamento/" + std::to_string(k.entry_seq) + "/" + which;
}

}  // namespace

std::string custody_event_detail(const TicketEvent& e) {
  std::string detail = text_in(e.data, "asset_number");
  std::string more;
  if (e.kind == EventKind::equipment_entered) {
    more = text_in(e.data, "kind");
  } else if (e.kind == EventKind::equipment_maintained) {
    more = text_in(e.data, "text");
  } else {
    more = text_in(e.data, "taken_by_name");
  }
  return more.empty() ? detail : detail + " — " + more;
}

std::string held_for_text(WebContext& ctx, std::chrono::milliseconds held) {
  using std::chrono::hours;
  const auto whole_hours = std::chrono::duration_cast<hours>(held).count();
  if (whole_hours < 24) return duration_text(held);
  const auto days = whole_hours / 24;
  const auto rest = whole_hours % 24;
  if (rest == 0) {
    return days == 1 ? text(ctx, "custodia.dia")
                     : fill(text(ctx, "custodia.dias"), std::to_string(days));
  }
  if (days == 1) return fill(text(ctx, "custodia.dia_horas"), std::to_string(rest));
  return fill(fill(text(ctx, "custodia.dias_horas"), std::to_string(days)), std::to_string(rest));
}

nlohmann::json custody_item_view(WebContext& ctx, const CustodyItem& k, Instant now) {
  const bool held = !k.returned_at;
  nlohmann::json out = {
      {"patrimonio", k.asset_number},
      {"tipo", k.kind},
      {"marca_modelo", k.brand_model},
      {"tem_marca_modelo", !k.brand_model.empty()},
      {"numero_serie", k.serial_number},
      {"tem_numero_serie", !k.serial_number.empty()},
      {"estado", k.condition},
      {"acessorios", k.accessories},
      {"tem_acessorios", !k.accessories.empty()},
      {"entregue_por", k.delivered_by_name},
      {"recebido_por", k.received_by_name},
      {"entrada_em", format_local(ctx, k.entered_at)},
      {"entrada_iso", format_utc(k.entered_at)},
      {"protocolo", k.protocol},
      {"url_chamado", agent_ticket_url(k.protocol)},
      {"sob_guarda", held},
      {"ha_quanto", held ? held_for_text(ctx, std::chrono::duration_cast<std::chrono::milliseconds>(
                                                  now - k.entered_at))
                         : ""},
      {"manutencoes_total", k.maintenance_steps},
      {"recibo_entrada", receipt_url(k, "entrada")},
      {"recibo_devolucao", held ? "" : receipt_url(k, "devolucao")}};
  if (!held) {
    out["retirado_por"] = k.taken_by_name;
    out["devolvido_em"] = format_local(ctx, *k.returned_at);
    out["devolvido_iso"] = format_utc(*k.returned_at);
    out["observacao"] = k.return_note;
    out["tem_observacao"] = !k.return_note.empty();
    out["devolvido_texto"] =
        fill(fill(text(ctx, "custodia.devolvido_em"), format_local(ctx, *k.returned_at)),
             k.taken_by_name);
  }
  return out;
}

nlohmann::json custody_view(WebContext& ctx, const Visitor& v, const Ticket& t,
                            const Person& requester) {
  std::vector<CustodyItem> items;
  try {
    items = ctx.desk.custody().ticket_equipment(v.actor, t.id);
  } catch (const DomainError&) {
    return {{"mostrar", false}};
  }
  const Instant now = ctx.desk.now();
  nlohmann::json views = nlohmann::json::array();
  nlohmann::json held = nlohmann::json::array();
  for (const auto& k : items) {
    views.push_back(custody_item_view(ctx, k, now));
    views.back()["manutencoes"] = nlohmann::json::array();
    if (!k.returned_at) held.push_back({{"patrimonio", k.asset_number}, {"tipo", k.kind}});
  }
  if (!items.empty()) {
    // Each maintenance step belongs to the latest entry of its asset before it.
    for (const auto& e : ctx.desk.tickets().history(v.actor, t.id)) {
      if (e.kind != EventKind::equipment_maintained) continue;
      const auto asset = text_in(e.data, "asset_number");
      for (std::size_t i = items.size(); i-- > 0;) {
        if (items[i].asset_number != asset || items[i].entry_seq > e.seq) continue;
        views[i]["manutencoes"].push_back({{"texto", text_in(e.data, "text")},
                                           {"quando", format_local(ctx, e.at)},
                                           {"quando_iso", format_utc(e.at)}});
        break;
      }
    }
  }
  for (auto& view : views) view["tem_manutencoes"] = !view["manutencoes"].empty();
  const bool open = status_is_open(t.status);
  return {{"mostrar", true},
          {"itens", views},
          {"tem_itens", !views.empty()},
          {"sob_guarda", held},
          {"pode_entrada", open},
          {"pode_manutencao", open && !held.empty()},
          {"pode_devolucao", !held.empty()},
          {"solicitante", requester.name},
          {"acao", agent_ticket_url(t.protocol) + "/equipamento"}};
}

}  // namespace guiche::web
