#pragma once
// What the OpenID Connect backend (oidc_backend.hpp) asks of a provider
// (gov.br, Acesso Cidadão, an agency's Keycloak...), without the protocol:
// the part that speaks it (discovery, the token endpoint, the JWKS, the ID
// token's checks) is src/identity/oidc/oidc_client.hpp, handed to the
// accounts service by `guiche serve --oidc-provider`; the tests use the same
// part against a real Glewlwyd (scripts/test-servers/oidc.sh).
#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace guiche::app {

// A provider as `guiche serve` names it. The client secret is not here: only
// the protocol part holds it.
struct OidcSettings {
  std::string name;                   // "govbr", "acessocidadao": in the routes and the options
  std::string issuer;                 // the ISSUER_URL given; discovery must answer the same
  std::string client_id;              // the expected `aud`
  std::string subject_claim = "sub";  // Acesso Cidadão: "subNovo" (its `sub` is deprecated)
  bool require_mfa_for_staff = false;
  // The hybrid flow answered by a POST (response_mode=form_post), as Acesso
  // Cidadão documents; else the authorization code flow, answered by a GET.
  bool form_post = false;
  // The claim whose values stand for the person's roles at the provider
  // (issue 16, item 5), mapped by an admin like a directory's groups; empty:
  // the provider's roles are not read.
  std::string role_claim;
};

// The verified claims of an ID token and the tokens that came with it.
struct OidcSignIn {
  nlohmann::json claims;      // of the ID token, checked (signature, iss, aud, exp, nonce)
  std::string id_token;       // for the end of the provider's session (id_token_hint)
  std::string refresh_token;  // may be empty
  std::string access_token;
};

struct OidcAnswer {
  enum class Outcome {
    verified,     // `sign_in`
    refused,      // a check failed: `reason` says which (for the log; never a token)
    unavailable,  // the provider could not be reached or answered nonsense
  };
  Outcome outcome = Outcome::unavailable;
  std::optional<OidcSignIn> sign_in;
  std::string reason;
};

class OidcProvider {
 public:
  virtual ~OidcProvider() = default;
  virtual const OidcSettings& settings() const = 0;
  // Where the browser goes to sign in: authorization code with PKCE (S256);
  // with `form_post`, the hybrid flow "code id_token" answered by a POST.
  // nullopt when discovery fails.
  virtual std::optional<std::string> authorization_url(const std::string& state,
                                                       const std::string& nonce,
                                                       const std::string& code_verifier,
                                                       const std::string& redirect_uri,
                                                       bool form_post) = 0;
  // Exchanges the code at the token endpoint and checks the ID token it
  // returns. `front_id_token`, the hybrid flow's ID token posted by the
  // browser, is checked too (with its c_hash) and must name the same subject.
  virtual OidcAnswer exchange_code(const std::string& code, const std::string& code_verifier,
                                   const std::string& redirect_uri, const std::string& nonce,
                                   const std::optional<std::string>& front_id_token) = 0;
  // The session re-check (issue 16, item 4): true when the provider still
  // honours the grant: the refresh token is accepted at the token endpoint
  // (the new one, if rotated, goes in `refresh_token`), or, without one, the
  // access token at the userinfo endpoint. nullopt when it could not tell.
  virtual std::optional<bool> still_valid(std::string& refresh_token,
                                          const std::string& access_token) = 0;
  // The provider's end_session_endpoint with id_token_hint and
  // post_logout_redirect_uri, when discovery offers one.
  virtual std::optional<std::string> end_session_url(const std::string& id_token,
                                                     const std::string& after) = 0;
  // A token kept in the database, sealed with a key derived from the client
  // secret (which is never stored): a copy of the database alone does not
  // give it. open() answers nullopt for anything it did not seal.
  virtual std::string seal(const std::string& token) const = 0;
  virtual std::optional<std::string> open(const std::string& sealed) const = 0;
};

}  // namespace guiche::app
