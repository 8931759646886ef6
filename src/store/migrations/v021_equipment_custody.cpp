// Version 21: the equipment a unit holds for tickets (issue 14, seed 003),
// one row per entry, projected from the ticket events equipment_entered /
// equipment_returned in the ledger's transaction (store/custody_rows.hpp).
//
// - custody_held: the unit's "sob nossa guarda" list, oldest first, reads
//   only the rows still held (partial index on unit and entry instant).
// - custody_asset: search by asset number, and the rule "one custody of an
//   asset at a time" (domain/equipment_custody.hpp) asked in the ledger.
// - custody_ticket: a ticket's own equipment, for its page.
// unit_id is the ticket's unit when the equipment entered: the unit that
// physically holds it, even if the ticket is routed elsewhere later.
namespace guiche::store {

extern const char* const kMigrationV021EquipmentCustody = R"SQL(
CREATE TABLE equipment_custody (
  id {{id}},
  ticket_id BIGINT NOT NULL REFERENCES tickets(id),
  entry_seq BIGINT NOT NULL,
  unit_id BIGINT REFERENCES units(id),
  asset_number TEXT NOT NULL,
  kind TEXT NOT NULL,
  brand_model TEXT NOT NULL,
  serial_number TEXT NOT NULL,
  condition TEXT NOT NULL,
  accessories TEXT NOT NULL,
  delivered_by_id BIGINT REFERENCES people(id),
  delivered_by_name TEXT NOT NULL,
  received_by_id BIGINT REFERENCES people(id),
  received_by_name TEXT NOT NULL,
  entered_at BIGINT NOT NULL,
  maintenance_steps INTEGER NOT NULL DEFAULT 0,
  returned_seq BIGINT,
  taken_by_id BIGINT REFERENCES people(id),
  taken_by_name TEXT,
  return_note TEXT,
  returned_at BIGINT,
  UNIQUE (ticket_id, entry_seq)
);
CREATE INDEX custody_held ON equipment_custody(unit_id, entered_at) WHERE returned_at IS NULL;
CREATE INDEX custody_held_all ON equipment_custody(entered_at) WHERE returned_at IS NULL;
CREATE INDEX custody_asset ON equipment_custody(asset_number, entered_at);
)SQL";

}  // namespace guiche::store
