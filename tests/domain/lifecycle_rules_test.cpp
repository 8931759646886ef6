#include <gtest/gtest.h>

#include "domain/audience.hpp"
#include "domain/ticket_projection.hpp"
#include "domain/ticket_status.hpp"

namespace guiche {
namespace {

using S = Status;

TEST(Transitions, AgentsWorkAndRequestersAnswerReopenOrCancelEarly) {
  EXPECT_TRUE(may_transition(S::new_, S::triage, Side::agent));
  EXPECT_TRUE(may_transition(S::in_progress, S::pending_requester, Side::agent));
  EXPECT_TRUE(may_transition(S::pending_requester, S::in_progress, Side::requester));
  EXPECT_TRUE(may_transition(S::resolved, S::reopened, Side::requester));
  EXPECT_TRUE(may_transition(S::resolved, S::closed, Side::system));
  EXPECT_TRUE(may_transition(S::new_, S::cancelled, Side::requester));

  EXPECT_FALSE(may_transition(S::new_, S::resolved, Side::agent));  // route it first
  EXPECT_FALSE(may_transition(S::in_progress, S::resolved, Side::requester));
  EXPECT_FALSE(may_transition(S::resolved, S::reopened, Side::agent));
  EXPECT_FALSE(may_transition(S::resolved, S::closed, Side::agent));
  EXPECT_FALSE(may_transition(S::in_progress, S::cancelled, Side::requester));
  for (S final_state : {S::closed, S::cancelled}) {
    for (int to = 0; to <= static_cast<int>(S::cancelled); ++to) {
      for (Side side : {Side::requester, Side::agent, Side::system}) {
        EXPECT_FALSE(may_transition(final_state, static_cast<S>(to), side));
      }
    }
  }
}

TEST(Statuses, HavePtBrLabelsAndRoundTripTheirCodes) {
  for (int i = 0; i <= static_cast<int>(S::cancelled); ++i) {
    auto s = static_cast<S>(i);
    EXPECT_EQ(parse_status(status_code(s)), s);
    EXPECT_FALSE(status_label_pt(s).empty());
  }
  EXPECT_EQ(status_label_pt(S::pending_requester), "pendente com o solicitante");
  EXPECT_FALSE(parse_status("aberto"));
}

class AudienceTest : public ::testing::Test {
 protected:
  AudienceTest() {
    client.id = 1;
    client.acronym = "SEGER";
    client.is_client = true;
    person.id = 7;
    person.organization_id = 1;
    person.emails = {"maria@seger.es.gov.br"};
    record.organization_id = 1;
    record.person_id = 7;
    record.state = AuthorizationState::confirmed;
    record.valid_from = Date{std::chrono::year{2026} / 1 / 1};
    service.code = "SIS";
  }
  Organization client;
  Person person;
  AuthorizedRequester record;
  Service service;
  const Date day{std::chrono::year{2026} / 3 / 2};
};

TEST_F(AudienceTest, AuthorizedRequesterOfAClientIsAdmitted) {
  EXPECT_TRUE(check_audience(service, person, client, {record}, day).admitted);
}

TEST_F(AudienceTest, RecordsOutsideTheirDatesOrUnconfirmedDoNotAdmit) {
  auto pending = record;
  pending.state = AuthorizationState::pending;
  EXPECT_FALSE(check_audience(service, person, client, {pending}, day).admitted);
  auto future = record;
  future.valid_from = Date{std::chrono::year{2026} / 4 / 1};
  EXPECT_FALSE(check_audience(service, person, client, {future}, day).admitted);
  auto revoked = record;
  revoked.valid_until = Date{std::chrono::year{2026} / 3 / 1};
  EXPECT_FALSE(check_audience(service, person, client, {revoked}, day).admitted);
  revoked.valid_until = day;  // the last day still counts
  EXPECT_TRUE(check_audience(service, person, client, {revoked}, day).admitted);
}

TEST_F(AudienceTest, NonClientOrganizationIsRefusedWithAReason) {
  client.is_client = false;
  auto decision = check_audience(service, person, client, {record}, day);
  EXPECT_FALSE(decision.admitted);
  EXPECT_NE(decision.reason.find("não é cliente"), std::string::npos);
}

TEST_F(AudienceTest, PublicServantsAndAnyoneAreWiderAudiences) {
  service.audience = Audience::public_servants;
  EXPECT_TRUE(check_audience(service, person, client, {}, day).admitted);
  Person citizen;
  citizen.emails = {"joao@example.com"};
  EXPECT_FALSE(check_audience(service, citizen, std::nullopt, {}, day).admitted);
  service.audience = Audience::anyone;
  EXPECT_TRUE(check_audience(service, citizen, std::nullopt, {}, day).admitted);
  citizen.emails.clear();
  EXPECT_FALSE(check_audience(service, citizen, std::nullopt, {}, day).admitted);
}

TEST(Projection, FoldsEventsIntoTheTicketState) {
  std::vector<TicketEvent> events(4);
  events[0].kind = EventKind::created;
  events[0].seq = 1;
  events[0].ticket_id = 9;
  events[0].data = {{"protocol", "2026-000009"},
                    {"requester_id", 3},
                    {"service_id", 2},
                    {"category", "incident"},
                    {"subject", "Fora do ar"},
                    {"description", "SIGEFES"},
                    {"impact", 1},
                    {"urgency", 2},
                    {"unit_id", 5}};
  events[1].kind = EventKind::routed;
  events[1].seq = 2;
  events[1].data = {{"unit_id", 6}, {"assignee_id", 4}, {"status", "assigned"}};
  events[2].kind = EventKind::resolved;
  events[2].seq = 3;
  events[2].data = {{"resolution", "Reiniciado"}, {"time_spent_minutes", 30}};
  events[3].kind = EventKind::reopened;
  events[3].seq = 4;
  events[3].data = {{"reason", "Voltou a cair"}};
  Ticket t = fold_events(events);
  EXPECT_EQ(t.id, 9);
  EXPECT_EQ(t.priority, priority_from(1, 2));
  EXPECT_EQ(t.unit_id, 6);
  EXPECT_EQ(t.assignee_id, 4);
  EXPECT_EQ(t.time_spent_minutes, 30);
  EXPECT_EQ(t.status, Status::reopened);
  EXPECT_EQ(t.reopen_count, 1);
  EXPECT_FALSE(t.resolved_at);
  EXPECT_EQ(t.version, 4);
}

}  // namespace
}  // namespace guiche
