// The checks of an OpenID Connect ID token (src/identity/oidc/id_token.hpp),
// with RSA keys made here by librhonabwy and tokens signed here: each forged
// token (another key, another issuer, another audience, expired, issued in
// the future, another nonce, alg "none", HS256 keyed with the public key, a
// key smuggled in the token's own header, a c_hash of another code) is
// refused with its reason, and the genuine one passes, the clock leeway
// included. tests/app/oidc_sign_in_test.cpp runs the same checks through a
// real provider.
#include <gmock/gmock.h>
#include <rhonabwy.h>

#include "identity/oidc/id_token.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;

struct Keys {
  jwk_t* private_key = nullptr;
  jwk_t* public_key = nullptr;
  std::string jwks;  // the public key alone, as a provider publishes it
  Keys(const char* kid) {
    r_global_init();
    r_jwk_init(&private_key);
    r_jwk_init(&public_key);
    r_jwk_generate_key_pair(private_key, public_key, R_KEY_TYPE_RSA, 2048, kid);
    char* exported = r_jwk_export_to_json_str(public_key, 0);
    jwks = std::string("{\"keys\":[") + exported + "]}";
    r_free(exported);
  }
  ~Keys() {
    r_jwk_free(private_key);
    r_jwk_free(public_key);
  }
  Keys(const Keys&) = delete;
  Keys& operator=(const Keys&) = delete;
};

std::string compact(const nlohmann::json& header, const nlohmann::json& claims,
                    const std::string& signature) {
  return identity::base64url(header.dump()) + "." + identity::base64url(claims.dump()) + "." +
         signature;
}

std::string sign(const Keys& keys, const nlohmann::json& claims, const std::string& kid = "k1",
                 jwa_alg alg = R_JWA_ALG_RS256) {
  jws_t* jws = nullptr;
  r_jws_init(&jws);
  const std::string payload = claims.dump();
  r_jws_set_payload(jws, reinterpret_cast<const unsigned char*>(payload.data()), payload.size());
  r_jws_set_alg(jws, alg);
  r_jws_set_header_str_value(jws, "kid", kid.c_str());
  char* token = r_jws_serialize(jws, keys.private_key, 0);
  std::string out = token ? token : "";
  r_free(token);
  r_jws_free(jws);
  return out;
}

class OidcIdTokenTest : public ::testing::Test {
 protected:
  Keys provider{"k1"};
  Keys attacker{"k1"};
  std::chrono::system_clock::time_point now =
      std::chrono::system_clock::time_point(std::chrono::seconds(1'800'000'000));
  nlohmann::json claims = {{"iss", "https://sso.exemplo.gov.br"},
                           {"sub", "12345678909"},
                           {"aud", "guiche"},
                           {"exp", 1'800'000'300},
                           {"iat", 1'799'999'990},
                           {"nonce", "n-123"},
                           {"name", "Ana Cidadã"}};
  identity::IdTokenExpectations expected() const {
    return {"https://sso.exemplo.gov.br", "guiche", "n-123", now, std::chrono::seconds(60), {}};
  }
  std::string refusal(const std::string& token) {
    const auto check = identity::check_id_token(token, provider.jwks, expected());
    return check.claims ? "" : check.reason;
  }
};

TEST_F(OidcIdTokenTest, TheProvidersSignedTokenPasses) {
  const auto check = identity::check_id_token(sign(provider, claims), provider.jwks, expected());
  ASSERT_TRUE(check.claims) << check.reason;
  EXPECT_EQ((*check.claims)["sub"], "12345678909");
  EXPECT_EQ((*check.claims)["name"], "Ana Cidadã");
}

TEST_F(OidcIdTokenTest, AnotherKeysSignatureIsRefused) {
  EXPECT_THAT(refusal(sign(attacker, claims)), HasSubstr("assinatura"));
  // A token whose payload was changed after signing.
  auto genuine = sign(provider, claims);
  auto changed = claims;
  changed["sub"] = "98765432100";
  const auto first = genuine.find('.');
  const auto second = genuine.find('.', first + 1);
  genuine.replace(first + 1, second - first - 1, identity::base64url(changed.dump()));
  EXPECT_THAT(refusal(genuine), HasSubstr("assinatura"));
}

TEST_F(OidcIdTokenTest, AlgNoneAndHs256AreRefusedBeforeAnythingElse) {
  EXPECT_THAT(refusal(compact({{"alg", "none"}, {"kid", "k1"}}, claims, "")), HasSubstr("JWS"));
  EXPECT_THAT(refusal(compact({{"alg", "none"}, {"kid", "k1"}}, claims, "x")),
              HasSubstr("algoritmo"));
  // HS256 keyed with what the attacker knows (the public JWKS): refused by name.
  EXPECT_THAT(refusal(compact({{"alg", "HS256"}, {"kid", "k1"}}, claims, "c2lnbmF0dXJl")),
              HasSubstr("algoritmo"));
  EXPECT_THAT(refusal(sign(provider, claims, "k1", R_JWA_ALG_RS512)), HasSubstr("algoritmo"));
}

TEST_F(OidcIdTokenTest, AKeyCarriedInTheTokensOwnHeaderIsNeverUsed) {
  // Signed by the attacker, who puts their public key in the header (jwk),
  // naming a kid the provider does not have, or the provider's own.
  for (const std::string kid : {"chave-do-atacante", "k1"}) {
    jws_t* jws = nullptr;
    r_jws_init(&jws);
    const std::string payload = claims.dump();
    r_jws_set_payload(jws, reinterpret_cast<const unsigned char*>(payload.data()), payload.size());
    char* jwk = r_jwk_export_to_json_str(attacker.public_key, 0);
    const std::string header =
        std::string(R"({"alg":"RS256","kid":")") + kid + R"(","jwk":)" + jwk + "}";
    r_free(jwk);
    r_jws_set_full_header_json_str(jws, header.c_str());
    r_jws_set_alg(jws, R_JWA_ALG_RS256);
    char* token = r_jws_serialize(jws, attacker.private_key, 0);
    const std::string forged = token ? token : "";
    r_free(token);
    r_jws_free(jws);
    ASSERT_FALSE(forged.empty());
    EXPECT_THAT(refusal(forged), HasSubstr(kid == "k1" ? "assinatura" : "chave")) << kid;
  }
}

TEST_F(OidcIdTokenTest, AnotherIssuerOrAudienceIsRefused) {
  auto other = claims;
  other["iss"] = "https://sso.outro.gov.br";
  EXPECT_THAT(refusal(sign(provider, other)), HasSubstr("iss"));
  other = claims;
  other["aud"] = "outro-cliente";
  EXPECT_THAT(refusal(sign(provider, other)), HasSubstr("aud"));
  // Several audiences: ours among them is not enough without azp naming us.
  other = claims;
  other["aud"] = {"outro-cliente", "guiche"};
  EXPECT_THAT(refusal(sign(provider, other)), HasSubstr("azp"));
  other["azp"] = "outro-cliente";
  EXPECT_THAT(refusal(sign(provider, other)), HasSubstr("azp"));
  other["azp"] = "guiche";
  EXPECT_EQ(refusal(sign(provider, other)), "");
}

TEST_F(OidcIdTokenTest, ExpiryAndIssueTimeAllowOnlyASmallLeeway) {
  auto late = claims;
  late["exp"] = 1'800'000'000 - 50;  // expired 50 s ago: within the 60 s leeway
  EXPECT_EQ(refusal(sign(provider, late)), "");
  late["exp"] = 1'800'000'000 - 61;
  EXPECT_THAT(refusal(sign(provider, late)), HasSubstr("exp"));
  late.erase("exp");
  EXPECT_THAT(refusal(sign(provider, late)), HasSubstr("exp"));
  auto early = claims;
  early["iat"] = 1'800'000'000 + 61;  // issued in the future
  EXPECT_THAT(refusal(sign(provider, early)), HasSubstr("iat"));
  early["iat"] = 1'800'000'000 + 50;
  EXPECT_EQ(refusal(sign(provider, early)), "");
}

TEST_F(OidcIdTokenTest, AnotherSignInsNonceIsRefused) {
  auto replayed = claims;
  replayed["nonce"] = "n-de-outra-entrada";
  EXPECT_THAT(refusal(sign(provider, replayed)), HasSubstr("nonce"));
  replayed.erase("nonce");
  EXPECT_THAT(refusal(sign(provider, replayed)), HasSubstr("nonce"));
}

TEST_F(OidcIdTokenTest, TheHybridFlowsCHashMustBeTheCodes) {
  auto with_hash = claims;
  // OpenID Connect Core 3.3.2.11: base64url of the left half of SHA-256("code-abc").
  with_hash["c_hash"] = "VUegeMOx7SuRlwh4mR1WyA";
  auto e = expected();
  e.code = "code-abc";
  EXPECT_TRUE(identity::check_id_token(sign(provider, with_hash), provider.jwks, e).claims);
  e.code = "outro-codigo";
  const auto check = identity::check_id_token(sign(provider, with_hash), provider.jwks, e);
  EXPECT_FALSE(check.claims);
  EXPECT_THAT(check.reason, HasSubstr("c_hash"));
}

TEST_F(OidcIdTokenTest, AnUnknownKidFindsNoKey) {
  EXPECT_THAT(refusal(sign(provider, claims, "k2")), HasSubstr("chave"));
  EXPECT_EQ(identity::id_token_kid(sign(provider, claims, "k7")), "k7");
}

}  // namespace
}  // namespace guiche::testing
