// Equipment left with the desk for some of the demo's workstation tickets
// (SUP-EQUIP), so the agent's ticket section, the receipts and the list
// "Equipamentos sob nossa guarda" have something to show: three machines
// enter six days before "now", get a maintenance step a day later, and one
// of them goes back two days before "now".
#include "app/tickets/equipment_custody.hpp"
#include "demo/demo_internal.hpp"
#include "domain/error.hpp"
#include "store/ticket_rows.hpp"

namespace guiche::demo {
namespace {

using std::chrono::days;

struct Machine {
  const char* asset;
  const char* kind;
  const char* model;
  const char* serial;
  const char* condition;
  const char* accessories;
  const char* maintenance;
};

const std::vector<Machine>& machines() {
  static const std::vector<Machine> all = {
      {"PAT-2021-00417", "Notebook", "Dell Latitude 5420", "7XK2L93", "Não liga; carcaça riscada.",
       "Carregador e mochila", "Fonte substituída; bateria testada por 2 h."},
      {"PAT-2019-01288", "Impressora multifuncional", "Brother DCP-L5652DN", "U64208J1N",
       "Atolamento de papel frequente.", "Cabo de força e cabo USB",
       "Rolete de tração limpo e ajustado."},
      {"PAT-2022-00093", "Monitor", "LG 24MK430H", "205NTAB3K117",
       "Imagem piscando; sem danos aparentes.", "Cabo HDMI", "Cabo de vídeo e placa testados."},
  };
  return all;
}

// The open SUP-EQUIP tickets routed to a unit, oldest first; others if none.
std::vector<std::int64_t> open_tickets(World& w) {
  std::vector<std::int64_t> equip, other;
  const auto service_id = w.services.at("SUP-EQUIP").id;
  w.desk.database().read([&](store::Connection& c) {
    for (auto id : w.ticket_ids) {
      const auto t = store::load_ticket(c, id);
      if (!t || !t->unit_id || !status_is_open(t->status)) continue;
      (t->service_id == service_id ? equip : other).push_back(id);
    }
  });
  equip.insert(equip.end(), other.begin(), other.end());
  if (equip.size() > machines().size()) equip.resize(machines().size());
  return equip;
}

}  // namespace

void schedule_equipment_custody(World& w) {
  auto held = std::make_shared<std::vector<std::int64_t>>();
  const Instant entry_at = snap_backward(w.end - days{6});
  w.timeline.add(entry_at, "equipamentos entram", [&w, held] {
    const auto tickets = open_tickets(w);
    for (std::size_t i = 0; i < tickets.size(); ++i) {
      const auto& m = machines()[i];
      app::EquipmentEntry e;
      e.asset_number = m.asset;
      e.kind = m.kind;
      e.brand_model = m.model;
      e.serial_number = m.serial;
      e.condition = m.condition;
      e.accessories = m.accessories;
      Ticket t;
      w.desk.database().read(
          [&](store::Connection& c) { t = store::load_ticket(c, tickets[i]).value(); });
      e.delivered_by_id = t.requester_id;
      w.desk.custody().record_entry(w.as("atendente"), t.id, e);
      held->push_back(t.id);
    }
  });
  w.timeline.add(snap_forward(entry_at + days{1}), "equipamentos em manutenção", [&w, held] {
    for (std::size_t i = 0; i < held->size(); ++i) {
      try {
        w.desk.custody().record_maintenance(w.as("atendente"), (*held)[i], machines()[i].asset,
                                            machines()[i].maintenance);
      } catch (const DomainError&) {
        // The ticket ended meanwhile: only the return is left to record.
      }
    }
  });
  w.timeline.add(snap_forward(w.end - days{2}), "um equipamento devolvido", [&w, held] {
    if (held->empty()) return;
    app::EquipmentReturn r;
    r.asset_number = machines()[0].asset;
    r.taken_by_name = "Rafael Moreira Lima";
    r.note = "Testado na frente de quem retirou.";
    w.desk.custody().record_return(w.as("atendente"), held->front(), r);
  });
}

}  // namespace guiche::demo
