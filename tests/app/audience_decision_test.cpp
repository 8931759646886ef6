// Client relations decides requests from outside a service's audience, and
// the authorized list only holds one live record per person and client.
#include <gmock/gmock.h>

#include "app/attachments/attachments.hpp"
#include "app/directory/authorizations.hpp"
#include "app/directory/directory.hpp"
#include "app/intake/intake.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "app/tickets/ticket_work.hpp"
#include "domain/error.hpp"
#include "support/desk_world.hpp"

namespace guiche::testing {
namespace {

class AudienceDecisionTest : public DeskTest {
 protected:
  DomainError::Kind kind_of(const std::function<void()>& f) {
    try {
      f();
    } catch (const DomainError& e) {
      return e.kind();
    }
    ADD_FAILURE() << "expected a DomainError";
    return DomainError::Kind::validation;
  }
};

TEST_P(AudienceDecisionTest, OnlyClientRelationsSendsANonClientRequestToATechnicalUnit) {
  Ticket t = register_sis(w.requester_viana);
  ASSERT_FALSE(t.audience_admitted);
  EXPECT_EQ(kind_of([&] { desk->work().route(as(w.attendant), t.id, w.sgsis.id, std::nullopt); }),
            DomainError::Kind::forbidden);
  t = desk->work().route(as(w.relations_agent), t.id, w.sgsis.id, std::nullopt,
                         "Atendimento aprovado");
  EXPECT_TRUE(t.audience_admitted);
  EXPECT_THAT(t.audience_reason, ::testing::HasSubstr("não é cliente"));  // kept for the record
  EXPECT_EQ(t.unit_id, w.sgsis.id);
  EXPECT_EQ(desk->tickets().history(as(w.attendant), t.id).back().data["audience_accepted_by"],
            w.relations_agent.id);
  EXPECT_EQ(desk->work().rebuild_tickets().differing, 0);
}

TEST_P(AudienceDecisionTest, AuthorizationsNeedAClientAndAreNotDuplicated) {
  const auto attendant = as(w.attendant);
  const Date day{std::chrono::year{2026} / 3 / 1};
  EXPECT_EQ(kind_of([&] {
              desk->authorizations().authorize_requester(
                  attendant,
                  {w.viana.id, w.requester_viana.id, AuthorizationDocument::oficio, "1/2026", day});
            }),
            DomainError::Kind::validation);
  EXPECT_EQ(kind_of([&] {
              desk->authorizations().authorize_requester(
                  attendant,
                  {w.seger.id, w.requester_seger.id, AuthorizationDocument::oficio, "2/2026", day});
            }),
            DomainError::Kind::conflict);
  // After a revocation a new record may be entered, and the old one is kept.
  auto records = desk->authorizations().authorizations(attendant, w.seger.id);
  auto mine = std::find_if(records.begin(), records.end(), [&](const AuthorizedRequester& r) {
    return r.person_id == w.requester_seger.id;
  });
  ASSERT_NE(mine, records.end());
  desk->authorizations().revoke_authorization(
      attendant, mine->id, Date{std::chrono::year{2026} / 3 / 1}, "Nova autorização por contrato.");
  desk->authorizations().authorize_requester(
      attendant,
      {w.seger.id, w.requester_seger.id, AuthorizationDocument::contract, "9/2026", day});
  EXPECT_EQ(desk->authorizations().authorizations(attendant, w.seger.id).size(),
            records.size() + 1);
}

TEST_P(AudienceDecisionTest, InternalServicesAreUnknownToRequesters) {
  Service internal = w.servants;
  internal.is_public = false;
  desk->directory().update_service(as(w.admin), internal);
  app::RegisterRequest r;
  r.requester_id = w.requester_seger.id;
  r.service_code = internal.code;
  r.subject = "Caixa postal";
  r.description = "Criar caixa.";
  EXPECT_EQ(kind_of([&] { desk->intake().register_request(as(w.requester_seger), r); }),
            DomainError::Kind::validation);
  // The central de serviços may still register it on someone's behalf.
  EXPECT_NO_THROW(desk->intake().register_request(as(w.attendant, Channel::phone), r));
}

TEST_P(AudienceDecisionTest, LinksReadBothWaysAndStayInternal) {
  Ticket a = register_sis(w.requester_seger, "Original");
  Ticket b = register_sis(w.requester_sesa, "Repetido");
  desk->work().link(as(w.attendant), b.id, a.id, "duplicate_of");
  EXPECT_EQ(desk->tickets().ticket(as(w.attendant), a.id).links.at(0).kind, "duplicated_by");
  EXPECT_EQ(desk->tickets().ticket(as(w.attendant), b.id).links.at(0).kind, "duplicate_of");
  for (const auto& e : desk->tickets().history(as(w.requester_seger), a.id)) {
    EXPECT_NE(e.kind, EventKind::linked) << "a requester saw another organization's protocol";
  }
}

TEST_P(AudienceDecisionTest, SvgImagesAreHeldBecauseTheyCarryScripts) {
  Ticket t = register_sis(w.requester_seger);
  const std::string svg =
      "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)"
      "</script></svg>";
  // Kept (nothing is lost) but held: never served to the requester side.
  const auto record = desk->attachments().attach(as(w.requester_seger), t.id, "logo.svg", svg);
  EXPECT_TRUE(record.held());
  EXPECT_EQ(kind_of([&] { desk->attachments().read_attachment(as(w.requester_seger), record.id); }),
            DomainError::Kind::not_found);
}

GUICHE_ON_BOTH_ENGINES(AudienceDecisionTest);

}  // namespace
}  // namespace guiche::testing
