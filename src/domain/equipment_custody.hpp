#pragma once
// Equipment a unit holds for a ticket (seed 003's "Formulário de Entrada,
// Manutenção e Retirada de Equipamento"): its entry, maintenance steps and
// return, each an event of the ticket. Which of them may happen, from where
// the asset stands, is a rule of its own (tests/domain/data/custody.cases).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/time.hpp"

namespace guiche {

// One entry of an equipment on a ticket and, once it went back, its return.
struct CustodyItem {
  std::int64_t id = 0;
  std::int64_t ticket_id = 0;
  std::string protocol;  // the ticket's, for lists
  std::int64_t entry_seq = 0;
  std::optional<std::int64_t> unit_id;
  std::string asset_number;
  std::string kind;
  std::string brand_model;
  std::string serial_number;
  std::string condition;
  std::string accessories;
  std::optional<std::int64_t> delivered_by_id;
  std::string delivered_by_name;
  std::optional<std::int64_t> received_by_id;
  std::string received_by_name;
  Instant entered_at{};
  int maintenance_steps = 0;
  std::optional<std::int64_t> taken_by_id;
  std::string taken_by_name;
  std::string return_note;
  std::optional<Instant> returned_at;
};

// Where an asset number stands when someone records something about it on a ticket.
enum class CustodyStanding {
  none,            // never entered on any ticket, or returned everywhere
  held_here,       // entered on this ticket and not yet returned
  held_elsewhere,  // in custody through another ticket
  returned_here,   // entered on this ticket and already returned
};

enum class CustodyAction { entry, maintenance, return_ };

std::string_view custody_standing_code(CustodyStanding s);
std::optional<CustodyStanding> parse_custody_standing(std::string_view code);
std::string_view custody_action_code(CustodyAction a);
std::optional<CustodyAction> parse_custody_action(std::string_view code);

// nullopt: allowed; otherwise why not (pt-BR), a conflict. `ticket_open`:
// the ticket is still being worked (not resolved, closed or cancelled).
// An equipment goes back even after the ticket ends, so only return is
// allowed then.
std::optional<std::string> custody_refusal(CustodyStanding s, CustodyAction a, bool ticket_open);

// Asset numbers are compared as staff type them on labels: trimmed, upper case.
std::string normalize_asset_number(std::string_view text);

}  // namespace guiche
