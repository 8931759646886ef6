#include "store/oidc_sign_in_rows.hpp"

#include "store/personal_data_erasure.hpp"

namespace guiche::store {

void insert_oidc_sign_in(Connection& c, const OidcSignInRow& row) {
  c.query("DELETE FROM oidc_sign_ins WHERE expires_at < ?", {to_millis(row.created_at)});
  c.query(
      "INSERT INTO oidc_sign_ins (state_sha256, provider, nonce, code_verifier, return_to, "
      "link_person_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {row.state_sha256, row.provider, row.nonce, row.code_verifier, row.return_to,
       row.link_person_id ? Value{*row.link_person_id} : Value{}, to_millis(row.created_at),
       to_millis(row.expires_at)});
}

std::optional<OidcSignInRow> use_oidc_sign_in(Connection& c, const std::string& state_sha256,
                                              Instant now) {
  auto row = c.query_one(
      "SELECT provider, nonce, code_verifier, return_to, link_person_id, created_at, expires_at "
      "FROM oidc_sign_ins WHERE state_sha256 = ? AND used_at IS NULL AND expires_at > ?",
      {state_sha256, to_millis(now)});
  if (!row) return std::nullopt;
  c.query("UPDATE oidc_sign_ins SET used_at = ? WHERE state_sha256 = ?",
          {to_millis(now), state_sha256});
  OidcSignInRow out;
  out.state_sha256 = state_sha256;
  out.provider = row->text(0);
  out.nonce = row->text(1);
  out.code_verifier = row->text(2);
  out.return_to = row->text(3);
  if (!row->is_null(4)) out.link_person_id = row->integer(4);
  out.created_at = from_millis(row->integer(5));
  out.expires_at = from_millis(row->integer(6));
  return out;
}

void insert_external_session(Connection& c, const ExternalSessionRow& row) {
  c.query(
      "INSERT INTO external_sessions (session_hash, person_id, provider, id_token, refresh_token, "
      "access_token, directory_login, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {row.session_hash, row.person_id, row.provider, row.kept.id_token, row.kept.refresh_token,
       row.kept.access_token, row.kept.directory_login, to_millis(row.checked_at)});
}

std::optional<ExternalSessionRow> find_external_session(Connection& c,
                                                        const std::string& session_hash) {
  auto row = c.query_one(
      "SELECT person_id, provider, id_token, refresh_token, access_token, checked_at, "
      "directory_login FROM external_sessions WHERE session_hash = ?",
      {session_hash});
  if (!row) return std::nullopt;
  ExternalSessionRow out;
  out.session_hash = session_hash;
  out.person_id = row->integer(0);
  out.provider = row->text(1);
  out.kept.id_token = row->text(2);
  out.kept.refresh_token = row->text(3);
  out.kept.access_token = row->text(4);
  out.checked_at = from_millis(row->integer(5));
  out.kept.directory_login = row->text(6);
  return out;
}

void mark_external_session_checked(Connection& c, const std::string& session_hash,
                                   const std::string& refresh_token, Instant now) {
  c.query("UPDATE external_sessions SET checked_at = ?, refresh_token = ? WHERE session_hash = ?",
          {to_millis(now), refresh_token, session_hash});
}

void delete_external_session(Connection& c, const std::string& session_hash) {
  c.query("DELETE FROM external_sessions WHERE session_hash = ?", {session_hash});
}

void insert_external_link_code(Connection& c, const ExternalLinkCodeRow& row) {
  c.query(
      "INSERT INTO external_link_codes (token_sha256, code_mac, person_id, provider, issuer, "
      "subject, attempts, created_at, expires_at, id_token, refresh_token, access_token, "
      "directory_login) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)",
      {row.token_sha256, row.code_mac, row.person_id, row.provider, row.issuer, row.subject,
       to_millis(row.created_at), to_millis(row.expires_at), row.session.id_token,
       row.session.refresh_token, row.session.access_token, row.session.directory_login});
}

std::optional<ExternalLinkCodeRow> find_external_link_code(Connection& c,
                                                           const std::string& token_sha256,
                                                           Instant now) {
  auto row = c.query_one(
      "SELECT id, code_mac, person_id, provider, issuer, subject, attempts, created_at, "
      "expires_at, id_token, refresh_token, access_token, directory_login FROM "
      "external_link_codes WHERE token_sha256 = ? AND used_at IS NULL AND expires_at > ?",
      {token_sha256, to_millis(now)});
  if (!row) return std::nullopt;
  ExternalLinkCodeRow out;
  out.id = row->integer(0);
  out.token_sha256 = token_sha256;
  out.code_mac = row->text(1);
  out.person_id = row->integer(2);
  out.provider = row->text(3);
  out.issuer = row->text(4);
  out.subject = row->text(5);
  out.attempts = static_cast<int>(row->integer(6));
  out.created_at = from_millis(row->integer(7));
  out.expires_at = from_millis(row->integer(8));
  out.session = {row->text(9), row->text(10), row->text(11), row->text(12)};
  return out;
}

void count_external_link_attempt(Connection& c, std::int64_t id) {
  c.query("UPDATE external_link_codes SET attempts = attempts + 1 WHERE id = ?", {id});
}

void use_external_link_code(Connection& c, std::int64_t id, Instant now) {
  // The tokens kept for the session move to it (external_sessions), not stay here.
  c.query(
      "UPDATE external_link_codes SET used_at = ?, id_token = '', refresh_token = '', "
      "access_token = '', directory_login = '' WHERE id = ?",
      {to_millis(now), id});
}

std::int64_t external_link_codes_since(Connection& c, std::int64_t person_id, Instant since) {
  auto row = c.query_one(
      "SELECT COUNT(*) FROM external_link_codes WHERE person_id = ? AND created_at >= ?",
      {person_id, to_millis(since)});
  return row ? row->integer(0) : 0;
}

std::vector<std::pair<std::string, std::string>> external_identities_of(Connection& c,
                                                                        std::int64_t person_id) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& row : c.query("SELECT issuer, subject FROM external_identities WHERE "
                                 "person_id = ? ORDER BY issuer, subject",
                                 {person_id})) {
    out.emplace_back(row.text(0), row.text(1));
  }
  return out;
}

bool delete_external_identity(Connection& c, std::int64_t person_id, const std::string& issuer,
                              const std::string& subject) {
  if (!c.query_one("SELECT 1 FROM external_identities WHERE person_id = ? AND issuer = ? AND "
                   "subject = ?",
                   {person_id, issuer, subject})) {
    return false;
  }
  c.query("DELETE FROM external_identities WHERE person_id = ? AND issuer = ? AND subject = ?",
          {person_id, issuer, subject});
  return true;
}

void erase_oidc_sign_in_rows(Connection& c, ErasureScope& s) {
  c.query("DELETE FROM oidc_sign_ins WHERE link_person_id = ?", {Value{s.person_id}});
  c.query("DELETE FROM external_sessions WHERE person_id = ?", {Value{s.person_id}});
  c.query("DELETE FROM external_link_codes WHERE person_id = ?", {Value{s.person_id}});
}

}  // namespace guiche::store
