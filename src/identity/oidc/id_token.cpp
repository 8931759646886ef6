#include "identity/oidc/id_token.hpp"

#include <rhonabwy.h>
#include <sodium.h>

#include <memory>
#include <mutex>
#include <vector>

namespace guiche::identity {
namespace {

struct JwkFree {
  void operator()(jwk_t* k) const { r_jwk_free(k); }
};
struct JwsFree {
  void operator()(jws_t* j) const { r_jws_free(j); }
};

void rhonabwy_once() {
  static std::once_flag once;
  std::call_once(once, [] { r_global_init(); });
}

std::vector<std::string> split_token(const std::string& token) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (;;) {
    const auto dot = token.find('.', start);
    parts.push_back(
        token.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return parts;
}

std::optional<nlohmann::json> json_part(const std::string& part) {
  auto bytes = from_base64url(part);
  if (!bytes) return std::nullopt;
  auto parsed = nlohmann::json::parse(*bytes, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) return std::nullopt;
  return parsed;
}

// The RSA key of `jwks` the token's `kid` names; without a kid, the only RSA
// signing key there is.
std::optional<nlohmann::json> signing_key(const std::string& jwks, const std::string& kid) {
  auto doc = nlohmann::json::parse(jwks, nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("keys") || !doc["keys"].is_array())
    return std::nullopt;
  std::vector<nlohmann::json> candidates;
  for (const auto& key : doc["keys"]) {
    if (!key.is_object() || key.value("kty", "") != "RSA") continue;
    if (key.contains("use") && key.value("use", "") != "sig") continue;
    if (!kid.empty() && key.value("kid", "") != kid) continue;
    candidates.push_back(key);
  }
  if (candidates.size() != 1) return std::nullopt;
  return candidates.front();
}

bool signature_holds(const std::string& token, const nlohmann::json& key) {
  rhonabwy_once();
  jwk_t* raw_key = nullptr;
  if (r_jwk_init(&raw_key) != RHN_OK) return false;
  std::unique_ptr<jwk_t, JwkFree> jwk(raw_key);
  if (r_jwk_import_from_json_str(jwk.get(), key.dump().c_str()) != RHN_OK) return false;
  jws_t* raw_jws = nullptr;
  if (r_jws_init(&raw_jws) != RHN_OK) return false;
  std::unique_ptr<jws_t, JwsFree> jws(raw_jws);
  // R_PARSE_NONE: a key or key URL in the token's own header is never taken.
  if (r_jws_advanced_parse(jws.get(), token.c_str(), R_PARSE_NONE, R_FLAG_IGNORE_REMOTE) != RHN_OK)
    return false;
  if (r_jws_get_alg(jws.get()) != R_JWA_ALG_RS256) return false;
  return r_jws_verify_signature(jws.get(), jwk.get(), R_FLAG_IGNORE_REMOTE) == RHN_OK;
}

std::optional<std::int64_t> seconds_claim(const nlohmann::json& claims, const char* name) {
  if (!claims.contains(name) || !claims[name].is_number()) return std::nullopt;
  return static_cast<std::int64_t>(claims[name].get<double>());
}

// OpenID Connect Core 3.3.2.11: the left half of SHA-256 of the code, base64url.
std::string half_sha256(const std::string& text) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  return base64url(std::string(reinterpret_cast<const char*>(digest), sizeof digest / 2));
}

IdTokenCheck refuse(std::string reason) {
  return {std::nullopt, std::move(reason)};
}

}  // namespace

std::string base64url(const std::string& bytes) {
  if (sodium_init() < 0) return "";
  std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                  '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.find('\0'));
  return out;
}

std::optional<std::string> from_base64url(const std::string& text) {
  if (sodium_init() < 0) return std::nullopt;
  std::string out(text.size(), '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), nullptr, &length, nullptr,
                        sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0) {
    return std::nullopt;
  }
  out.resize(length);
  return out;
}

std::string id_token_kid(const std::string& token) {
  const auto parts = split_token(token);
  if (parts.size() != 3) return "";
  const auto header = json_part(parts[0]);
  if (!header || !(*header)["kid"].is_string()) return "";
  return (*header)["kid"].get<std::string>();
}

IdTokenCheck check_id_token(const std::string& token, const std::string& jwks,
                            const IdTokenExpectations& expected) {
  const auto parts = split_token(token);
  if (parts.size() != 3 || parts[2].empty()) return refuse("não é um JWS compacto assinado");
  const auto header = json_part(parts[0]);
  if (!header) return refuse("cabeçalho ilegível");
  // Only RS256: "none", HS256 (the client secret as key) and the rest are refused here.
  if (header->value("alg", "") != "RS256") return refuse("algoritmo recusado");
  const auto key = signing_key(jwks, id_token_kid(token));
  if (!key) return refuse("chave de assinatura desconhecida");
  if (!signature_holds(token, *key)) return refuse("assinatura inválida");
  auto claims = json_part(parts[1]);
  if (!claims) return refuse("conteúdo ilegível");
  const auto& c = *claims;
  if (!c.contains("iss") || !c["iss"].is_string() || c["iss"] != expected.issuer)
    return refuse("emissor (iss) diferente");
  if (!c.contains("sub") || !c["sub"].is_string() || c["sub"].get<std::string>().empty())
    return refuse("sem sujeito (sub)");
  bool ours = false;
  std::size_t audiences = 0;
  if (c.contains("aud") && c["aud"].is_string()) {
    audiences = 1;
    ours = c["aud"] == expected.client_id;
  } else if (c.contains("aud") && c["aud"].is_array()) {
    audiences = c["aud"].size();
    for (const auto& a : c["aud"]) ours = ours || (a.is_string() && a == expected.client_id);
  }
  if (!ours) return refuse("público (aud) diferente");
  if ((audiences > 1 || c.contains("azp")) &&
      (!c.contains("azp") || !c["azp"].is_string() || c["azp"] != expected.client_id)) {
    return refuse("parte autorizada (azp) diferente");
  }
  const auto now =
      std::chrono::duration_cast<std::chrono::seconds>(expected.now.time_since_epoch()).count();
  const auto exp = seconds_claim(c, "exp");
  const auto iat = seconds_claim(c, "iat");
  if (!exp || *exp + expected.leeway.count() < now) return refuse("expirado (exp)");
  if (!iat || *iat - expected.leeway.count() > now) return refuse("emitido no futuro (iat)");
  if (auto nbf = seconds_claim(c, "nbf"); nbf && *nbf - expected.leeway.count() > now)
    return refuse("ainda não vale (nbf)");
  if (expected.nonce.empty() || !c.contains("nonce") || !c["nonce"].is_string() ||
      c["nonce"] != expected.nonce) {
    return refuse("nonce diferente do da entrada");
  }
  if (expected.code && c.contains("c_hash") &&
      (!c["c_hash"].is_string() || c["c_hash"] != half_sha256(*expected.code))) {
    return refuse("c_hash não confere com o código");
  }
  return {std::move(claims), ""};
}

}  // namespace guiche::identity
