#pragma once
// The Glewlwyd the OpenID Connect sign-in's tests ask
// (scripts/test-servers/oidc.sh, started by scripts/run-tests.sh), named by
// GUICHE_TEST_OIDC_ISSUER, _CLIENT_ID, _CLIENT_SECRET, _DIR (where its
// signing key is, DIR/key.pem) and _ISSUER2. Without them those tests are skipped with a
// message (GUICHE_REQUIRE_OIDC). Its users, as the script makes them (all
// with the password "senha-de-teste"): cidadao.ana (e-mail verified, CPF
// 529.982.247-25, subNovo "ac-novo-0001") and servidor.rui (e-mail not
// verified, papeis "atendente"), and the authorization matrix's callers
// (scripts/test-servers/matrix_accounts.txt). The client accepts the callbacks of
// provider "teste" on 127.0.0.1 ports 51450-51459.
#include <map>
#include <optional>
#include <string>

#include "identity/oidc/oidc_client.hpp"
#include "support/http_client.hpp"

namespace guiche::testing {

struct TestOidcProvider {
  std::string issuer, client_id, client_secret, dir;
  std::string
      issuer2;  // a second provider of the same server: cidadao.ana has the same `sub` there
  unsigned short port = 0;
};

// nullopt when the environment names no test provider.
std::optional<TestOidcProvider> test_oidc_provider();

// One test at a time talks to the provider, across the test programs ctest
// runs in parallel: the tests sign the same users in and grant and revoke
// the same client's consent, which the provider keeps per user. Held (an
// exclusive lock on a file of the provider's directory) while it lives.
class ProviderTurn {
 public:
  explicit ProviderTurn(const TestOidcProvider& p);
  ~ProviderTurn();
  ProviderTurn(const ProviderTurn&) = delete;
  ProviderTurn& operator=(const ProviderTurn&) = delete;

 private:
  int fd_ = -1;
};

// The desk's public URL whose callback the test client accepts.
inline constexpr const char* kOidcTestPublicUrl = "http://127.0.0.1:51450";

// `guiche serve --oidc-provider NAME=ISSUER` with the client's id and secret.
identity::OidcClientConfig oidc_client_config(const TestOidcProvider& p,
                                              const std::string& name = "teste");

// Signs `user` in at the provider (its login API, as its login page does),
// grants the client the openid scope, then asks `authorization_url`: a 302
// whose Location is the callback (code flow), or a 200 whose body is the
// form that posts the answer (form_post).
HttpResult answer_at_provider(const TestOidcProvider& p, const std::string& authorization_url,
                              const std::string& user,
                              const std::string& password = "senha-de-teste");

// The query parameters of a URL, decoded.
std::map<std::string, std::string> query_parameters(const std::string& url);
// The hidden fields of the form_post page.
std::map<std::string, std::string> posted_fields(const std::string& html);

// Revokes a token at the provider (RFC 7009, its /revoke endpoint, as the client).
void revoke_at_provider(const TestOidcProvider& p, const std::string& token);

#define GUICHE_REQUIRE_OIDC(provider)                                                \
  const auto provider##_found = ::guiche::testing::test_oidc_provider();             \
  if (!provider##_found) {                                                           \
    GTEST_SKIP() << "GUICHE_TEST_OIDC_ISSUER is not set: start Glewlwyd with "       \
                    "scripts/test-servers/oidc.sh start and export its values (see " \
                    "scripts/run-tests.sh)";                                         \
  }                                                                                  \
  const ::guiche::testing::ProviderTurn provider##_turn(*provider##_found);          \
  const ::guiche::testing::TestOidcProvider& provider = *provider##_found

}  // namespace guiche::testing
