#include "identity/oidc/oidc_client.hpp"

#include <sodium.h>

#include "identity/oidc/http_fetch.hpp"
#include "identity/oidc/id_token.hpp"

namespace guiche::identity {
namespace {

constexpr auto kDiscoveryLifetime = std::chrono::hours(1);
constexpr auto kJwksRefetchPause = std::chrono::minutes(1);

std::string host_of(const std::string& url) {
  const auto scheme = url.find("://");
  if (scheme == std::string::npos) return "";
  const auto start = scheme + 3;
  const auto end = url.find_first_of(":/?#", start);
  return url.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

bool acceptable_url(const std::string& url) {
  if (url.rfind("https://", 0) == 0) return true;
  const auto host = host_of(url);
  return url.rfind("http://", 0) == 0 && (host == "127.0.0.1" || host == "localhost");
}

std::string without_trailing_slash(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

std::string with_query(const std::string& endpoint, const FormFields& fields) {
  return endpoint + (endpoint.find('?') == std::string::npos ? "?" : "&") + form_encode(fields);
}

std::string sha256_bytes(const std::string& text) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  return std::string(reinterpret_cast<const char*>(digest), sizeof digest);
}

// The key that seals the tokens kept in the database: BLAKE2b of the client
// secret (which is never stored) and the provider's name.
void token_key(unsigned char* key, const std::string& secret, const std::string& provider) {
  const std::string material = "guiche-oidc-token\n" + provider + "\n" + secret;
  crypto_generichash(key, crypto_secretbox_KEYBYTES,
                     reinterpret_cast<const unsigned char*>(material.data()), material.size(),
                     nullptr, 0);
}

app::OidcAnswer unavailable(std::string reason) {
  return {app::OidcAnswer::Outcome::unavailable, std::nullopt, std::move(reason)};
}
app::OidcAnswer refused(std::string reason) {
  return {app::OidcAnswer::Outcome::refused, std::nullopt, std::move(reason)};
}

}  // namespace

std::optional<std::string> oidc_config_problem(const OidcClientConfig& config) {
  const auto& s = config.settings;
  const std::string who = "provedor OpenID Connect \"" + s.name + "\"";
  if (!acceptable_url(s.issuer)) {
    return who +
           ": o emissor deve ser https:// (http:// só em 127.0.0.1 ou localhost, para testes)";
  }
  if (s.client_id.empty()) return who + ": falta o client id (GUICHE_OIDC_<NOME>_CLIENT_ID)";
  if (config.client_secret.empty())
    return who + ": falta o client secret (GUICHE_OIDC_<NOME>_CLIENT_SECRET)";
  return std::nullopt;
}

OidcClient::OidcClient(OidcClientConfig config) : config_(std::move(config)) {
  config_.settings.issuer = without_trailing_slash(config_.settings.issuer);
}

std::optional<OidcClient::Discovery> OidcClient::discovery() {
  std::lock_guard lock(mutex_);
  const auto now = std::chrono::steady_clock::now();
  if (discovery_ && now - discovered_at_ < kDiscoveryLifetime) return discovery_;
  const auto answer =
      http_get(config_.settings.issuer + "/.well-known/openid-configuration", config_.timeout);
  if (!answer.ok()) return discovery_;  // the last one known, if any
  const auto doc = nlohmann::json::parse(answer.body, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return discovery_;
  const auto text = [&](const char* key) {
    return doc.contains(key) && doc[key].is_string() ? doc[key].get<std::string>() : "";
  };
  // OpenID Connect Discovery 4.3: the issuer in the document is the one asked.
  if (without_trailing_slash(text("issuer")) != config_.settings.issuer) return discovery_;
  Discovery d{text("authorization_endpoint"), text("token_endpoint"), text("jwks_uri"),
              text("userinfo_endpoint"), text("end_session_endpoint")};
  if (!acceptable_url(d.authorization_endpoint) || !acceptable_url(d.token_endpoint) ||
      !acceptable_url(d.jwks_uri)) {
    return discovery_;
  }
  if (!d.end_session_endpoint.empty() && !acceptable_url(d.end_session_endpoint))
    d.end_session_endpoint.clear();
  if (!d.userinfo_endpoint.empty() && !acceptable_url(d.userinfo_endpoint))
    d.userinfo_endpoint.clear();
  discovery_ = d;
  discovered_at_ = now;
  return discovery_;
}

std::optional<std::string> OidcClient::jwks_for(const std::string& kid) {
  const auto d = discovery();
  if (!d) return std::nullopt;
  std::lock_guard lock(mutex_);
  const auto now = std::chrono::steady_clock::now();
  const bool known =
      !jwks_.empty() && (kid.empty() || jwks_.find("\"" + kid + "\"") != std::string::npos);
  if (known) return jwks_;
  if (!jwks_.empty() && now - jwks_at_ < kJwksRefetchPause) return jwks_;
  const auto answer = http_get(d->jwks_uri, config_.timeout);
  if (!answer.ok()) return jwks_.empty() ? std::nullopt : std::optional(jwks_);
  jwks_ = answer.body;
  jwks_at_ = now;
  return jwks_;
}

std::optional<std::string> OidcClient::authorization_url(const std::string& state,
                                                         const std::string& nonce,
                                                         const std::string& code_verifier,
                                                         const std::string& redirect_uri,
                                                         bool form_post) {
  const auto d = discovery();
  if (!d) return std::nullopt;
  FormFields fields = {{"response_type", form_post ? "code id_token" : "code"},
                       {"client_id", config_.settings.client_id},
                       {"redirect_uri", redirect_uri},
                       {"scope", "openid profile email"},
                       {"state", state},
                       {"nonce", nonce},
                       {"code_challenge", base64url(sha256_bytes(code_verifier))},
                       {"code_challenge_method", "S256"}};
  if (form_post) fields.push_back({"response_mode", "form_post"});
  return with_query(d->authorization_endpoint, fields);
}

app::OidcAnswer OidcClient::check(const std::string& id_token, const std::string& nonce,
                                  const std::optional<std::string>& code) {
  const auto jwks = jwks_for(id_token_kid(id_token));
  if (!jwks) return unavailable("JWKS indisponível");
  IdTokenExpectations expected{config_.settings.issuer,
                               config_.settings.client_id,
                               nonce,
                               std::chrono::system_clock::now(),
                               config_.leeway,
                               code};
  auto result = check_id_token(id_token, *jwks, expected);
  if (!result.claims) return refused("ID token recusado: " + result.reason);
  app::OidcSignIn sign_in;
  sign_in.claims = std::move(*result.claims);
  sign_in.id_token = id_token;
  return {app::OidcAnswer::Outcome::verified, std::move(sign_in), ""};
}

app::OidcAnswer OidcClient::exchange_code(const std::string& code, const std::string& code_verifier,
                                          const std::string& redirect_uri, const std::string& nonce,
                                          const std::optional<std::string>& front_id_token) {
  std::optional<std::string> front_subject;
  if (front_id_token) {
    // The hybrid flow's token, posted by the browser: checked before the code is spent.
    auto front = check(*front_id_token, nonce, code);
    if (front.outcome != app::OidcAnswer::Outcome::verified) return front;
    front_subject = front.sign_in->claims.value("sub", "");
  }
  const auto d = discovery();
  if (!d) return unavailable("descoberta (.well-known) indisponível");
  const auto answer =
      http_post_form(d->token_endpoint,
                     {{"grant_type", "authorization_code"},
                      {"code", code},
                      {"redirect_uri", redirect_uri},
                      {"code_verifier", code_verifier}},
                     config_.settings.client_id, config_.client_secret, config_.timeout);
  if (!answer.reached) return unavailable("endpoint de token inalcançável: " + answer.error);
  const auto doc = nlohmann::json::parse(answer.body, nullptr, false);
  if (!answer.ok()) {
    std::string error = doc.is_object() && doc.contains("error") && doc["error"].is_string()
                            ? doc["error"].get<std::string>()
                            : "HTTP " + std::to_string(answer.status);
    return refused("código recusado pelo provedor (" + error + ")");
  }
  if (!doc.is_object() || !doc.contains("id_token") || !doc["id_token"].is_string())
    return refused("o provedor não devolveu ID token");
  auto result = check(doc["id_token"].get<std::string>(), nonce, std::nullopt);
  if (result.outcome != app::OidcAnswer::Outcome::verified) return result;
  if (front_subject && result.sign_in->claims.value("sub", "") != *front_subject)
    return refused("os dois ID tokens nomeiam sujeitos diferentes");
  const auto text = [&](const char* key) {
    return doc.contains(key) && doc[key].is_string() ? doc[key].get<std::string>() : "";
  };
  result.sign_in->access_token = text("access_token");
  result.sign_in->refresh_token = text("refresh_token");
  return result;
}

std::optional<bool> OidcClient::still_valid(std::string& refresh_token,
                                            const std::string& access_token) {
  const auto d = discovery();
  if (!d) return std::nullopt;
  if (!refresh_token.empty()) {
    const auto answer = http_post_form(
        d->token_endpoint, {{"grant_type", "refresh_token"}, {"refresh_token", refresh_token}},
        config_.settings.client_id, config_.client_secret, config_.timeout);
    if (!answer.reached || answer.status >= 500) return std::nullopt;
    if (!answer.ok()) return false;
    const auto doc = nlohmann::json::parse(answer.body, nullptr, false);
    if (doc.is_object() && doc.contains("refresh_token") && doc["refresh_token"].is_string())
      refresh_token = doc["refresh_token"].get<std::string>();
    return true;
  }
  if (access_token.empty() || d->userinfo_endpoint.empty()) return std::nullopt;
  const auto answer = http_get(d->userinfo_endpoint, config_.timeout, access_token);
  if (!answer.reached || answer.status >= 500) return std::nullopt;
  return answer.ok();
}

std::optional<std::string> OidcClient::end_session_url(const std::string& id_token,
                                                       const std::string& after) {
  const auto d = discovery();
  if (!d || d->end_session_endpoint.empty()) return std::nullopt;
  FormFields fields = {{"post_logout_redirect_uri", after},
                       {"client_id", config_.settings.client_id}};
  if (!id_token.empty()) fields.insert(fields.begin(), {"id_token_hint", id_token});
  return with_query(d->end_session_endpoint, fields);
}

std::string OidcClient::seal(const std::string& token) const {
  if (token.empty() || sodium_init() < 0) return "";
  unsigned char key[crypto_secretbox_KEYBYTES];
  token_key(key, config_.client_secret, config_.settings.name);
  std::string out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + token.size(), '\0');
  auto* bytes = reinterpret_cast<unsigned char*>(out.data());
  randombytes_buf(bytes, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(bytes + crypto_secretbox_NONCEBYTES,
                        reinterpret_cast<const unsigned char*>(token.data()), token.size(), bytes,
                        key);
  sodium_memzero(key, sizeof key);
  return base64url(out);
}

std::optional<std::string> OidcClient::open(const std::string& sealed) const {
  auto raw = from_base64url(sealed);
  if (!raw || raw->size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)
    return std::nullopt;
  unsigned char key[crypto_secretbox_KEYBYTES];
  token_key(key, config_.client_secret, config_.settings.name);
  const auto* bytes = reinterpret_cast<const unsigned char*>(raw->data());
  std::string out(raw->size() - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
  const int failed = crypto_secretbox_open_easy(
      reinterpret_cast<unsigned char*>(out.data()), bytes + crypto_secretbox_NONCEBYTES,
      raw->size() - crypto_secretbox_NONCEBYTES, bytes, key);
  sodium_memzero(key, sizeof key);
  if (failed != 0) return std::nullopt;
  return out;
}

}  // namespace guiche::identity
