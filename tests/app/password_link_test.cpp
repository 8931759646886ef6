// "Esqueci minha senha" (app/accounts/password_link.cpp) on both engines: a
// link goes only to an active person with a login and an e-mail, the caller
// told the same either way; it serves once, for an hour, ends the person's
// sessions and other links; at most three an hour per person.
#include <gmock/gmock.h>

#include "app/accounts/accounts.hpp"
#include "app/directory/directory.hpp"
#include "app/expect_error.hpp"
#include "store/external_identity_rows.hpp"
#include "store/outbox_rows.hpp"
#include "support/desk_world.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;

class PasswordLinkTest : public DeskTest {
 protected:
  Person rita() {
    Person p = desk->accounts().bootstrap_user("Rita Esquecida", "rita", "Senha-antiga-1",
                                               {{Role::requester, std::nullopt}});
    p.emails = {"rita@seger.es.gov.br"};
    return desk->directory().update_person(as(w.admin), p);
  }
  // The tokens of the links mailed so far, oldest first.
  std::vector<std::string> mailed_tokens() {
    std::vector<store::OutboxMessage> all;
    database->db().read([&](store::Connection& c) { all = store::list_messages(c, "", {}, 50); });
    std::vector<std::string> tokens;
    for (auto it = all.rbegin(); it != all.rend(); ++it) {
      if (it->template_key != "password_link") continue;
      const auto at = it->text_body.find("token=");
      if (at == std::string::npos) continue;
      tokens.push_back(it->text_body.substr(at + 6, 64));
    }
    return tokens;
  }
};

TEST_P(PasswordLinkTest, ALinkServesOnceEndsTheSessionsAndTheOldPassword) {
  const auto p = rita();
  auto& accounts = desk->accounts();
  const auto grant = accounts.sign_in("rita", "Senha-antiga-1", "127.0.0.1");
  accounts.request_password_link("rita", "127.0.0.1");
  auto tokens = mailed_tokens();
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].size(), 64u);
  // Only its SHA-256 is kept.
  EXPECT_EQ(count("password_links WHERE token_sha256 = '" + tokens[0] + "'"), 0);
  EXPECT_EQ(outcome([&] { accounts.reset_password_with_link(tokens[0], "curta"); }), "validation");
  accounts.reset_password_with_link(tokens[0], "Senha-nova-22");
  EXPECT_FALSE(accounts.session(grant.session_id));
  EXPECT_FALSE(accounts.authenticate("rita", "Senha-antiga-1"));
  EXPECT_TRUE(accounts.authenticate("rita", "Senha-nova-22"));
  EXPECT_FALSE(desk->directory().person(as(w.admin), p.id).must_change_password);
  EXPECT_EQ(outcome([&] { accounts.reset_password_with_link(tokens[0], "Senha-outra-33"); }),
            "validation");
  EXPECT_EQ(outcome([&] { accounts.reset_password_with_link("nada", "Senha-outra-33"); }),
            "validation");
}

TEST_P(PasswordLinkTest, ALinkByEmailLastsAnHourAndUsingOneEndsTheOthers) {
  rita();
  auto& accounts = desk->accounts();
  accounts.request_password_link("rita@seger.es.gov.br", "10.0.0.1");
  clock.advance(std::chrono::minutes(61));
  EXPECT_EQ(
      outcome([&] { accounts.reset_password_with_link(mailed_tokens()[0], "Senha-nova-22"); }),
      "validation");
  accounts.request_password_link(" rita ", "10.0.0.2");
  accounts.request_password_link("rita", "10.0.0.3");
  const auto tokens = mailed_tokens();
  ASSERT_EQ(tokens.size(), 3u);
  accounts.reset_password_with_link(tokens[2], "Senha-nova-22");
  EXPECT_EQ(outcome([&] { accounts.reset_password_with_link(tokens[1], "Senha-nova-33"); }),
            "validation");
}

TEST_P(PasswordLinkTest, NobodyIsToldWhetherAnAccountExistsAndLinksAreRationed) {
  auto p = rita();
  auto& accounts = desk->accounts();
  // Unknown, or without a way to receive it: the same answer, no mail.
  accounts.request_password_link("ninguem@seger.es.gov.br", "10.0.0.1");
  accounts.request_password_link("ninguem", "10.0.0.2");
  p.active = false;
  desk->directory().update_person(as(w.admin), p);
  accounts.request_password_link("rita", "10.0.0.3");
  EXPECT_TRUE(mailed_tokens().empty());
  p.active = true;
  desk->directory().update_person(as(w.admin), p);
  // Three an hour for a person, whatever the address.
  for (int i = 0; i < 5; ++i) {
    accounts.request_password_link("rita", "10.0.1." + std::to_string(i));
  }
  EXPECT_EQ(mailed_tokens().size(), 3u);
  EXPECT_EQ(outcome([&] { accounts.request_password_link("  ", "10.0.0.9"); }), "validation");
}

TEST_P(PasswordLinkTest, ADirectorysAccountGetsNoLinkItsPasswordIsTheDirectorys) {
  const auto p = rita();
  database->db().write([&](store::Connection& c) {
    store::insert_external_identity(c, "ldaps://diretorio.es.gov.br", "5f0c-rita", p.id,
                                    clock.now());
  });
  desk->accounts().request_password_link("rita", "10.0.0.1");
  EXPECT_TRUE(mailed_tokens().empty());
}

GUICHE_ON_BOTH_ENGINES(PasswordLinkTest);

}  // namespace
}  // namespace guiche::testing
