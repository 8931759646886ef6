// Use cases of signing in: browser sessions and personal API tokens. Only
// SHA-256 hashes of session ids and tokens are stored.

#include "app/access_policy.hpp"
#include "app/credential_cache.hpp"
#include "app/desk.hpp"
#include "app/login_throttle.hpp"
#include "app/text_rules.hpp"
#include "domain/error.hpp"
#include "store/attachment_blobs.hpp"
#include "store/directory_rows.hpp"
#include "support/random_hex.hpp"

namespace guiche::app {
namespace {

ApiToken token_from_row(const store::Row& r) {
  ApiToken t;
  t.id = r.integer(0);
  t.person_id = r.integer(1);
  t.name = r.text(2);
  t.created_at = from_millis(r.integer(3));
  if (auto revoked = r.optional_integer(4)) t.revoked_at = from_millis(*revoked);
  return t;
}

}  // namespace

SessionGrant Desk::sign_in(const std::string& login, const std::string& password,
                           const std::string& address) {
  const Instant now = clock_.now();
  if (auto wait = throttle_->wait_needed(login, address, now)) {
    throw DomainError(DomainError::Kind::rate_limited,
                      "Muitas tentativas de acesso. Tente novamente em " +
                          std::to_string(wait->count()) + " segundos.");
  }
  auto person = authenticate(login, password);
  if (!person) {
    throttle_->record_failure(login, address, now);
    throw DomainError(DomainError::Kind::unauthenticated, "Login ou senha incorretos.");
  }
  throttle_->record_success(login, address);
  SessionGrant grant{random_hex(32), random_hex(16), *person, now + config_.session_lifetime};
  db_.write([&](store::Connection& c) {
    // Expired sessions are swept here rather than by a separate job.
    c.query("DELETE FROM sessions WHERE expires_at < ?", {to_millis(now)});
    c.query(
        "INSERT INTO sessions (id_hash, person_id, csrf_token, created_at, expires_at) VALUES "
        "(?, ?, ?, ?, ?)",
        {store::sha256_hex(grant.session_id), person->id, grant.csrf_token, to_millis(now),
         to_millis(grant.expires_at)});
  });
  return grant;
}

void Desk::sign_out(const std::string& session_id) {
  const std::string hash = store::sha256_hex(session_id);
  db_.write(
      [&](store::Connection& c) { c.query("DELETE FROM sessions WHERE id_hash = ?", {hash}); });
  credentials_->forget("s:" + hash);
}

std::optional<std::pair<Actor, std::string>> Desk::session(const std::string& session_id) {
  if (session_id.empty() || session_id.size() > 128) return std::nullopt;
  const Instant now = clock_.now();
  const std::string key = "s:" + store::sha256_hex(session_id);
  if (auto known = credentials_->find(key, now)) {
    return std::pair{Actor{known->person, Channel::portal}, known->csrf_token};
  }
  const auto generation = credentials_->generation();
  std::optional<CredentialCache::Credential> found;
  db_.read([&](store::Connection& c) {
    auto row = c.query_one(
        "SELECT person_id, csrf_token, expires_at FROM sessions WHERE id_hash = ? AND "
        "expires_at > ?",
        {key.substr(2), to_millis(now)});
    if (!row) return;
    auto person = store::load_person(c, row->integer(0));
    if (person && person->active) {
      found = CredentialCache::Credential{*person, Channel::portal, row->text(1),
                                          from_millis(row->integer(2))};
    }
  });
  if (!found) return std::nullopt;
  credentials_->remember(key, *found, now, generation);
  return std::pair{Actor{found->person, Channel::portal}, found->csrf_token};
}

ApiToken Desk::create_api_token(const Actor& a, std::int64_t person_id, const std::string& name) {
  require_active(a);
  if (person_id != a.id() && !a.person.has_role(Role::admin)) {
    throw forbidden("Somente o próprio usuário ou um administrador cria tokens.");
  }
  ApiToken token;
  token.person_id = person_id;
  token.name = required_text(name, "name", "O nome do token", 100);
  token.created_at = clock_.now();
  token.secret = "gch_" + random_hex(32);
  db_.write([&](store::Connection& c) {
    if (!store::load_person(c, person_id)) throw not_found("Pessoa não encontrada.");
    token.id =
        c.query_one(
             "INSERT INTO api_tokens (person_id, name, token_hash, created_at) VALUES "
             "(?, ?, ?, ?) RETURNING id",
             {person_id, token.name, store::sha256_hex(token.secret), to_millis(token.created_at)})
            ->integer(0);
  });
  return token;
}

void Desk::revoke_api_token(const Actor& a, std::int64_t token_id) {
  require_active(a);
  db_.write([&](store::Connection& c) {
    auto row = c.query_one("SELECT person_id FROM api_tokens WHERE id = ?", {token_id});
    if (!row || (row->integer(0) != a.id() && !a.person.has_role(Role::admin))) {
      throw not_found("Token não encontrado.");
    }
    c.query("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
            {to_millis(clock_.now()), token_id});
  });
  directory_changed();  // only the hash is stored, so the cached entry is not known by id
}

std::vector<ApiToken> Desk::api_tokens(const Actor& a, std::int64_t person_id) {
  require_active(a);
  if (person_id != a.id() && !a.person.has_role(Role::admin)) {
    throw not_found("Pessoa não encontrada.");
  }
  std::vector<ApiToken> out;
  db_.read([&](store::Connection& c) {
    for (const auto& r :
         c.query("SELECT id, person_id, name, created_at, revoked_at FROM api_tokens "
                 "WHERE person_id = ? ORDER BY id",
                 {person_id})) {
      out.push_back(token_from_row(r));
    }
  });
  return out;
}

std::optional<Actor> Desk::token_actor(const std::string& secret) {
  if (secret.size() < 8 || secret.size() > 200) return std::nullopt;
  const Instant now = clock_.now();
  const std::string key = "t:" + store::sha256_hex(secret);
  if (auto known = credentials_->find(key, now)) return Actor{known->person, Channel::api};
  const auto generation = credentials_->generation();
  std::optional<Person> found;
  db_.read([&](store::Connection& c) {
    auto row =
        c.query_one("SELECT person_id FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL",
                    {key.substr(2)});
    if (!row) return;
    auto person = store::load_person(c, row->integer(0));
    if (person && person->active) found = std::move(person);
  });
  if (!found) return std::nullopt;
  credentials_->remember(key, {*found, Channel::api, "", Instant{}}, now, generation);
  return Actor{*found, Channel::api};
}

}  // namespace guiche::app
