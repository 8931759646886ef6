// What the administration changes in the directory: editing units (and
// deactivating them only once no ticket of theirs is open), resetting a
// person's password, and authorized requesters whose grant expires or whose
// revocation gives a reason.
#include <gmock/gmock.h>

#include "app/accounts/accounts.hpp"
#include "app/directory/authorizations.hpp"
#include "app/directory/directory.hpp"
#include "app/expect_error.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "app/tickets/ticket_work.hpp"
#include "domain/person.hpp"
#include "domain/unit.hpp"
#include "store/outbox_rows.hpp"
#include "support/desk_world.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class AdminDirectoryTest : public DeskTest {
 protected:
  Unit unit(std::int64_t id) {
    for (const auto& u : desk->directory().units()) {
      if (u.id == id) return u;
    }
    ADD_FAILURE() << "no unit " << id;
    return {};
  }
  std::vector<store::OutboxMessage> messages() {
    std::vector<store::OutboxMessage> out;
    database->db().read([&](store::Connection& c) { out = store::list_messages(c, "", {}, 50); });
    return out;
  }
  // A SEGER requester with no authorization yet.
  Person new_seger_requester(const std::string& login) {
    Person p;
    p.name = "Lúcia Servidora";
    p.login = login;
    p.emails = {login + "@seger.es.gov.br"};
    p.organization_id = w.seger.id;
    p.roles = {{Role::requester, std::nullopt}};
    return desk->directory().create_person(as(w.admin), {p, std::nullopt});
  }
  AuthorizedRequester record_of(std::int64_t person_id) {
    for (const auto& a : desk->authorizations().authorizations(as(w.admin), w.seger.id)) {
      if (a.person_id == person_id) return a;
    }
    ADD_FAILURE() << "no authorization for " << person_id;
    return {};
  }
};

TEST_P(AdminDirectoryTest, AnAdminEditsAUnit) {
  Unit u = unit(w.sgdba.id);
  u.code = "SGBD";
  u.name = "Subgerência de Bancos de Dados";
  u.parent_id = w.gesin.id;
  u.kind = UnitKind::technical;
  const Unit saved = desk->directory().update_unit(as(w.admin), u);
  EXPECT_EQ(saved.code, "SGBD");
  const Unit read = unit(w.sgdba.id);
  EXPECT_EQ(read.name, "Subgerência de Bancos de Dados");
  EXPECT_EQ(read.parent_id, w.gesin.id);
  // The GESIN manager now works the moved unit's tickets.
  Ticket t = register_sis(w.requester_seger);
  desk->work().route(as(w.attendant), t.id, w.sgdba.id, std::nullopt);
  EXPECT_EQ(outcome([&] { desk->tickets().ticket(as(w.manager_gesin), t.id); }), "ok");
}

TEST_P(AdminDirectoryTest, UnitEditsAreCheckedAndOnlyAdminsMakeThem) {
  Unit u = unit(w.gesin.id);
  u.name = "Outro nome";
  EXPECT_EQ(outcome([&] { desk->directory().update_unit(as(w.attendant), u); }), "forbidden");
  EXPECT_EQ(outcome([&] { desk->directory().update_unit(as(w.manager_gesin), u); }), "forbidden");
  // Under itself or below itself would make the tree a loop.
  u.parent_id = w.gesin.id;
  auto e = error_of([&] { desk->directory().update_unit(as(w.admin), u); });
  ASSERT_TRUE(e);
  EXPECT_TRUE(names_field(*e, "parent"));
  u.parent_id = w.sgsis.id;
  EXPECT_EQ(outcome([&] { desk->directory().update_unit(as(w.admin), u); }), "validation");
  u.parent_id = 987654;
  EXPECT_EQ(outcome([&] { desk->directory().update_unit(as(w.admin), u); }), "validation");
  u.parent_id.reset();
  u.code = "SGSIS";  // another unit's
  EXPECT_EQ(outcome([&] { desk->directory().update_unit(as(w.admin), u); }), "conflict");
  u.code = " ";
  EXPECT_EQ(outcome([&] { desk->directory().update_unit(as(w.admin), u); }), "validation");
  u = unit(w.gesin.id);
  u.id = 987654;
  EXPECT_EQ(outcome([&] { desk->directory().update_unit(as(w.admin), u); }), "not_found");
  EXPECT_EQ(unit(w.gesin.id).name, "Gerência de Sistemas");
}

TEST_P(AdminDirectoryTest, AUnitWithOpenTicketsIsNotDeactivated) {
  Ticket t = register_sis(w.requester_seger);
  t = desk->work().route(as(w.attendant), t.id, w.sgdba.id, std::nullopt);
  Unit u = unit(w.sgdba.id);
  u.active = false;
  auto e = error_of([&] { desk->directory().update_unit(as(w.admin), u); });
  ASSERT_TRUE(e);
  EXPECT_EQ(e->kind(), DomainError::Kind::validation);
  EXPECT_TRUE(names_field(*e, "active"));
  EXPECT_THAT(std::string(e->what()), HasSubstr("1 chamado(s) em aberto"));
  EXPECT_TRUE(looks_pt_br(e->what()));
  EXPECT_TRUE(unit(w.sgdba.id).active);

  desk->work().cancel(as(w.attendant), t.id, "Pedido em duplicidade.");
  EXPECT_FALSE(desk->directory().update_unit(as(w.admin), u).active);
  EXPECT_FALSE(unit(w.sgdba.id).active);
  // An inactive unit receives no tickets; reactivated, it does again.
  Ticket other = register_sis(w.requester_seger);
  EXPECT_EQ(
      outcome([&] { desk->work().route(as(w.attendant), other.id, w.sgdba.id, std::nullopt); }),
      "validation");
  u.active = true;
  desk->directory().update_unit(as(w.admin), u);
  EXPECT_EQ(
      outcome([&] { desk->work().route(as(w.attendant), other.id, w.sgdba.id, std::nullopt); }),
      "ok");
}

TEST_P(AdminDirectoryTest, APasswordResetIsMailedForcesAChangeAndEndsSessions) {
  const Person p = desk->accounts().bootstrap_user("Rita Reinício", "rita", "Senha-antiga-1",
                                                   {{Role::requester, std::nullopt}});
  Person with_mail = p;
  with_mail.emails = {"rita@seger.es.gov.br"};
  desk->directory().update_person(as(w.admin), with_mail);
  const auto grant = desk->accounts().sign_in("rita", "Senha-antiga-1", "127.0.0.1");
  ASSERT_TRUE(desk->accounts().session(grant.session_id));

  const auto reset = desk->accounts().reset_password(as(w.admin), p.id);
  EXPECT_TRUE(reset.emailed);
  EXPECT_FALSE(reset.temporary_password.has_value());
  EXPECT_FALSE(desk->accounts().session(grant.session_id));
  EXPECT_FALSE(desk->accounts().authenticate("rita", "Senha-antiga-1"));
  EXPECT_TRUE(desk->directory().person(as(w.admin), p.id).must_change_password);

  store::OutboxMessage m;
  for (const auto& each : messages()) {
    if (each.template_key == "password_reset") m = each;
  }
  ASSERT_EQ(m.template_key, "password_reset");
  EXPECT_EQ(m.recipient_address, "rita@seger.es.gov.br");
  EXPECT_THAT(m.text_body, HasSubstr("Usuário: rita"));
  // The mailed password signs in, once changed the flag is lifted.
  const std::string label = "temporária: ";
  const auto at = m.text_body.find(label);
  ASSERT_NE(at, std::string::npos);
  const auto temporary = m.text_body.substr(at + label.size(), 12);
  auto person = desk->accounts().authenticate("rita", temporary);
  ASSERT_TRUE(person);
  EXPECT_TRUE(person->must_change_password);
  desk->accounts().change_password(desk->accounts().actor(p.id), temporary, "Senha-nova-123");
  EXPECT_FALSE(desk->directory().person(as(w.admin), p.id).must_change_password);
}

TEST_P(AdminDirectoryTest, WithoutEmailTheAdminGetsThePasswordOnce) {
  const Person p = desk->accounts().bootstrap_user("Sem E-mail", "sem.email", "Senha-antiga-1",
                                                   {{Role::requester, std::nullopt}});
  const auto before = count("outbox");
  const auto reset = desk->accounts().reset_password(as(w.admin), p.id);
  EXPECT_FALSE(reset.emailed);
  ASSERT_TRUE(reset.temporary_password);
  EXPECT_EQ(reset.temporary_password->size(), 12u);
  EXPECT_TRUE(desk->accounts().authenticate("sem.email", *reset.temporary_password));
  EXPECT_EQ(count("outbox"), before);
  // Each reset makes a new one.
  EXPECT_NE(desk->accounts().reset_password(as(w.admin), p.id).temporary_password,
            reset.temporary_password);
}

TEST_P(AdminDirectoryTest, OnlyAdminsResetPasswordsOfPeopleWhoSignIn) {
  const Person p = desk->accounts().bootstrap_user("Rita Reinício", "rita", "Senha-antiga-1",
                                                   {{Role::requester, std::nullopt}});
  const auto before = count("outbox");
  for (const Person& who : {w.attendant, w.manager_seger, w.requester_seger}) {
    EXPECT_EQ(outcome([&] { desk->accounts().reset_password(as(who), p.id); }), "forbidden")
        << who.name;
  }
  EXPECT_TRUE(desk->accounts().authenticate("rita", "Senha-antiga-1"));
  // Without a login there is nothing to reset.
  auto e = error_of([&] { desk->accounts().reset_password(as(w.admin), w.requester_seger.id); });
  ASSERT_TRUE(e);
  EXPECT_TRUE(names_field(*e, "login"));
  EXPECT_EQ(outcome([&] { desk->accounts().reset_password(as(w.admin), 987654); }), "not_found");
  Person inactive = desk->directory().person(as(w.admin), p.id);
  inactive.active = false;
  desk->directory().update_person(as(w.admin), inactive);
  EXPECT_EQ(outcome([&] { desk->accounts().reset_password(as(w.admin), p.id); }), "conflict");
  EXPECT_EQ(count("outbox"), before);
}

TEST_P(AdminDirectoryTest, AnExpiredGrantNoLongerAuthorizes) {
  const Person lucia = new_seger_requester("lucia");
  const Date last_day{std::chrono::year{2026} / 3 / 10};
  desk->authorizations().authorize_requester(
      as(w.admin), {w.seger.id, lucia.id, AuthorizationDocument::oficio, "Ofício 7/2026",
                    Date{std::chrono::year{2026} / 3 / 1}, last_day});
  EXPECT_EQ(record_of(lucia.id).expires_on, last_day);
  EXPECT_TRUE(register_sis(lucia).audience_admitted);
  // The last day counts in Vitória's time.
  clock.set(*parse_instant("2026-03-11T02:59:00Z"));  // 23:59 on the 10th
  EXPECT_TRUE(register_sis(lucia).audience_admitted);
  clock.set(*parse_instant("2026-03-11T03:00:00Z"));
  const Ticket after = register_sis(lucia);
  EXPECT_FALSE(after.audience_admitted);
  EXPECT_EQ(after.unit_id, w.relations.id);

  // The expired record stays as history; it cannot be revoked, and a new
  // grant may be entered.
  const auto expired = record_of(lucia.id);
  EXPECT_TRUE(expired.is_expired_on(Date{std::chrono::year{2026} / 3 / 11}));
  EXPECT_EQ(outcome([&] {
              desk->authorizations().revoke_authorization(
                  as(w.admin), expired.id, Date{std::chrono::year{2026} / 3 / 31}, "Fim.");
            }),
            "conflict");
  desk->authorizations().authorize_requester(
      as(w.admin), {w.seger.id, lucia.id, AuthorizationDocument::contract, "Contrato 9/2026",
                    Date{std::chrono::year{2026} / 3 / 11}});
  EXPECT_TRUE(register_sis(lucia).audience_admitted);
}

TEST_P(AdminDirectoryTest, AGrantCannotExpireBeforeItStarts) {
  const Person lucia = new_seger_requester("lucia");
  const auto before = count("authorizations");
  auto e = error_of([&] {
    desk->authorizations().authorize_requester(
        as(w.admin),
        {w.seger.id, lucia.id, AuthorizationDocument::oficio, "Ofício 7/2026",
         Date{std::chrono::year{2026} / 3 / 2}, Date{std::chrono::year{2026} / 3 / 1}});
  });
  ASSERT_TRUE(e);
  EXPECT_TRUE(names_field(*e, "expires_on"));
  EXPECT_EQ(count("authorizations"), before);
}

TEST_P(AdminDirectoryTest, RevokingNeedsAReasonThatIsKept) {
  const auto record = record_of(w.requester_seger.id);
  const Date last_day{std::chrono::year{2026} / 3 / 5};
  for (const char* blank : {"", "   \n"}) {
    auto e = error_of([&] {
      desk->authorizations().revoke_authorization(as(w.admin), record.id, last_day, blank);
    });
    ASSERT_TRUE(e);
    EXPECT_TRUE(names_field(*e, "reason"));
    EXPECT_TRUE(looks_pt_br(e->what()));
  }
  EXPECT_FALSE(record_of(w.requester_seger.id).valid_until);
  desk->authorizations().revoke_authorization(as(w.admin), record.id, last_day,
                                              " Servidora aposentada. ");
  const auto revoked = record_of(w.requester_seger.id);
  EXPECT_EQ(revoked.valid_until, last_day);
  EXPECT_EQ(revoked.revocation_reason, "Servidora aposentada.");

  // An org manager's request carries its reason; turned down, the reason goes.
  const auto manager = as(w.manager_seger);
  auto asked = desk->authorizations().revoke_authorization(
      manager, record_of(w.manager_seger.id).id, last_day, "Troca de gestor.");
  EXPECT_EQ(asked.revocation_reason, "Troca de gestor.");
  EXPECT_FALSE(asked.valid_until);
  auto refused = desk->authorizations().decide_authorization(as(w.attendant), asked.id, false);
  EXPECT_EQ(refused.revocation_reason, "");
  EXPECT_THAT(record_of(w.manager_seger.id).revocation_reason, Not(HasSubstr("gestor")));
}

GUICHE_ON_BOTH_ENGINES(AdminDirectoryTest);

}  // namespace
}  // namespace guiche::testing
