#include "app/tickets/equipment_custody.hpp"

#include "app/access_policy.hpp"
#include "app/text_rules.hpp"
#include "domain/error.hpp"
#include "store/custody_rows.hpp"
#include "store/person_rows.hpp"
#include "store/ticket_rows.hpp"
#include "store/unit_rows.hpp"

namespace guiche::app {
namespace {

void require_custody_work(const Actor& a, const Ticket& t, const std::vector<Unit>& units) {
  if (!can_work_ticket(a.person, t, units)) {
    throw forbidden("Somente quem atende o chamado registra equipamentos nele.");
  }
}

std::string asset_of(const std::string& text) {
  return normalize_asset_number(required_text(text, "asset_number", "O patrimônio", 60));
}

std::string optional_text(const std::string& value, const char* field, const char* label,
                          std::size_t max_bytes) {
  if (value.find_first_not_of(" \t\r\n") == std::string::npos) return "";
  return required_text(value, field, label, max_bytes);
}

CustodyStanding standing(store::Connection& c, std::int64_t ticket_id, const std::string& asset) {
  if (const auto held = store::held_custody(c, asset)) {
    return held->ticket_id == ticket_id ? CustodyStanding::held_here
                                        : CustodyStanding::held_elsewhere;
  }
  return store::entered_on_ticket(c, ticket_id, asset) ? CustodyStanding::returned_here
                                                       : CustodyStanding::none;
}

void require_rule(store::Connection& c, const Ticket& t, const std::string& asset,
                  CustodyAction action) {
  if (auto refusal = custody_refusal(standing(c, t.id, asset), action, status_is_open(t.status))) {
    throw conflict(*refusal);
  }
}

// The person named by id, who must exist; `field` names the form's field.
std::string person_name(store::Connection& c, std::int64_t id, const char* field) {
  const auto p = store::load_person(c, id);
  if (!p) throw invalid_field(field, "Pessoa desconhecida.");
  return p->name;
}

// A person of the desk, or a name typed in: exactly one.
void who(const std::optional<std::int64_t>& id, const std::string& name, const char* name_field,
         const char* label) {
  const bool named = name.find_first_not_of(" \t\r\n") != std::string::npos;
  if (id && named) {
    throw invalid_field(name_field, std::string("Informe ") + label +
                                        " como pessoa cadastrada ou pelo nome, não os dois.");
  }
  if (!id && !named) throw invalid_field(name_field, std::string("Informe ") + label + ".");
}

nlohmann::json optional_id(const std::optional<std::int64_t>& id) {
  return id ? nlohmann::json(*id) : nlohmann::json(nullptr);
}

store::CustodyScope scope_of(const Actor& a, const std::vector<Unit>& units) {
  if (!is_staff(a.person)) {
    throw forbidden("A lista de equipamentos sob guarda é da equipe de atendimento.");
  }
  const auto s = ticket_scope(a.person, units);
  return {s.all, s.unit_ids};
}

}  // namespace

Ticket EquipmentCustody::record_entry(const Actor& a, std::int64_t ticket_id,
                                      const EquipmentEntry& entry) {
  nlohmann::json data{
      {"asset_number", asset_of(entry.asset_number)},
      {"kind", required_text(entry.kind, "kind", "O tipo de equipamento", 120)},
      {"brand_model", optional_text(entry.brand_model, "brand_model", "A marca/modelo", 200)},
      {"serial_number",
       optional_text(entry.serial_number, "serial_number", "O número de série", 120)},
      {"condition", required_text(entry.condition, "condition", "O estado do equipamento", 2000)},
      {"accessories", optional_text(entry.accessories, "accessories", "Os acessórios", 2000)}};
  who(entry.delivered_by_id, entry.delivered_by_name, "delivered_by_name",
      "quem entregou o equipamento");
  std::string delivered;
  if (!entry.delivered_by_id) {
    delivered = required_text(entry.delivered_by_name, "delivered_by_name", "Quem entregou", 200);
  }
  return ledger_.change(
      a, ticket_id, [&](LedgerWrite& w, const Ticket& ticket, const std::vector<Unit>& units) {
        auto& c = w.connection();
        require_custody_work(a, ticket, units);
        require_rule(c, ticket, data["asset_number"].get<std::string>(), CustodyAction::entry);
        if (entry.delivered_by_id) {
          delivered = person_name(c, *entry.delivered_by_id, "delivered_by_id");
        }
        data["delivered_by_id"] = optional_id(entry.delivered_by_id);
        data["delivered_by_name"] = delivered;
        data["received_by_id"] = a.id();
        data["received_by_name"] = a.person.name;
        return std::vector<EventDraft>{{EventKind::equipment_entered, data, false}};
      });
}

Ticket EquipmentCustody::record_maintenance(const Actor& a, std::int64_t ticket_id,
                                            const std::string& asset_number,
                                            const std::string& text) {
  const auto asset = asset_of(asset_number);
  const auto step = required_text(text, "text", "A descrição da manutenção", 4000);
  return ledger_.change(
      a, ticket_id, [&](LedgerWrite& w, const Ticket& ticket, const std::vector<Unit>& units) {
        require_custody_work(a, ticket, units);
        require_rule(w.connection(), ticket, asset, CustodyAction::maintenance);
        return std::vector<EventDraft>{
            {EventKind::equipment_maintained, {{"asset_number", asset}, {"text", step}}, false}};
      });
}

Ticket EquipmentCustody::record_return(const Actor& a, std::int64_t ticket_id,
                                       const EquipmentReturn& r) {
  const auto asset = asset_of(r.asset_number);
  who(r.taken_by_id, r.taken_by_name, "taken_by_name", "quem retirou o equipamento");
  std::string taken;
  if (!r.taken_by_id) taken = required_text(r.taken_by_name, "taken_by_name", "Quem retirou", 200);
  const auto note = optional_text(r.note, "note", "A observação", 2000);
  return ledger_.change(
      a, ticket_id, [&](LedgerWrite& w, const Ticket& ticket, const std::vector<Unit>& units) {
        auto& c = w.connection();
        require_custody_work(a, ticket, units);
        require_rule(c, ticket, asset, CustodyAction::return_);
        if (r.taken_by_id) taken = person_name(c, *r.taken_by_id, "taken_by_id");
        return std::vector<EventDraft>{{EventKind::equipment_returned,
                                        {{"asset_number", asset},
                                         {"taken_by_id", optional_id(r.taken_by_id)},
                                         {"taken_by_name", taken},
                                         {"returned_by_name", a.person.name},
                                         {"note", note}},
                                        false}};
      });
}

std::vector<CustodyItem> EquipmentCustody::ticket_equipment(const Actor& a,
                                                            std::int64_t ticket_id) {
  require_active(a);
  std::vector<CustodyItem> out;
  ctx_.db.read([&](store::Connection& c) {
    const auto t = store::load_ticket(c, ticket_id, false);
    const auto units = ctx_.unit_tree(c);
    if (!t || !can_view_ticket(a.person, *t, *units)) throw not_found("Chamado não encontrado.");
    // The requester's side sees the ticket, not the desk's custody records.
    if (!is_staff(a.person)) {
      throw forbidden("Os registros de equipamentos são da equipe de atendimento.");
    }
    out = store::ticket_custody(c, ticket_id);
  });
  return out;
}

CustodyItem EquipmentCustody::entry(const Actor& a, std::int64_t ticket_id,
                                    std::int64_t entry_seq) {
  for (auto& k : ticket_equipment(a, ticket_id)) {
    if (k.entry_seq == entry_seq) return k;
  }
  throw not_found("Equipamento não encontrado neste chamado.");
}

std::vector<CustodyItem> EquipmentCustody::held(const Actor& a, int limit) {
  require_active(a);
  std::vector<CustodyItem> out;
  ctx_.db.read([&](store::Connection& c) {
    out = store::held_equipment(c, scope_of(a, *ctx_.unit_tree(c)), limit);
  });
  return out;
}

std::vector<CustodyItem> EquipmentCustody::search(const Actor& a, const std::string& asset_number,
                                                  int limit) {
  require_active(a);
  const auto asset = asset_of(asset_number);
  std::vector<CustodyItem> out;
  ctx_.db.read([&](store::Connection& c) {
    out = store::custody_by_asset(c, scope_of(a, *ctx_.unit_tree(c)), asset, limit);
  });
  return out;
}

}  // namespace guiche::app
