// Signing in with an OpenID Connect provider (issue 16, items 3 and 4),
// against the real Glewlwyd of scripts/test-servers/oidc.sh (skipped without
// it): discovery, the code flow with PKCE and the hybrid form_post flow; the
// first sign-in creates the person, the second reuses them; a state serves
// once; forged ID tokens posted at the form_post callback (signed with the
// provider's own key but for another issuer, audience, an expired one, a
// replayed one, or signed with another key) are refused and create nothing;
// two providers sending the same `sub` stay two people; the e-mail is taken
// only when verified; subNovo is the subject when configured; staff without
// the provider's second factor are refused when it is required; an existing
// person's e-mail links only with the code sent to it; the session ends when
// the provider stops honouring it; and the client secret and the tokens
// never reach the log.
#include <gmock/gmock.h>
#include <rhonabwy.h>

#include <fstream>
#include <sstream>

#include "app/accounts/accounts.hpp"
#include "app/directory/authorizations.hpp"
#include "domain/error.hpp"
#include "identity/oidc/id_token.hpp"
#include "store/outbox_rows.hpp"
#include "store/person_rows.hpp"
#include "support/desk_world.hpp"
#include "support/oidc_provider.hpp"
#include "support/test_password.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using Kind = app::OidcCallback::Kind;

class OidcSignInTest : public DeskTest {
 protected:
  app::DeskConfig desk_config() override {
    auto config = DeskTest::desk_config();
    config.public_url = kOidcTestPublicUrl;
    // Each session() reads the database, where the re-check happens.
    config.credential_cache_ttl = std::chrono::milliseconds(0);
    return config;
  }
  void use(identity::OidcClientConfig c) {
    desk->accounts().use_oidc_provider(std::make_shared<identity::OidcClient>(std::move(c)));
  }
  // Starts a sign-in with provider `name` and answers it at the provider as
  // `user`: the parameters the provider sends back to the callback.
  std::map<std::string, std::string> answer(const TestOidcProvider& p, const std::string& user,
                                            std::optional<std::int64_t> link = std::nullopt,
                                            const std::string& name = "teste") {
    const auto url = desk->accounts().start_oidc(name, "/minha-area", link);
    EXPECT_TRUE(url);
    if (!url) return {};
    const auto at = answer_at_provider(p, *url, user);
    if (at.status == 200) return posted_fields(at.body);
    EXPECT_EQ(at.status, 302) << at.body;
    return query_parameters(at.headers.count("location") ? at.headers.at("location") : "");
  }
  app::OidcCallback finish(const std::map<std::string, std::string>& params,
                           std::optional<std::int64_t> signed_in = std::nullopt,
                           const std::string& name = "teste") {
    std::optional<std::string> id_token;
    if (params.count("id_token")) id_token = params.at("id_token");
    return desk->accounts().finish_oidc(name, params.count("state") ? params.at("state") : "",
                                        params.count("code") ? params.at("code") : "", id_token,
                                        signed_in);
  }
  app::OidcCallback sign_in(const TestOidcProvider& p, const std::string& user,
                            const std::string& name = "teste") {
    return finish(answer(p, user, std::nullopt, name), std::nullopt, name);
  }
  std::vector<std::pair<std::string, std::string>> identities() {
    std::vector<std::pair<std::string, std::string>> out;
    database->db().read([&](store::Connection& c) {
      for (const auto& row : c.query("SELECT issuer, subject FROM external_identities ORDER BY "
                                     "issuer"))
        out.emplace_back(row.text(0), row.text(1));
    });
    return out;
  }
  std::vector<store::OutboxMessage> messages() {
    std::vector<store::OutboxMessage> out;
    database->db().read([&](store::Connection& c) { out = store::list_messages(c, "", {}, 50); });
    return out;
  }
  // A requester already at the desk with the e-mail `email`, no external link.
  Person existing_person(const std::string& name, const std::string& email) {
    Person p;
    p.name = name;
    p.emails = {email};
    p.roles = {{Role::requester, std::nullopt}};
    database->db().write([&](store::Connection& c) {
      p.id = store::insert_person(c, p, std::nullopt, clock.now());
    });
    return p;
  }
  // The code of the last link e-mail, checked to go to `address`.
  std::string link_code(const std::string& address) {
    std::string code;
    for (const auto& m : messages()) {
      if (m.template_key != "external_link_code") continue;
      EXPECT_EQ(m.recipient_address, address);
      const auto at = m.text_body.find("código ");
      code = m.text_body.substr(at + std::string("código ").size(), 6);
    }
    return code;
  }
};

TEST_P(OidcSignInTest, TheFirstSignInCreatesThePersonAndTheSecondReusesIt) {
  GUICHE_REQUIRE_OIDC(provider);
  use(oidc_client_config(provider));
  const auto people = count("people");
  const auto first = sign_in(provider, "cidadao.ana");
  ASSERT_EQ(first.kind, Kind::signed_in) << first.message;
  EXPECT_EQ(first.return_to, "/minha-area");
  EXPECT_EQ(first.grant->person.name, "Ana Cidadã");
  EXPECT_EQ(first.grant->person.emails, std::vector<std::string>{"ana.cidada@exemplo.gov.br"});
  EXPECT_EQ(first.grant->person.cpf, "52998224725");
  EXPECT_FALSE(first.grant->person.login);
  ASSERT_EQ(first.grant->person.roles.size(), 1u);
  EXPECT_EQ(first.grant->person.roles[0].role, Role::requester);
  EXPECT_EQ(count("people"), people + 1);
  ASSERT_EQ(identities().size(), 1u);
  EXPECT_EQ(identities()[0].first, provider.issuer);
  ASSERT_TRUE(desk->accounts().session(first.grant->session_id));

  // An address the desk added is kept: the provider's verified one is added, not imposed.
  database->db().write([&](store::Connection& c) {
    auto p = *store::load_person(c, first.grant->person.id);
    p.emails = {"ana.trabalho@exemplo.gov.br"};
    store::update_person(c, p);
  });
  const auto second = sign_in(provider, "cidadao.ana");
  ASSERT_EQ(second.kind, Kind::signed_in) << second.message;
  EXPECT_EQ(second.grant->person.id, first.grant->person.id);
  EXPECT_EQ(second.grant->person.emails,
            (std::vector<std::string>{"ana.trabalho@exemplo.gov.br", "ana.cidada@exemplo.gov.br"}));
  EXPECT_EQ(count("people"), people + 1);
  EXPECT_EQ(identities().size(), 1u);
}

TEST_P(OidcSignInTest, TheHybridFlowAnswersByFormPost) {
  GUICHE_REQUIRE_OIDC(provider);
  auto config = oidc_client_config(provider);
  config.settings.form_post = true;
  use(config);
  const auto params = answer(provider, "cidadao.ana");
  ASSERT_TRUE(params.count("id_token"));
  ASSERT_TRUE(params.count("code"));
  const auto done = finish(params);
  ASSERT_EQ(done.kind, Kind::signed_in) << done.message;
  EXPECT_EQ(done.grant->person.name, "Ana Cidadã");
}

TEST_P(OidcSignInTest, AStateServesOnceAndAMissingOrUnknownOneIsRefused) {
  GUICHE_REQUIRE_OIDC(provider);
  use(oidc_client_config(provider));
  const auto people = count("people");
  auto params = answer(provider, "cidadao.ana");
  auto missing = params;
  missing.erase("state");
  EXPECT_EQ(finish(missing).kind, Kind::refused);
  auto unknown = params;
  unknown["state"] = std::string(64, 'a');
  EXPECT_EQ(finish(unknown).kind, Kind::refused);
  EXPECT_EQ(count("people"), people);
  EXPECT_EQ(finish(params).kind, Kind::signed_in);
  // The same answer again (a replayed callback): the state is spent, before
  // the provider is asked (which would refuse the used code too).
  ::testing::internal::CaptureStderr();
  const auto again = finish(params);
  const std::string log = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(again.kind, Kind::refused);
  EXPECT_FALSE(again.grant);
  EXPECT_THAT(log, HasSubstr("state ausente, usado ou desconhecido"));
  // A state is the provider's it was started for.
  use([&] {
    auto other = oidc_client_config(provider, "segundo");
    return other;
  }());
  const auto crossed = answer(provider, "cidadao.ana");  // started for "teste"
  EXPECT_EQ(finish(crossed, std::nullopt, "segundo").kind, Kind::refused);
}

// An ID token signed with the provider's own key (DIR/key.pem), with the
// kid its JWKS publishes: only the claims make it a forgery.
std::string sign_as_provider(const TestOidcProvider& p, const nlohmann::json& claims,
                             bool other_key = false) {
  std::ifstream in(p.dir + "/key.pem");
  std::stringstream pem;
  pem << in.rdbuf();
  const auto jwks = http_request(p.port, "GET", "/api/oidc/jwks").json();
  const std::string kid = jwks["keys"][0]["kid"];
  r_global_init();
  jwk_t* key = nullptr;
  r_jwk_init(&key);
  if (other_key) {
    jwk_t* pub = nullptr;
    r_jwk_init(&pub);
    r_jwk_generate_key_pair(key, pub, R_KEY_TYPE_RSA, 2048, kid.c_str());
    r_jwk_free(pub);
  } else {
    const auto text = pem.str();
    r_jwk_import_from_pem_der(key, R_X509_TYPE_PRIVKEY, R_FORMAT_PEM,
                              reinterpret_cast<const unsigned char*>(text.data()), text.size());
  }
  jws_t* jws = nullptr;
  r_jws_init(&jws);
  const std::string payload = claims.dump();
  r_jws_set_payload(jws, reinterpret_cast<const unsigned char*>(payload.data()), payload.size());
  r_jws_set_alg(jws, R_JWA_ALG_RS256);
  r_jws_set_header_str_value(jws, "kid", kid.c_str());
  char* token = r_jws_serialize(jws, key, 0);
  std::string out = token ? token : "";
  r_free(token);
  r_jws_free(jws);
  r_jwk_free(key);
  return out;
}

TEST_P(OidcSignInTest, ForgedIdTokensAtTheFormPostCallbackAreRefusedAndCreateNothing) {
  GUICHE_REQUIRE_OIDC(provider);
  auto config = oidc_client_config(provider);
  config.settings.form_post = true;
  use(config);
  // A genuine answer, kept: its ID token replayed later carries another sign-in's nonce.
  const auto genuine = answer(provider, "cidadao.ana");
  const auto people = count("people");
  const auto sessions = count("sessions");
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  struct Forgery {
    const char* what;
    std::function<std::string(const std::string& nonce)> token;
  };
  const auto claims = [&](const std::string& nonce) {
    return nlohmann::json{{"iss", provider.issuer},
                          {"sub", "forjado-0001"},
                          {"aud", provider.client_id},
                          {"exp", now + 300},
                          {"iat", now},
                          {"nonce", nonce},
                          {"name", "Forjado"},
                          {"email", "forjado@exemplo.gov.br"},
                          {"email_verified", true}};
  };
  const std::vector<Forgery> forgeries = {
      {"the genuine claims, signed with another key",
       [&](const std::string& n) { return sign_as_provider(provider, claims(n), true); }},
      {"another issuer",
       [&](const std::string& n) {
         auto c = claims(n);
         c["iss"] = "http://127.0.0.1:1/outro";
         return sign_as_provider(provider, c);
       }},
      {"another audience",
       [&](const std::string& n) {
         auto c = claims(n);
         c["aud"] = "outro-cliente";
         return sign_as_provider(provider, c);
       }},
      {"expired",
       [&](const std::string& n) {
         auto c = claims(n);
         c["exp"] = now - 3600;
         c["iat"] = now - 7200;
         return sign_as_provider(provider, c);
       }},
      {"another sign-in's nonce", [&](const std::string&) { return genuine.at("id_token"); }},
  };
  for (const auto& f : forgeries) {
    // A real answer of the provider (a valid state and code), its ID token replaced.
    auto params = answer(provider, "cidadao.ana");
    ASSERT_TRUE(params.count("id_token")) << f.what;
    std::string nonce;
    database->db().read([&](store::Connection& c) {
      nonce = c.query_one(
                   "SELECT nonce FROM oidc_sign_ins WHERE used_at IS NULL ORDER BY "
                   "created_at DESC LIMIT 1")
                  ->text(0);
    });
    params["id_token"] = f.token(nonce);
    const auto done = finish(params);
    EXPECT_EQ(done.kind, Kind::refused) << f.what;
    EXPECT_FALSE(done.grant) << f.what;
  }
  // A valid ID token without `state` is refused too.
  auto stateless = answer(provider, "cidadao.ana");
  stateless.erase("state");
  EXPECT_EQ(finish(stateless).kind, Kind::refused);
  EXPECT_EQ(count("people"), people);
  EXPECT_EQ(count("sessions"), sessions);
  EXPECT_EQ(count("external_identities"), 0);
}

TEST_P(OidcSignInTest, TwoProvidersSendingTheSameSubStayTwoPeople) {
  GUICHE_REQUIRE_OIDC(provider);
  use(oidc_client_config(provider));
  auto second = oidc_client_config(provider, "segundo");
  second.settings.issuer = provider.issuer2;
  use(second);
  const auto a = sign_in(provider, "cidadao.ana");
  const auto b = sign_in(provider, "cidadao.ana", "segundo");
  ASSERT_EQ(a.kind, Kind::signed_in) << a.message;
  ASSERT_EQ(b.kind, Kind::confirm_by_email) << b.message;  // the same verified e-mail: a code
  const auto links = identities();
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0].second, "sub-da-ana-repetido");
  // Without the code, the second provider's account is nobody yet; with another e-mail it
  // is a second person, never the first by its `sub`.
  database->db().write([&](store::Connection& c) {
    c.query("DELETE FROM person_emails WHERE person_id = ?", {a.grant->person.id});
  });
  const auto c = sign_in(provider, "cidadao.ana", "segundo");
  ASSERT_EQ(c.kind, Kind::signed_in) << c.message;
  EXPECT_NE(c.grant->person.id, a.grant->person.id);
  ASSERT_EQ(identities().size(), 2u);
  EXPECT_EQ(identities()[0].second, identities()[1].second);
  EXPECT_NE(identities()[0].first, identities()[1].first);
}

TEST_P(OidcSignInTest, TheEmailIsTakenOnlyWhenTheProviderVerifiedIt) {
  GUICHE_REQUIRE_OIDC(provider);
  use(oidc_client_config(provider));
  // An existing person with the unverified address is neither linked nor asked for a code.
  const Person holder = existing_person("Rui Local", "rui.servidor@exemplo.gov.br");
  const auto rui = sign_in(provider, "servidor.rui");
  ASSERT_EQ(rui.kind, Kind::signed_in) << rui.message;
  EXPECT_NE(rui.grant->person.id, holder.id);
  EXPECT_TRUE(rui.grant->person.emails.empty());
  EXPECT_EQ(rui.grant->person.name, "Rui Servidor");
  EXPECT_TRUE(messages().empty());
}

TEST_P(OidcSignInTest, SubNovoIsTheSubjectWhenConfigured) {
  GUICHE_REQUIRE_OIDC(provider);
  auto config = oidc_client_config(provider, "acessocidadao");
  config.settings.subject_claim = "subNovo";
  use(config);
  const auto ana = sign_in(provider, "cidadao.ana", "acessocidadao");
  ASSERT_EQ(ana.kind, Kind::signed_in) << ana.message;
  ASSERT_EQ(identities().size(), 1u);
  EXPECT_EQ(identities()[0].second, "ac-novo-0001");
  // Without subNovo (servidor.rui has none), `sub` stands.
  const auto rui = sign_in(provider, "servidor.rui", "acessocidadao");
  ASSERT_EQ(rui.kind, Kind::signed_in) << rui.message;
  EXPECT_EQ(identities().size(), 2u);
}

TEST_P(OidcSignInTest, StaffWithoutTheProvidersSecondFactorAreRefusedWhenItIsRequired) {
  GUICHE_REQUIRE_OIDC(provider);
  use(oidc_client_config(provider));
  const auto first = sign_in(provider, "cidadao.ana");
  ASSERT_EQ(first.kind, Kind::signed_in);
  database->db().write([&](store::Connection& c) {
    auto p = *store::load_person(c, first.grant->person.id);
    p.roles = {{Role::attendant, w.central.id}};
    store::update_person(c, p);
  });
  desk = std::make_unique<app::Desk>(database->db(), clock, desk_config());
  auto strict = oidc_client_config(provider);
  strict.settings.require_mfa_for_staff = true;
  use(strict);
  const auto sessions = count("sessions");
  // Glewlwyd's amr here is the password (or the session): no second factor.
  const auto refused = sign_in(provider, "cidadao.ana");
  EXPECT_EQ(refused.kind, Kind::refused);
  EXPECT_THAT(refused.message, HasSubstr("verificação em duas etapas"));
  EXPECT_EQ(count("sessions"), sessions);
  // A requester is not asked for it.
  const auto rui = sign_in(provider, "servidor.rui");
  EXPECT_EQ(rui.kind, Kind::signed_in) << rui.message;
}

TEST_P(OidcSignInTest, AnExistingPersonsEmailLinksOnlyWithTheCodeSentToIt) {
  GUICHE_REQUIRE_OIDC(provider);
  use(oidc_client_config(provider));
  const Person holder = existing_person("Ana de Souza", "ana.cidada@exemplo.gov.br");
  const auto people = count("people");
  const auto asked = sign_in(provider, "cidadao.ana");
  ASSERT_EQ(asked.kind, Kind::confirm_by_email) << asked.message;
  EXPECT_FALSE(asked.grant);
  EXPECT_EQ(count("people"), people);
  EXPECT_EQ(count("external_identities"), 0);
  const auto code = link_code("ana.cidada@exemplo.gov.br");
  ASSERT_EQ(code.size(), 6u);
  const std::string wrong = code == "000000" ? "111111" : "000000";
  EXPECT_EQ(desk->accounts().confirm_oidc_link("teste", asked.link_token, wrong).kind,
            Kind::refused);
  EXPECT_EQ(desk->accounts().confirm_oidc_link("teste", "outro-token", code).kind, Kind::refused);
  const auto linked = desk->accounts().confirm_oidc_link("teste", asked.link_token, code);
  ASSERT_EQ(linked.kind, Kind::signed_in) << linked.message;
  EXPECT_EQ(linked.grant->person.id, holder.id);
  EXPECT_EQ(count("external_identities"), 1);
  // The code serves once; the next sign-in goes straight in.
  EXPECT_EQ(desk->accounts().confirm_oidc_link("teste", asked.link_token, code).kind,
            Kind::refused);
  const auto again = sign_in(provider, "cidadao.ana");
  ASSERT_EQ(again.kind, Kind::signed_in);
  EXPECT_EQ(again.grant->person.id, holder.id);
}

// The session the code opens is the provider's as any other (item 4): it
// signs out there, and a token revoked there ends it at the next check.
TEST_P(OidcSignInTest, TheSessionACodeOpensIsCheckedAgainAndSignedOutAtTheProvider) {
  GUICHE_REQUIRE_OIDC(provider);
  use(oidc_client_config(provider));
  existing_person("Ana de Souza", "ana.cidada@exemplo.gov.br");
  const auto asked = sign_in(provider, "cidadao.ana");
  ASSERT_EQ(asked.kind, Kind::confirm_by_email) << asked.message;
  const auto code = link_code("ana.cidada@exemplo.gov.br");
  auto& accounts = desk->accounts();
  const auto linked = accounts.confirm_oidc_link("teste", asked.link_token, code);
  ASSERT_EQ(linked.kind, Kind::signed_in) << linked.message;
  const auto url = accounts.provider_sign_out_url(linked.grant->session_id, "/entrar");
  ASSERT_TRUE(url);
  EXPECT_THAT(*url, HasSubstr(provider.issuer + "/end_session?id_token_hint=ey"));
  // The tokens moved to the session: the used code keeps none.
  std::string sealed, left;
  database->db().read([&](store::Connection& c) {
    sealed = c.query_one("SELECT refresh_token FROM external_sessions")->text(0);
    left = c.query_one(
                "SELECT id_token || refresh_token || access_token FROM "
                "external_link_codes")
               ->text(0);
  });
  EXPECT_EQ(left, "");
  clock.advance(std::chrono::minutes(16));
  ASSERT_TRUE(accounts.session(linked.grant->session_id));
  const auto refresh = identity::OidcClient(oidc_client_config(provider)).open(sealed);
  ASSERT_TRUE(refresh && !refresh->empty());
  revoke_at_provider(provider, *refresh);
  clock.advance(std::chrono::minutes(16));
  EXPECT_FALSE(accounts.session(linked.grant->session_id));
  EXPECT_EQ(count("external_sessions"), 0);
}

TEST_P(OidcSignInTest, ASignedInPersonLinksAndUnlinksAnAccount) {
  GUICHE_REQUIRE_OIDC(provider);
  use(oidc_client_config(provider));
  auto& accounts = desk->accounts();
  const auto me = as(w.requester_seger);
  const auto linked = finish(answer(provider, "servidor.rui", me.id()), me.id());
  ASSERT_EQ(linked.kind, Kind::linked) << linked.message;
  ASSERT_EQ(accounts.external_links(me).size(), 1u);
  EXPECT_EQ(accounts.external_links(me)[0].label, "teste");
  // The next sign-in with that account is this person.
  const auto rui = sign_in(provider, "servidor.rui");
  ASSERT_EQ(rui.kind, Kind::signed_in);
  EXPECT_EQ(rui.grant->person.id, w.requester_seger.id);
  // Another session cannot finish a link asked by this one.
  const auto other = as(w.attendant);
  EXPECT_EQ(finish(answer(provider, "cidadao.ana", me.id()), other.id()).kind, Kind::refused);
  // Nor take an account linked to someone else.
  EXPECT_EQ(finish(answer(provider, "servidor.rui", other.id()), other.id()).kind, Kind::refused);
  const auto link = accounts.external_links(me)[0];
  EXPECT_THROW(accounts.unlink_external(other, link.issuer, link.subject), DomainError);
  // Their only way in (no local password) stays.
  try {
    accounts.unlink_external(me, link.issuer, link.subject);
    ADD_FAILURE() << "unlinked the only way in";
  } catch (const DomainError& e) {
    EXPECT_EQ(e.kind(), DomainError::Kind::validation);
  }
  database->db().write([&](store::Connection& c) {
    c.query("UPDATE people SET login = ?, password_hash = ? WHERE id = ?",
            {std::string("lucia.local"), test_password_hash(), w.requester_seger.id});
  });
  accounts.unlink_external(me, link.issuer, link.subject);
  EXPECT_TRUE(accounts.external_links(me).empty());
}

TEST_P(OidcSignInTest, TheSessionEndsWhenTheProviderNoLongerHonoursIt) {
  GUICHE_REQUIRE_OIDC(provider);
  use(oidc_client_config(provider));
  const auto ana = sign_in(provider, "servidor.rui");
  ASSERT_EQ(ana.kind, Kind::signed_in);
  auto& accounts = desk->accounts();
  // Within the re-check interval nothing is asked.
  clock.advance(std::chrono::minutes(14));
  ASSERT_TRUE(accounts.session(ana.grant->session_id));
  // Past it, the refresh token is presented: still good.
  clock.advance(std::chrono::minutes(2));
  ASSERT_TRUE(accounts.session(ana.grant->session_id));
  // The refresh token revoked at the provider: the next check ends the session.
  std::string sealed;
  database->db().read([&](store::Connection& c) {
    sealed = c.query_one("SELECT refresh_token FROM external_sessions")->text(0);
  });
  const auto refresh = identity::OidcClient(oidc_client_config(provider)).open(sealed);
  ASSERT_TRUE(refresh && !refresh->empty());
  revoke_at_provider(provider, *refresh);
  clock.advance(std::chrono::minutes(16));
  EXPECT_FALSE(accounts.session(ana.grant->session_id));
  EXPECT_EQ(count("external_sessions"), 0);
}

TEST_P(OidcSignInTest, SignOutGoesToTheProvidersEndSession) {
  GUICHE_REQUIRE_OIDC(provider);
  use(oidc_client_config(provider));
  const auto ana = sign_in(provider, "cidadao.ana");
  ASSERT_EQ(ana.kind, Kind::signed_in);
  const auto url = desk->accounts().provider_sign_out_url(ana.grant->session_id,
                                                          "http://127.0.0.1:51450/entrar");
  ASSERT_TRUE(url);
  EXPECT_THAT(*url, HasSubstr(provider.issuer + "/end_session?id_token_hint=ey"));
  EXPECT_THAT(*url, HasSubstr("post_logout_redirect_uri=http%3A%2F%2F127.0.0.1%3A51450%2Fentrar"));
  desk->accounts().sign_out(ana.grant->session_id);
  EXPECT_FALSE(desk->accounts().provider_sign_out_url(ana.grant->session_id, "/entrar"));
  EXPECT_EQ(count("external_sessions"), 0);
}

TEST_P(OidcSignInTest, TheClientSecretAndTheTokensNeverReachTheLogNorTheDatabaseInClear) {
  GUICHE_REQUIRE_OIDC(provider);
  auto config = oidc_client_config(provider);
  config.settings.form_post = true;
  use(config);
  ::testing::internal::CaptureStderr();
  const auto params = answer(provider, "cidadao.ana");
  const auto done = finish(params);
  auto forged = answer(provider, "cidadao.ana");
  const std::string stolen = forged.at("id_token");
  forged["id_token"] = params.at("id_token");  // a replay: refused and logged
  EXPECT_EQ(finish(forged).kind, Kind::refused);
  desk->accounts().finish_oidc("teste", "estado-inventado", "codigo-inventado", std::nullopt,
                               std::nullopt);
  const std::string log = ::testing::internal::GetCapturedStderr();
  ASSERT_EQ(done.kind, Kind::signed_in);
  EXPECT_THAT(log, HasSubstr("entrada recusada"));
  std::string stored;
  database->db().read([&](store::Connection& c) {
    for (const auto& row : c.query("SELECT id_token, refresh_token, access_token FROM "
                                   "external_sessions"))
      stored += row.text(0) + row.text(1) + row.text(2);
  });
  for (const auto& secret :
       {provider.client_secret, params.at("id_token"), params.at("code"), stolen}) {
    EXPECT_THAT(log, Not(HasSubstr(secret)));
    EXPECT_THAT(stored, Not(HasSubstr(secret)));
  }
  for (const auto& b : desk->accounts().auth_backends(as(w.admin))) {
    EXPECT_THAT(b.detail, Not(HasSubstr(provider.client_secret)));
  }
}

TEST_P(OidcSignInTest, ARoleAtTheProviderMakesAuthorizedRequestersWithTheirHistory) {
  GUICHE_REQUIRE_OIDC(provider);
  auto config = oidc_client_config(provider);
  config.settings.role_claim = "papeis";
  use(config);
  // The role claim's value stands where a directory's group DN does (issue 16, item 5).
  DirectoryGroupMapping rule;
  rule.group_dn = "oidc:teste:papeis=atendente";
  rule.organization_id = w.sesa.id;
  rule.authorizes_requesters = true;
  rule.document_type = AuthorizationDocument::oficio;
  rule.document_number = "Ofício SESA 13/2026";
  rule = desk->accounts().add_group_mapping(as(w.admin), rule);
  const auto rui = sign_in(provider, "servidor.rui");  // papeis: atendente
  const auto ana = sign_in(provider, "cidadao.ana");   // no role
  ASSERT_EQ(rui.kind, Kind::signed_in);
  ASSERT_EQ(ana.kind, Kind::signed_in);
  const auto of = [&](const Person& p) {
    auto all = desk->authorizations().authorizations(as(w.admin), w.sesa.id);
    std::erase_if(all, [&](const AuthorizedRequester& a) { return a.person_id != p.id; });
    return all;
  };
  auto records = of(rui.grant->person);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_TRUE(of(ana.grant->person).empty());
  EXPECT_EQ(records[0].document_number, "Ofício SESA 13/2026");
  EXPECT_EQ(records[0].entered_by, w.admin.id);
  EXPECT_EQ(rui.grant->person.organization_id, w.sesa.id);
  // The rule goes: at the next sign-in the record is revoked, its history kept.
  clock.advance(std::chrono::hours(24));
  desk->accounts().remove_group_mapping(as(w.admin), rule.id);
  ASSERT_EQ(sign_in(provider, "servidor.rui").kind, Kind::signed_in);
  records = of(rui.grant->person);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_TRUE(records[0].valid_until);
  EXPECT_THAT(records[0].revocation_reason, HasSubstr("Deixou de pertencer ao grupo"));
}

GUICHE_ON_BOTH_ENGINES(OidcSignInTest);

}  // namespace
}  // namespace guiche::testing
