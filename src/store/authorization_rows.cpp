#include "store/authorization_rows.hpp"

#include "store/row_values.hpp"

namespace guiche::store {
namespace {

constexpr const char* kAuthorizationColumns =
    "id, organization_id, person_id, document_type, document_number, entered_by, valid_from, "
    "valid_until, state, decided_by, revocation_requested_until, revocation_requested_by, "
    "revoked_by, expires_on, revocation_reason";

AuthorizedRequester authorization_from_row(const Row& r) {
  AuthorizedRequester a;
  a.id = r.integer(0);
  a.organization_id = r.integer(1);
  a.person_id = r.integer(2);
  a.document_type = parse_document(r.text(3)).value_or(AuthorizationDocument::oficio);
  a.document_number = r.text(4);
  a.entered_by = r.integer(5);
  a.valid_from = parse_date(r.text(6)).value();
  a.valid_until = date_at(r, 7);
  a.state = parse_authorization_state(r.text(8)).value_or(AuthorizationState::pending);
  a.decided_by = r.optional_integer(9);
  a.revocation_requested_until = date_at(r, 10);
  a.revocation_requested_by = r.optional_integer(11);
  a.revoked_by = r.optional_integer(12);
  a.expires_on = date_at(r, 13);
  a.revocation_reason = r.text(14);
  return a;
}

}  // namespace

std::int64_t insert_authorization(Connection& c, const AuthorizedRequester& a, Instant now) {
  return c
      .query_one(
          "INSERT INTO authorizations (organization_id, person_id, document_type, "
          "document_number, entered_by, valid_from, valid_until, state, decided_by, "
          "revocation_requested_until, revocation_requested_by, revoked_by, expires_on, "
          "revocation_reason, created_at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {a.organization_id, a.person_id, std::string(document_code(a.document_type)),
           a.document_number, a.entered_by, format_date(a.valid_from), date_value(a.valid_until),
           std::string(authorization_state_code(a.state)), optional_value(a.decided_by),
           date_value(a.revocation_requested_until), optional_value(a.revocation_requested_by),
           optional_value(a.revoked_by), date_value(a.expires_on), a.revocation_reason,
           to_millis(now)})
      ->integer(0);
}

void update_authorization(Connection& c, const AuthorizedRequester& a) {
  c.query(
      "UPDATE authorizations SET valid_until = ?, state = ?, decided_by = ?, "
      "revocation_requested_until = ?, revocation_requested_by = ?, revoked_by = ?, "
      "revocation_reason = ? WHERE id = ?",
      {date_value(a.valid_until), std::string(authorization_state_code(a.state)),
       optional_value(a.decided_by), date_value(a.revocation_requested_until),
       optional_value(a.revocation_requested_by), optional_value(a.revoked_by), a.revocation_reason,
       a.id});
}

std::optional<AuthorizedRequester> load_authorization(Connection& c, std::int64_t id) {
  auto row = c.query_one(
      std::string("SELECT ") + kAuthorizationColumns + " FROM authorizations WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return authorization_from_row(*row);
}

std::vector<AuthorizedRequester> authorizations_of_person(Connection& c, std::int64_t person_id) {
  std::vector<AuthorizedRequester> out;
  for (const auto& r : c.query(std::string("SELECT ") + kAuthorizationColumns +
                                   " FROM authorizations WHERE person_id = ? ORDER BY id",
                               {person_id})) {
    out.push_back(authorization_from_row(r));
  }
  return out;
}

std::vector<AuthorizedRequester> authorizations_of_organization(Connection& c,
                                                                std::int64_t organization_id) {
  std::vector<AuthorizedRequester> out;
  for (const auto& r : c.query(std::string("SELECT ") + kAuthorizationColumns +
                                   " FROM authorizations WHERE organization_id = ? ORDER BY id",
                               {organization_id})) {
    out.push_back(authorization_from_row(r));
  }
  return out;
}

}  // namespace guiche::store
