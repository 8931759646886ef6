#pragma once
// Equipment custody on a ticket (issue 14; seed 003's "Formulário de Entrada,
// Manutenção e Retirada de Equipamento"): those who work the ticket record an
// equipment's entry, its maintenance steps and its return, each an internal
// event through the ticket ledger; the rule of what may happen is
// domain/equipment_custody.hpp. The unit's "sob nossa guarda" list and the
// search by asset number read the projection (store/custody_rows.hpp).
#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/desk_context.hpp"
#include "app/ledger/ticket_ledger.hpp"
#include "domain/equipment_custody.hpp"

namespace guiche::app {

struct EquipmentEntry {
  std::string asset_number;  // patrimônio
  std::string kind;          // "Notebook", "Impressora"…
  std::string brand_model;
  std::string serial_number;
  std::string condition;  // the state it arrived in
  std::string accessories;
  // Who brought it: a person of the desk's directory, or a name typed in.
  std::optional<std::int64_t> delivered_by_id;
  std::string delivered_by_name;
};

struct EquipmentReturn {
  std::string asset_number;
  std::optional<std::int64_t> taken_by_id;  // or taken_by_name
  std::string taken_by_name;
  std::string note;
};

class EquipmentCustody {
 public:
  EquipmentCustody(DeskContext& context, TicketLedger& ledger) : ctx_(context), ledger_(ledger) {}

  // The one who records the entry is the one who received it.
  Ticket record_entry(const Actor& a, std::int64_t ticket_id, const EquipmentEntry& entry);
  Ticket record_maintenance(const Actor& a, std::int64_t ticket_id, const std::string& asset_number,
                            const std::string& text);
  Ticket record_return(const Actor& a, std::int64_t ticket_id, const EquipmentReturn& r);

  // The equipment of a ticket, in order of entry, for the staff who see it.
  std::vector<CustodyItem> ticket_equipment(const Actor& a, std::int64_t ticket_id);
  // One entry (its receipt), by the sequence of its event.
  CustodyItem entry(const Actor& a, std::int64_t ticket_id, std::int64_t entry_seq);
  // Held now by the units `a` works (every unit: the central and admins), oldest first.
  std::vector<CustodyItem> held(const Actor& a, int limit = 500);
  // Every custody of an asset number, held or returned, newest first.
  std::vector<CustodyItem> search(const Actor& a, const std::string& asset_number, int limit = 100);

 private:
  DeskContext& ctx_;
  TicketLedger& ledger_;
};

}  // namespace guiche::app
