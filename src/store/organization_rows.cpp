#include "store/organization_rows.hpp"

#include "store/row_values.hpp"

namespace guiche::store {
namespace {

constexpr const char* kOrganizationColumns =
    "id, name, acronym, cnpj, is_client, client_reference, calendar, parent_id, "
    "confirm_authorizations";

Organization organization_from_row(const Row& r) {
  Organization o;
  o.id = r.integer(0);
  o.name = r.text(1);
  o.acronym = r.text(2);
  o.cnpj = r.optional_text(3);
  o.is_client = r.integer(4) != 0;
  o.client_reference = r.text(5);
  o.calendar = r.text(6);
  o.parent_id = r.optional_integer(7);
  o.authorization_changes_need_confirmation = r.integer(8) != 0;
  return o;
}

}  // namespace

std::int64_t insert_organization(Connection& c, const Organization& o, Instant now) {
  return c
      .query_one(
          "INSERT INTO organizations (name, acronym, cnpj, is_client, client_reference, calendar, "
          "parent_id, confirm_authorizations, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
          "RETURNING id",
          {o.name, o.acronym, optional_value(o.cnpj), flag(o.is_client), o.client_reference,
           o.calendar, optional_value(o.parent_id), flag(o.authorization_changes_need_confirmation),
           to_millis(now)})
      ->integer(0);
}

void update_organization(Connection& c, const Organization& o) {
  c.query(
      "UPDATE organizations SET name = ?, acronym = ?, cnpj = ?, is_client = ?, "
      "client_reference = ?, calendar = ?, parent_id = ?, confirm_authorizations = ? WHERE id = ?",
      {o.name, o.acronym, optional_value(o.cnpj), flag(o.is_client), o.client_reference, o.calendar,
       optional_value(o.parent_id), flag(o.authorization_changes_need_confirmation), o.id});
}

std::optional<Organization> load_organization(Connection& c, std::int64_t id) {
  auto row = c.query_one(
      std::string("SELECT ") + kOrganizationColumns + " FROM organizations WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return organization_from_row(*row);
}

std::vector<Organization> load_organizations(Connection& c) {
  std::vector<Organization> out;
  for (const auto& r : c.query(std::string("SELECT ") + kOrganizationColumns +
                               " FROM organizations ORDER BY acronym")) {
    out.push_back(organization_from_row(r));
  }
  return out;
}

}  // namespace guiche::store
