#pragma once
// `guiche serve`'s options for signing in with OpenID Connect providers
// (issue 16, item 3; src/identity/oidc/oidc_client.hpp). Each provider is
// named (--oidc-provider govbr=https://sso.acesso.gov.br); its client id and
// secret come only from the environment, GUICHE_OIDC_<NAME>_CLIENT_ID and
// GUICHE_OIDC_<NAME>_CLIENT_SECRET (NAME in capitals), and the secret is
// never logged nor stored.
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "identity/oidc/oidc_client.hpp"

namespace guiche::cli {

struct OidcOptions {
  std::vector<std::string> providers;       // NAME=ISSUER_URL
  std::vector<std::string> subject_claims;  // NAME=CLAIM
  std::vector<std::string> role_claims;     // NAME=CLAIM
  std::vector<std::string> require_mfa;     // NAME
  std::vector<std::string> form_post;       // NAME
  int session_recheck_minutes = 15;

  void add_to(CLI::App& command);
  // One configuration per provider, with the client id and secret from the
  // environment. Throws std::invalid_argument naming what is wrong.
  std::vector<identity::OidcClientConfig> configs() const;
};

}  // namespace guiche::cli
