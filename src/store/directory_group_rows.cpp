#include "store/directory_group_rows.hpp"

namespace guiche::store {

std::vector<DirectoryGroupMapping> load_directory_group_mappings(Connection& c) {
  std::vector<DirectoryGroupMapping> out;
  for (const auto& r :
       c.query("SELECT id, group_dn, organization_id, role, unit_id, created_by, created_at, "
               "authorizes_requesters, document_type, document_number "
               "FROM directory_group_mappings ORDER BY id")) {
    DirectoryGroupMapping m;
    m.id = r.integer(0);
    m.group_dn = r.text(1);
    m.organization_id = r.optional_integer(2);
    if (auto code = r.optional_text(3)) m.role = parse_role(*code);
    m.unit_id = r.optional_integer(4);
    m.created_by = r.integer(5);
    m.created_at = from_millis(r.integer(6));
    m.authorizes_requesters = r.integer(7) != 0;
    if (auto code = r.optional_text(8)) m.document_type = parse_document(*code);
    m.document_number = r.text(9);
    out.push_back(std::move(m));
  }
  return out;
}

std::int64_t insert_directory_group_mapping(Connection& c, const DirectoryGroupMapping& m) {
  Value role = m.role ? Value{std::string(role_code(*m.role))} : null_value();
  return c
      .query_one(
          "INSERT INTO directory_group_mappings "
          "(group_dn, organization_id, role, unit_id, created_by, created_at, "
          "authorizes_requesters, document_type, document_number) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {m.group_dn, optional_value(m.organization_id), role, optional_value(m.unit_id),
           m.created_by, to_millis(m.created_at), std::int64_t{m.authorizes_requesters ? 1 : 0},
           m.document_type ? Value{std::string(document_code(*m.document_type))} : null_value(),
           m.document_number})
      ->integer(0);
}

std::vector<DirectoryAuthorization> directory_authorizations_of(Connection& c,
                                                                std::int64_t person_id) {
  std::vector<DirectoryAuthorization> out;
  for (const auto& r : c.query("SELECT authorization_id, mapping_id FROM directory_authorizations "
                               "WHERE person_id = ? ORDER BY authorization_id",
                               {person_id})) {
    out.push_back({r.integer(0), r.integer(1)});
  }
  return out;
}

void link_directory_authorization(Connection& c, std::int64_t authorization_id,
                                  std::int64_t mapping_id, std::int64_t person_id) {
  c.query(
      "INSERT INTO directory_authorizations (authorization_id, mapping_id, person_id) "
      "VALUES (?, ?, ?)",
      {authorization_id, mapping_id, person_id});
}

bool delete_directory_group_mapping(Connection& c, std::int64_t id) {
  return !c.query("DELETE FROM directory_group_mappings WHERE id = ? RETURNING id", {id}).empty();
}

}  // namespace guiche::store
