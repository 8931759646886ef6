// Use cases of signing in: browser sessions and personal API tokens. Only
// SHA-256 hashes of session ids and tokens are stored.

#include "app/access_policy.hpp"
#include "app/accounts/accounts.hpp"
#include "app/text_rules.hpp"
#include "domain/ascii_text.hpp"
#include "domain/error.hpp"
#include "store/api_token_rows.hpp"
#include "store/attachment_blobs.hpp"
#include "store/oidc_sign_in_rows.hpp"
#include "store/person_rows.hpp"
#include "store/session_rows.hpp"
#include "support/random_hex.hpp"

namespace guiche::app {
namespace {

ApiToken token_from_record(const store::ApiTokenRecord& r) {
  return ApiToken{r.id, r.person_id, r.name, r.created_at, r.revoked_at, ""};
}

// The session's row: only the SHA-256 of its id is stored, and returned.
std::string insert_session_grant(store::Connection& c, const SessionGrant& grant, Instant now) {
  std::string hash = store::sha256_hex(grant.session_id);
  store::insert_session(c, hash, grant.person.id, grant.csrf_token, now, grant.expires_at);
  return hash;
}

}  // namespace

SessionGrant Accounts::sign_in(const std::string& login, const std::string& password,
                               const std::string& address, bool offer_link_code) {
  const Instant now = ctx_.now();
  // Directories compare logins without case: "MARIA.SOUZA" must not be a fresh
  // login for the throttle (local logins are lowercase anyway).
  const std::string key = ascii_lower(login);
  ctx_.throttle.require_no_wait(key, address, now);
  std::string backend;
  std::optional<LinkOffer> offer;
  std::optional<Person> person;
  try {
    person = authenticate_with(login, password, &backend, &offer);
  } catch (const DomainError& e) {
    if (e.kind() != DomainError::Kind::conflict || !offer || !offer_link_code) throw;
    send_directory_link_code(*offer);  // throws LinkCodeSent, or conflict when too many
  }
  if (!person) {
    ctx_.throttle.record_failure(key, address, now);
    throw DomainError(DomainError::Kind::unauthenticated, "Login ou senha incorretos.");
  }
  ctx_.throttle.record_success(key, address);
  // A directory's session is looked up again at the re-check (issue 16, item 4).
  if (backend == "ldap") return open_external_session(*person, "ldap", {"", "", "", login}, now);
  return open_session(*person, now);
}

SessionGrant Accounts::new_session_grant(const Person& person, Instant now) const {
  return {random_hex(32), random_hex(16), person, now + ctx_.config.session_lifetime};
}

SessionGrant Accounts::open_session(const Person& person, Instant now) {
  const SessionGrant grant = new_session_grant(person, now);
  ctx_.db.write([&](store::Connection& c) { insert_session_grant(c, grant, now); });
  return grant;
}

SessionGrant Accounts::open_external_session(const Person& person, const std::string& provider,
                                             const store::ExternalSessionKeep& kept, Instant now) {
  const SessionGrant grant = new_session_grant(person, now);
  ctx_.db.write([&](store::Connection& c) {
    store::insert_external_session(
        c, {insert_session_grant(c, grant, now), person.id, provider, kept, now});
  });
  return grant;
}

void Accounts::sign_out(const std::string& session_id) {
  const std::string hash = store::sha256_hex(session_id);
  ctx_.db.write([&](store::Connection& c) {
    store::delete_session(c, hash);
    store::delete_external_session(c, hash);
  });
  ctx_.credentials.forget("s:" + hash);
}

std::optional<std::pair<Actor, std::string>> Accounts::session(const std::string& session_id) {
  if (session_id.empty() || session_id.size() > 128) return std::nullopt;
  const Instant now = ctx_.now();
  const std::string key = "s:" + store::sha256_hex(session_id);
  if (auto known = ctx_.credentials.find(key, now)) {
    return std::pair{Actor{known->person, Channel::portal}, known->csrf_token};
  }
  const auto generation = ctx_.credentials.generation();
  std::optional<CredentialCache::Credential> found;
  ctx_.db.read([&](store::Connection& c) {
    auto stored = store::find_session(c, key.substr(2), now);
    if (!stored) return;
    auto person = store::load_person(c, stored->person_id);
    if (person && person->active) {
      found = CredentialCache::Credential{*person, Channel::portal, stored->csrf_token,
                                          stored->expires_at};
    }
  });
  if (!found) return std::nullopt;
  // Only here, past the credential cache: a revoked grant ends the session
  // within session_recheck plus the cache's short ttl.
  if (!external_session_holds(key.substr(2), now)) return std::nullopt;
  ctx_.credentials.remember(key, *found, now, generation);
  return std::pair{Actor{found->person, Channel::portal}, found->csrf_token};
}

ApiToken Accounts::create_api_token(const Actor& a, std::int64_t person_id,
                                    const std::string& name) {
  require_active(a);
  if (person_id != a.id() && !a.person.has_role(Role::admin)) {
    throw forbidden("Somente o próprio usuário ou um administrador cria tokens.");
  }
  ApiToken token;
  token.person_id = person_id;
  token.name = required_text(name, "name", "O nome do token", 100);
  token.created_at = ctx_.now();
  token.secret = "gch_" + random_hex(32);
  ctx_.db.write([&](store::Connection& c) {
    if (!store::load_person(c, person_id)) throw not_found("Pessoa não encontrada.");
    token.id = store::insert_api_token(c, person_id, token.name, store::sha256_hex(token.secret),
                                       token.created_at);
  });
  return token;
}

void Accounts::revoke_api_token(const Actor& a, std::int64_t token_id) {
  require_active(a);
  ctx_.db.write([&](store::Connection& c) {
    auto owner = store::api_token_owner(c, token_id);
    if (!owner || (*owner != a.id() && !a.person.has_role(Role::admin))) {
      throw not_found("Token não encontrado.");
    }
    store::revoke_api_token(c, token_id, ctx_.now());
  });
  ctx_.directory_changed();  // only the hash is stored, so the cached entry is not known by id
}

std::vector<ApiToken> Accounts::api_tokens(const Actor& a, std::int64_t person_id) {
  require_active(a);
  if (person_id != a.id() && !a.person.has_role(Role::admin)) {
    throw not_found("Pessoa não encontrada.");
  }
  std::vector<ApiToken> out;
  ctx_.db.read([&](store::Connection& c) {
    for (const auto& r : store::api_tokens_of(c, person_id)) out.push_back(token_from_record(r));
  });
  return out;
}

std::optional<Actor> Accounts::token_actor(const std::string& secret) {
  if (secret.size() < 8 || secret.size() > 200) return std::nullopt;
  const Instant now = ctx_.now();
  const std::string key = "t:" + store::sha256_hex(secret);
  if (auto known = ctx_.credentials.find(key, now))
    return Actor{known->person, Channel::api, known->token_id};
  const auto generation = ctx_.credentials.generation();
  std::optional<Person> found;
  std::optional<std::int64_t> token_id;
  ctx_.db.read([&](store::Connection& c) {
    auto owner = store::api_token_owner(c, key.substr(2));
    if (!owner) return;
    auto person = store::load_person(c, owner->person_id);
    if (person && person->active) {
      found = std::move(person);
      token_id = owner->token_id;
    }
  });
  if (!found) return std::nullopt;
  ctx_.credentials.remember(key, {*found, Channel::api, "", Instant{}, token_id}, now, generation);
  return Actor{*found, Channel::api, token_id};
}

}  // namespace guiche::app
