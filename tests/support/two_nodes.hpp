#pragma once
// Two server nodes on one database (as `guiche serve` runs them on
// PostgreSQL): `desk` and `other`, sharing their committed ticket changes
// through live_changes; `other`'s relay starts listening in SetUp.
#include <memory>

#include "app/accounts/accounts.hpp"
#include "app/live/live_cursor.hpp"
#include "app/live/live_updates.hpp"
#include "support/desk_world.hpp"

namespace guiche::testing {

class TwoNodesTest : public DeskTest {
 protected:
  app::DeskConfig desk_config() override {
    auto c = DeskTest::desk_config();
    c.share_live_changes = true;
    return c;
  }
  void SetUp() override {
    DeskTest::SetUp();
    other = std::make_unique<app::Desk>(database->db(), clock, desk_config());
    other->live().relay_live_changes(other_cursor);  // starts listening here
  }
  app::Actor on_other(const Person& p) { return other->accounts().actor(p.id, Channel::portal); }

  std::unique_ptr<app::Desk> other;  // a second node on the same database
  app::LiveCursor other_cursor;
};

}  // namespace guiche::testing
