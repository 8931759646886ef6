#pragma once
// The checks of an OpenID Connect ID token (OpenID Connect Core 1.0, 3.1.3.7
// and 3.3.2.11), apart from any HTTP: the signature, RS256 only, by the key
// of the provider's JWKS its `kid` names (Debian's librhonabwy does the RSA;
// keys or URLs a token carries in its own header are never used), then
// `iss`, `aud` (and `azp` when there are several audiences), `exp` and `iat`
// with a small leeway, the `nonce` the sign-in started with, and `c_hash`
// when the token came with a code (the hybrid flow). "alg": "none" and every
// other algorithm are refused before anything else is read.
#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace guiche::identity {

struct IdTokenExpectations {
  std::string issuer;
  std::string client_id;
  std::string nonce;
  std::chrono::system_clock::time_point now;
  std::chrono::seconds leeway{60};
  // The code the token came with (hybrid flow): its c_hash, when present, must match.
  std::optional<std::string> code;
};

struct IdTokenCheck {
  std::optional<nlohmann::json> claims;  // set when every check passed
  std::string reason;                    // which check failed (for the log; never the token)
};

// `jwks` is the provider's JWKS document (JSON text).
IdTokenCheck check_id_token(const std::string& token, const std::string& jwks,
                            const IdTokenExpectations& expected);

// The `kid` of the token's header ("" when none or unreadable): an unknown
// one makes the client fetch the JWKS again (the provider rotated its keys).
std::string id_token_kid(const std::string& token);

// base64url without padding, as JOSE writes it.
std::string base64url(const std::string& bytes);
std::optional<std::string> from_base64url(const std::string& text);

}  // namespace guiche::identity
