#pragma once
// A small desk for behavioural tests, on either engine: PRODEST's units,
// two client organizations and one non-client, a person per role, services
// of every audience. Tests drive the application layer through `desk`.
#include <gtest/gtest.h>

#include <memory>

#include "app/accounts/accounts.hpp"
#include "app/desk.hpp"
#include "domain/organization.hpp"
#include "support/test_database.hpp"

namespace guiche::testing {

struct World {
  Unit central, relations, gesin, sgsis, geinf, sgdba, ascom;
  Organization seger, sesa, viana;  // viana is not a client
  Person admin, attendant, analyst_sis, analyst_dba, manager_gesin, relations_agent;
  Person requester_seger, manager_seger, requester_sesa, requester_viana, citizen;
  Service sis_access;  // authorized requesters; form with required fields
  Service support;     // anyone
  Service servants;    // public servants
  Service project;     // authorized requesters, default category project
};

// The world on the engine engine() names. DeskTest takes it from the test's
// parameter; a suite with a parameter of its own (the authorization matrix's:
// the engine and the way its callers sign in) derives from DeskWorldTest.
class DeskWorldTest : public ::testing::Test {
 protected:
  virtual Engine engine() const = 0;
  void SetUp() override;
  void TearDown() override;
  // The desk's settings; a suite overrides it to test with other limits.
  virtual app::DeskConfig desk_config();

  app::Actor as(const Person& p, Channel channel = Channel::portal) {
    return desk->accounts().actor(p.id, channel);
  }
  // A request by `requester` for the SIS-ACESSO service with a valid form.
  Ticket register_sis(const Person& requester, const std::string& subject = "Acesso ao SIGEFES");
  // A person of the ouvidoria (Role::ombudsman), created by the admin.
  Person create_ombudsman(const std::string& name = "Otto Ouvidor",
                          const std::string& email = "otto@prodest.es.gov.br");
  // A member of the leadership (diretoria), created by the admin.
  Person create_leader();
  // The encarregado de dados (Role::data_protection_officer), created by the admin.
  Person create_data_protection_officer();
  // Number of rows in a table (for "nothing changed" checks).
  std::int64_t count(const std::string& table);

  std::unique_ptr<TestDatabase> database;
  ManualClock clock{from_millis(1772452800000)};  // Mon 2026-03-02 12:00Z (09:00 in Vitória)
  std::unique_ptr<app::Desk> desk;
  World w;
};

class DeskTest : public DeskWorldTest, public ::testing::WithParamInterface<Engine> {
 protected:
  Engine engine() const override { return GetParam(); }
};

#define GUICHE_ON_BOTH_ENGINES(Suite)                                                            \
  INSTANTIATE_TEST_SUITE_P(                                                                      \
      Engines, Suite,                                                                            \
      ::testing::Values(::guiche::testing::Engine::sqlite, ::guiche::testing::Engine::postgres), \
      ::guiche::testing::engine_name)

}  // namespace guiche::testing
