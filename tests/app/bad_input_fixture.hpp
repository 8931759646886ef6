#pragma once
// "Every bad input gets a clear error and changes nothing" (docs/domain.md,
// "Principles"): a fixture that snapshots the database, every ticket and the
// attachment store around a call that must be refused.
#include <gmock/gmock.h>

#include <filesystem>
#include <map>

#include "app/expect_error.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "app/tickets/ticket_work.hpp"
#include "support/desk_world.hpp"

namespace guiche::testing {

class BadInputFixture : public DeskTest {
 protected:
  void SetUp() override {
    DeskTest::SetUp();
    // Tickets every refusal below must leave exactly as they are.
    fresh = register_sis(w.requester_sesa, "Pedido novo");
    routed = desk->work().route(as(w.attendant), register_sis(w.requester_seger).id, w.sgsis.id,
                                w.analyst_sis.id);
  }

  struct Snapshot {
    std::map<std::string, std::int64_t> rows;
    std::int64_t protocols_taken = 0;
    std::size_t blob_files = 0;
    std::vector<Ticket> tickets;
  };

  Snapshot snapshot() {
    Snapshot s;
    for (const char* table :
         {"tickets", "ticket_events", "ticket_search", "attachments", "people", "person_emails",
          "role_grants", "authorizations", "protocol_counters", "services", "organizations"}) {
      s.rows[table] = count(table);
    }
    database->db().read([&](store::Connection& c) {
      s.protocols_taken =
          c.query_one("SELECT COALESCE(SUM(last_value), 0) FROM protocol_counters")->integer(0);
    });
    const std::filesystem::path blobs = std::filesystem::path(database->data_dir()) / "attachments";
    if (std::filesystem::exists(blobs)) {
      for (const auto& entry : std::filesystem::recursive_directory_iterator(blobs)) {
        s.blob_files += entry.is_regular_file() ? 1 : 0;
      }
    }
    store::TicketFilter all;
    all.limit = 200;
    s.tickets = desk->tickets().list_tickets(as(w.admin), all).tickets;
    return s;
  }

  static void expect_same(const Snapshot& before, const Snapshot& after) {
    EXPECT_EQ(after.rows, before.rows);
    EXPECT_EQ(after.protocols_taken, before.protocols_taken);
    EXPECT_EQ(after.blob_files, before.blob_files);
    ASSERT_EQ(after.tickets.size(), before.tickets.size());
    for (std::size_t i = 0; i < before.tickets.size(); ++i) {
      EXPECT_EQ(after.tickets[i].version, before.tickets[i].version) << before.tickets[i].protocol;
      EXPECT_TRUE(after.tickets[i] == before.tickets[i]) << before.tickets[i].protocol;
    }
  }

  // Runs `f`, which must throw a DomainError of `kind` with a pt-BR message
  // naming every one of `fields` (validation), and change nothing at all.
  // Returns the message and the field messages, for further checks.
  template <typename F>
  std::string rejects(DomainError::Kind kind, const std::vector<std::string>& fields, F&& f) {
    const Snapshot before = snapshot();
    const std::optional<DomainError> e = error_of(f);
    expect_same(before, snapshot());
    if (!e) {
      ADD_FAILURE() << "accepted; expected " << kind_name(kind);
      return "";
    }
    EXPECT_EQ(kind_name(e->kind()), kind_name(kind)) << e->what();
    EXPECT_TRUE(looks_pt_br(e->what())) << e->what();
    std::string text = e->what();
    for (const auto& field : fields) EXPECT_TRUE(names_field(*e, field)) << field << ": " << text;
    for (const auto& f : e->fields()) {
      EXPECT_TRUE(looks_pt_br(f.message)) << f.field << ": " << f.message;
      text += "\n" + f.field + ": " + f.message;
    }
    return text;
  }

  Ticket fresh, routed;
};

}  // namespace guiche::testing
