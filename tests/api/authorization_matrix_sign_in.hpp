#pragma once
// How the authorization matrix's callers sign in (issue 16: "the authorization
// matrix runs unchanged with people from each backend"): with a local
// password, through the directory (search-then-bind at the test slapd, through
// the API's POST /api/v1/session like a local password), or with the OpenID
// provider (the authorization code flow at the test Glewlwyd, finished as the
// web callback finishes it). For the two external ways each person caller's
// account at the test servers (scripts/test-servers/matrix_accounts.txt) is
// first linked to the world's person by (issuer, subject), never by e-mail,
// through the desk's own linking of a signed-in person (Minha Área, "Contas
// para entrar"), and the sign-in must leave that person as it was: the same
// id, name, e-mails, organization and roles.
#include <ostream>
#include <string>

#include "api/authorization_matrix.hpp"
#include "app/desk.hpp"
#include "store/database.hpp"
#include "support/api_world.hpp"
#include "support/ldap_directory.hpp"
#include "support/oidc_provider.hpp"

namespace guiche::testing {

enum class SignInWay { local_password, ldap, oidc };

// "LocalPassword", "Ldap", "Oidc": for the tests' names.
std::string sign_in_way_name(SignInWay way);
// How gtest prints the parameter (in ctest's names and in failures).
inline void PrintTo(SignInWay way, std::ostream* os) {
  *os << sign_in_way_name(way);
}

// The account of person caller `c` (not anonymous nor token) at the test
// directory and at the test provider.
const char* matrix_account(Caller c);
// Its password at the test directory (at the provider: "senha-de-teste").
inline constexpr const char* kMatrixDirectoryPassword = "senha-da-matriz";

// Links `person` to the directory account `login` names, as they do at
// /minha-area/contas: signed in, with the account's login and password
// (Accounts::link_directory; external_identities then holds the directory's
// issuer and the account's entryUUID, as its first sign-in would). Also maps
// the account's own group (GS-LOGIN) to `person`'s organization and each of
// its roles, so the sign-in gives the roles the person has.
void link_directory_account(app::Desk& desk, const app::Actor& admin,
                            const TestDirectory& directory, const Person& person,
                            const std::string& login);

// Links `person` to the provider's account `user`, as /minha-area/contas
// does for a signed-in person: the code flow started and finished for them.
void link_provider_account(app::Desk& desk, const TestOidcProvider& provider, const Person& person,
                           const std::string& user);

// A sign-in with the provider as `user` (the code flow with PKCE): the
// session the callback opens, as the browser holds it.
Browser sign_in_with_provider(app::Desk& desk, const TestOidcProvider& provider,
                              const std::string& user);

// Whether the session's person is `person` as it was before it signed in
// (adds a failure naming what changed otherwise).
void expect_same_person(app::Desk& desk, const Browser& session, const Person& person);

}  // namespace guiche::testing
