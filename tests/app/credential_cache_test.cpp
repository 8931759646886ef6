// Sessions, tokens and the unit tree are cached for a moment (credential_cache.hpp):
// what this desk changes is seen at once, what another node changes within the ttl.
#include "app/accounts/credential_cache.hpp"

#include "app/accounts/accounts.hpp"
#include "app/directory/directory.hpp"
#include "support/desk_world.hpp"

namespace guiche::testing {
namespace {

class CredentialCacheTest : public DeskTest {
 protected:
  // Writes straight to the database, as another node sharing it would.
  void elsewhere(const std::string& sql, std::vector<store::Value> params) {
    desk->database().write([&](store::Connection& c) { c.query(sql, params); });
  }
  app::SessionGrant signed_in_analyst() {
    desk->accounts().bootstrap_user("Analista em cache", "analista.cache", "Senha-de-teste-1",
                                    {{Role::analyst, w.sgsis.id}});
    return desk->accounts().sign_in("analista.cache", "Senha-de-teste-1", "127.0.0.1");
  }
};

TEST_P(CredentialCacheTest, SignOutAndRevocationHereTakeEffectAtOnce) {
  auto grant = signed_in_analyst();
  ASSERT_TRUE(desk->accounts().session(grant.session_id));
  desk->accounts().sign_out(grant.session_id);
  EXPECT_FALSE(desk->accounts().session(grant.session_id));

  auto token =
      desk->accounts().create_api_token(as(w.requester_seger), w.requester_seger.id, "integração");
  ASSERT_TRUE(desk->accounts().token_actor(token.secret));
  desk->accounts().revoke_api_token(as(w.requester_seger), token.id);
  EXPECT_FALSE(desk->accounts().token_actor(token.secret));
}

TEST_P(CredentialCacheTest, RoleChangesHereTakeEffectAtOnce) {
  auto grant = signed_in_analyst();
  auto before = desk->accounts().session(grant.session_id);
  ASSERT_TRUE(before && before->first.person.has_role(Role::analyst));
  Person changed = before->first.person;
  changed.roles = {{Role::requester, std::nullopt}};
  desk->directory().update_person(as(w.admin), changed);
  auto after = desk->accounts().session(grant.session_id);
  ASSERT_TRUE(after);
  EXPECT_FALSE(after->first.person.has_role(Role::analyst));

  changed.active = false;
  desk->directory().update_person(as(w.admin), changed);
  EXPECT_FALSE(desk->accounts().session(grant.session_id));
}

TEST_P(CredentialCacheTest, ChangesByAnotherNodeAreSeenWithinTheTtl) {
  auto grant = signed_in_analyst();
  auto token =
      desk->accounts().create_api_token(as(w.requester_seger), w.requester_seger.id, "integração");
  ASSERT_TRUE(desk->accounts().session(grant.session_id));
  ASSERT_TRUE(desk->accounts().token_actor(token.secret));

  elsewhere("DELETE FROM sessions", {});
  elsewhere("UPDATE api_tokens SET revoked_at = ?", {to_millis(clock.now())});
  clock.advance(desk->config().credential_cache_ttl - std::chrono::milliseconds(1));
  EXPECT_TRUE(desk->accounts().session(grant.session_id)) << "still cached inside the ttl";
  clock.advance(std::chrono::milliseconds(1));
  EXPECT_FALSE(desk->accounts().session(grant.session_id));
  EXPECT_FALSE(desk->accounts().token_actor(token.secret));
}

TEST_P(CredentialCacheTest, AnExpiredSessionIsNeverServedFromTheCache) {
  auto grant = signed_in_analyst();
  ASSERT_TRUE(desk->accounts().session(grant.session_id));
  clock.set(grant.expires_at);
  EXPECT_FALSE(desk->accounts().session(grant.session_id));
}

GUICHE_ON_BOTH_ENGINES(CredentialCacheTest);

TEST(CredentialCache, ARememberStartedBeforeAClearIsDropped) {
  app::CredentialCache cache(std::chrono::seconds(2), 10);
  const Instant now = from_millis(1'000'000);
  const auto generation = cache.generation();
  cache.clear();  // e.g. a role was removed while the lookup was reading the old row
  cache.remember("t:x", {Person{}, Channel::api, "", Instant{}}, now, generation);
  EXPECT_FALSE(cache.find("t:x", now));
  cache.remember("t:x", {Person{}, Channel::api, "", Instant{}}, now, cache.generation());
  EXPECT_TRUE(cache.find("t:x", now));
}

TEST(CredentialCache, AZeroTtlCachesNothing) {
  app::CredentialCache cache(std::chrono::milliseconds(0), 10);
  const Instant now = from_millis(1'000'000);
  cache.remember("t:x", {Person{}, Channel::api, "", Instant{}}, now, cache.generation());
  EXPECT_FALSE(cache.find("t:x", now));
}

}  // namespace
}  // namespace guiche::testing
