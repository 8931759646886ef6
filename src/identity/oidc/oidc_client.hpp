#pragma once
// An OpenID Connect provider as the sign-in asks it
// (app/accounts/auth/oidc_provider.hpp), over libcurl: discovery
// (ISSUER/.well-known/openid-configuration, whose `issuer` must be the one
// configured), the JWKS (fetched again once when a token names an unknown
// key: the provider rotated them), the token endpoint (client_secret_basic;
// PKCE's code_verifier), the userinfo endpoint, and the ID token's checks
// (id_token.hpp). The client secret stays in this object: it is never
// logged, stored nor shown; the tokens kept in the database are sealed with
// a key derived from it (libsodium's secretbox).
#include <chrono>
#include <mutex>
#include <optional>
#include <string>

#include "app/accounts/auth/oidc_provider.hpp"

namespace guiche::identity {

struct OidcClientConfig {
  app::OidcSettings settings;
  std::string client_secret;  // only from GUICHE_OIDC_<NAME>_CLIENT_SECRET
  std::chrono::milliseconds timeout{5000};
  std::chrono::seconds leeway{60};
};

// Why `config` cannot work (an issuer that is not https:// — http:// only on
// 127.0.0.1 or localhost, for tests —, no client id or secret), or nullopt.
std::optional<std::string> oidc_config_problem(const OidcClientConfig& config);

class OidcClient : public app::OidcProvider {
 public:
  explicit OidcClient(OidcClientConfig config);
  const app::OidcSettings& settings() const override { return config_.settings; }
  std::optional<std::string> authorization_url(const std::string& state, const std::string& nonce,
                                               const std::string& code_verifier,
                                               const std::string& redirect_uri,
                                               bool form_post) override;
  app::OidcAnswer exchange_code(const std::string& code, const std::string& code_verifier,
                                const std::string& redirect_uri, const std::string& nonce,
                                const std::optional<std::string>& front_id_token) override;
  std::optional<bool> still_valid(std::string& refresh_token,
                                  const std::string& access_token) override;
  std::optional<std::string> end_session_url(const std::string& id_token,
                                             const std::string& after) override;
  std::string seal(const std::string& token) const override;
  std::optional<std::string> open(const std::string& sealed) const override;

 private:
  struct Discovery {
    std::string authorization_endpoint, token_endpoint, jwks_uri, userinfo_endpoint,
        end_session_endpoint;
  };
  std::optional<Discovery> discovery();
  // The JWKS, fetched again when `kid` is not in the one held (at most once a minute).
  std::optional<std::string> jwks_for(const std::string& kid);
  app::OidcAnswer check(const std::string& id_token, const std::string& nonce,
                        const std::optional<std::string>& code);

  OidcClientConfig config_;
  std::mutex mutex_;
  std::optional<Discovery> discovery_;
  std::chrono::steady_clock::time_point discovered_at_{};
  std::string jwks_;
  std::chrono::steady_clock::time_point jwks_at_{};
};

}  // namespace guiche::identity
