// Equipment custody on a ticket through the application layer, on both
// engines (app/tickets/equipment_custody.hpp): entry, maintenance and return
// as internal ticket events; the rule (tests/domain/data/custody.cases) as it
// reads the table equipment_custody; bad input and refusals change nothing;
// only those who work the ticket record, and the unit's list shows only
// what its units hold.
#include <gmock/gmock.h>

#include "app/expect_error.hpp"
#include "app/tickets/equipment_custody.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "app/tickets/ticket_work.hpp"
#include "support/desk_world.hpp"

namespace guiche::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

class EquipmentCustodyTest : public DeskTest {
 protected:
  app::EquipmentCustody& custody() { return desk->custody(); }
  // A SIS-ACESSO request routed to SGSIS, worked by its analyst.
  Ticket routed(const std::string& subject = "Notebook sem ligar") {
    const auto t = register_sis(w.requester_seger, subject);
    return desk->work().route(as(w.attendant), t.id, w.sgsis.id, w.analyst_sis.id);
  }
  static app::EquipmentEntry notebook(const std::string& asset = "pat-0042 ") {
    app::EquipmentEntry e;
    e.asset_number = asset;
    e.kind = "Notebook";
    e.brand_model = "Dell Latitude 5420";
    e.serial_number = "SN123";
    e.condition = "Tela trincada no canto";
    e.accessories = "Carregador";
    e.delivered_by_name = "Maria da Portaria";
    return e;
  }
  static app::EquipmentReturn taken(const std::string& asset = "PAT-0042") {
    app::EquipmentReturn r;
    r.asset_number = asset;
    r.taken_by_name = "João Retirante";
    return r;
  }
  std::vector<std::string> kinds(const Ticket& t) {
    std::vector<std::string> out;
    for (const auto& e : desk->tickets().history(as(w.admin), t.id)) {
      if (e.kind >= EventKind::equipment_entered) out.emplace_back(event_kind_code(e.kind));
    }
    return out;
  }
  std::vector<std::string> held_assets(const Person& p) {
    std::vector<std::string> out;
    for (const auto& k : custody().held(as(p))) out.push_back(k.asset_number);
    return out;
  }
};

TEST_P(EquipmentCustodyTest, EntryMaintenanceAndReturnAreEventsOfTheTicket) {
  const auto t = routed();
  const auto analyst = as(w.analyst_sis);
  custody().record_entry(analyst, t.id, notebook());
  clock.advance(std::chrono::hours(3));
  custody().record_maintenance(analyst, t.id, "pat-0042", "Tela trocada.");
  custody().record_maintenance(analyst, t.id, "PAT-0042", "Sistema reinstalado.");
  EXPECT_THAT(held_assets(w.analyst_sis), ElementsAre("PAT-0042"));
  clock.advance(std::chrono::hours(1));
  custody().record_return(analyst, t.id, taken());

  EXPECT_THAT(kinds(t), ElementsAre("equipment_entered", "equipment_maintained",
                                    "equipment_maintained", "equipment_returned"));
  for (const auto& e : desk->tickets().history(as(w.admin), t.id)) {
    if (e.kind >= EventKind::equipment_entered) {
      EXPECT_FALSE(e.is_public);
    }
  }
  const auto items = custody().ticket_equipment(analyst, t.id);
  ASSERT_EQ(items.size(), 1u);
  const auto& k = items.front();
  EXPECT_EQ(k.asset_number, "PAT-0042");
  EXPECT_EQ(k.kind, "Notebook");
  EXPECT_EQ(k.brand_model, "Dell Latitude 5420");
  EXPECT_EQ(k.delivered_by_name, "Maria da Portaria");
  EXPECT_EQ(k.received_by_id, w.analyst_sis.id);
  EXPECT_EQ(k.received_by_name, w.analyst_sis.name);
  EXPECT_EQ(k.unit_id, w.sgsis.id);
  EXPECT_EQ(k.maintenance_steps, 2);
  EXPECT_EQ(k.taken_by_name, "João Retirante");
  ASSERT_TRUE(k.returned_at);
  EXPECT_EQ(*k.returned_at - k.entered_at, std::chrono::hours(4));
  EXPECT_EQ(custody().entry(analyst, t.id, k.entry_seq).asset_number, "PAT-0042");

  // Returned: no longer held, still found by its asset number.
  EXPECT_THAT(held_assets(w.analyst_sis), IsEmpty());
  const auto found = custody().search(analyst, " pat-0042");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found.front().protocol, t.protocol);
}

TEST_P(EquipmentCustodyTest, DeliveredByAPersonOfTheDeskIsNamedFromTheDirectory) {
  const auto t = routed();
  auto e = notebook();
  e.delivered_by_name.clear();
  e.delivered_by_id = w.requester_seger.id;
  custody().record_entry(as(w.attendant), t.id, e);
  auto r = taken();
  r.taken_by_name.clear();
  r.taken_by_id = w.manager_seger.id;
  custody().record_return(as(w.analyst_sis), t.id, r);
  const auto k = custody().ticket_equipment(as(w.analyst_sis), t.id).front();
  EXPECT_EQ(k.delivered_by_name, w.requester_seger.name);
  EXPECT_EQ(k.delivered_by_id, w.requester_seger.id);
  EXPECT_EQ(k.received_by_name, w.attendant.name);
  EXPECT_EQ(k.taken_by_name, w.manager_seger.name);
}

TEST_P(EquipmentCustodyTest, TheRuleRefusesAndNothingIsStored) {
  const auto t = routed();
  const auto other = routed("Outro notebook");
  const auto analyst = as(w.analyst_sis);
  const auto events = count("ticket_events");
  // No maintenance or return before the entry.
  EXPECT_EQ(outcome([&] { custody().record_maintenance(analyst, t.id, "PAT-0042", "Limpeza."); }),
            "conflict");
  EXPECT_EQ(outcome([&] { custody().record_return(analyst, t.id, taken()); }), "conflict");
  EXPECT_EQ(count("ticket_events"), events);
  EXPECT_EQ(count("equipment_custody"), 0);

  custody().record_entry(analyst, t.id, notebook());
  // Not a second entry of the same asset while it is held, here or elsewhere.
  const auto twice = error_of([&] { custody().record_entry(analyst, t.id, notebook()); });
  ASSERT_TRUE(twice);
  EXPECT_EQ(twice->kind(), DomainError::Kind::conflict);
  EXPECT_TRUE(looks_pt_br(twice->what()));
  EXPECT_EQ(outcome([&] { custody().record_entry(analyst, other.id, notebook("PAT-0042")); }),
            "conflict");
  // Maintenance and return only on the ticket that holds it.
  EXPECT_EQ(outcome([&] { custody().record_return(analyst, other.id, taken()); }), "conflict");
  custody().record_return(analyst, t.id, taken());
  // Returned once only.
  EXPECT_EQ(outcome([&] { custody().record_return(analyst, t.id, taken()); }), "conflict");
  EXPECT_EQ(outcome([&] { custody().record_maintenance(analyst, t.id, "PAT-0042", "Mais."); }),
            "conflict");
  EXPECT_EQ(count("equipment_custody"), 1);
  EXPECT_EQ(kinds(t), (std::vector<std::string>{"equipment_entered", "equipment_returned"}));
  // Back home, it may come in again, on another ticket.
  custody().record_entry(analyst, other.id, notebook());
  EXPECT_EQ(count("equipment_custody"), 2);
}

TEST_P(EquipmentCustodyTest, AfterTheTicketEndsOnlyTheReturnIsRecorded) {
  const auto t = routed();
  const auto analyst = as(w.analyst_sis);
  custody().record_entry(analyst, t.id, notebook());
  desk->work().resolve(analyst, t.id, "Equipamento consertado.", 30);
  EXPECT_EQ(outcome([&] { custody().record_maintenance(analyst, t.id, "PAT-0042", "Teste."); }),
            "conflict");
  EXPECT_EQ(outcome([&] { custody().record_entry(analyst, t.id, notebook("PAT-9")); }), "conflict");
  custody().record_return(analyst, t.id, taken());
  EXPECT_THAT(held_assets(w.analyst_sis), IsEmpty());
}

TEST_P(EquipmentCustodyTest, BadInputIsRefusedInPortugueseAndChangesNothing) {
  const auto t = routed();
  const auto analyst = as(w.analyst_sis);
  const auto events = count("ticket_events");
  auto no_asset = notebook("   ");
  auto no_kind = notebook();
  no_kind.kind = "";
  auto no_condition = notebook();
  no_condition.condition = " ";
  auto nobody = notebook();
  nobody.delivered_by_name = "";
  auto both = notebook();
  both.delivered_by_id = w.requester_seger.id;
  auto unknown = notebook();
  unknown.delivered_by_name = "";
  unknown.delivered_by_id = 987654;
  auto long_asset = notebook(std::string(61, '9'));
  for (const auto& [bad, field] :
       std::vector<std::pair<app::EquipmentEntry, std::string>>{{no_asset, "asset_number"},
                                                                {no_kind, "kind"},
                                                                {no_condition, "condition"},
                                                                {nobody, "delivered_by_name"},
                                                                {both, "delivered_by_name"},
                                                                {unknown, "delivered_by_id"},
                                                                {long_asset, "asset_number"}}) {
    SCOPED_TRACE(field);
    const app::EquipmentEntry entry = bad;
    const auto e = error_of([&] { custody().record_entry(analyst, t.id, entry); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->kind(), DomainError::Kind::validation);
    ASSERT_EQ(e->fields().size(), 1u);
    EXPECT_EQ(e->fields().front().field, field);
    EXPECT_TRUE(looks_pt_br(e->what())) << e->what();
  }
  custody().record_entry(analyst, t.id, notebook());
  EXPECT_EQ(outcome([&] { custody().record_maintenance(analyst, t.id, "PAT-0042", "  "); }),
            "validation");
  auto no_one = taken();
  no_one.taken_by_name = "";
  EXPECT_EQ(outcome([&] { custody().record_return(analyst, t.id, no_one); }), "validation");
  EXPECT_EQ(count("ticket_events"), events + 1);
  EXPECT_EQ(count("equipment_custody"), 1);
}

TEST_P(EquipmentCustodyTest, OnlyThoseWhoWorkTheTicketRecordAndSeeItsEquipment) {
  const auto t = routed();
  const auto events = count("ticket_events");
  // The requester sees the ticket but does not work it.
  EXPECT_EQ(outcome([&] { custody().record_entry(as(w.requester_seger), t.id, notebook()); }),
            "forbidden");
  // Staff of another unit do not even learn it exists.
  EXPECT_EQ(outcome([&] { custody().record_entry(as(w.analyst_dba), t.id, notebook()); }),
            "not_found");
  EXPECT_EQ(count("ticket_events"), events);
  custody().record_entry(as(w.analyst_sis), t.id, notebook());
  EXPECT_EQ(outcome([&] { custody().record_return(as(w.analyst_dba), t.id, taken()); }),
            "not_found");
  EXPECT_EQ(outcome([&] { custody().ticket_equipment(as(w.requester_seger), t.id); }), "forbidden");
  EXPECT_EQ(outcome([&] { custody().ticket_equipment(as(w.analyst_dba), t.id); }), "not_found");
  // The lists: staff only, each its units' equipment.
  EXPECT_EQ(outcome([&] { custody().held(as(w.requester_seger)); }), "forbidden");
  EXPECT_EQ(outcome([&] { custody().search(as(w.requester_seger), "PAT-0042"); }), "forbidden");
  EXPECT_THAT(held_assets(w.analyst_dba), IsEmpty());
  EXPECT_THAT(custody().search(as(w.analyst_dba), "PAT-0042"), IsEmpty());
  EXPECT_THAT(held_assets(w.manager_gesin), ElementsAre("PAT-0042"));  // SGSIS is under GESIN
  EXPECT_THAT(held_assets(w.attendant), ElementsAre("PAT-0042"));
  EXPECT_THAT(held_assets(w.admin), ElementsAre("PAT-0042"));
}

TEST_P(EquipmentCustodyTest, TheListIsOldestFirstAndStaysWithTheUnitThatReceivedIt) {
  const auto first = routed();
  const auto second = routed("Impressora");
  const auto analyst = as(w.analyst_sis);
  custody().record_entry(analyst, second.id, notebook("B-2"));
  clock.advance(std::chrono::minutes(5));
  custody().record_entry(analyst, first.id, notebook("A-1"));
  EXPECT_THAT(held_assets(w.analyst_sis), ElementsAre("B-2", "A-1"));
  // Routed elsewhere afterwards: the equipment is still where it was received.
  desk->work().route(as(w.attendant), first.id, w.sgdba.id, std::nullopt);
  EXPECT_THAT(held_assets(w.analyst_sis), ElementsAre("B-2", "A-1"));
  EXPECT_THAT(held_assets(w.analyst_dba), IsEmpty());
}

TEST_P(EquipmentCustodyTest, RebuildDerivesTheTableFromTheEvents) {
  const auto t = routed();
  const auto analyst = as(w.analyst_sis);
  custody().record_entry(analyst, t.id, notebook());
  custody().record_maintenance(analyst, t.id, "PAT-0042", "Tela trocada.");
  custody().record_return(analyst, t.id, taken());
  custody().record_entry(analyst, t.id, notebook());
  const auto before = custody().ticket_equipment(analyst, t.id);
  database->db().write([&](store::Connection& c) { c.query("DELETE FROM equipment_custody", {}); });
  desk->work().rebuild_tickets();
  const auto after = custody().ticket_equipment(analyst, t.id);
  ASSERT_EQ(after.size(), 2u);
  ASSERT_EQ(before.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(after[i].entry_seq, before[i].entry_seq);
    EXPECT_EQ(after[i].unit_id, before[i].unit_id);
    EXPECT_EQ(after[i].maintenance_steps, before[i].maintenance_steps);
    EXPECT_EQ(after[i].returned_at, before[i].returned_at);
    EXPECT_EQ(after[i].taken_by_name, before[i].taken_by_name);
  }
}

GUICHE_ON_BOTH_ENGINES(EquipmentCustodyTest);

}  // namespace
}  // namespace guiche::testing
