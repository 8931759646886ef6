#include "store/directory_group_rows.hpp"

namespace guiche::store {

std::vector<DirectoryGroupMapping> load_directory_group_mappings(Connection& c) {
  std::vector<DirectoryGroupMapping> out;
  for (const auto& r :
       c.query("SELECT id, group_dn, organization_id, role, unit_id, created_by, created_at "
               "FROM directory_group_mappings ORDER BY id")) {
    DirectoryGroupMapping m;
    m.id = r.integer(0);
    m.group_dn = r.text(1);
    m.organization_id = r.optional_integer(2);
    if (auto code = r.optional_text(3)) m.role = parse_role(*code);
    m.unit_id = r.optional_integer(4);
    m.created_by = r.integer(5);
    m.created_at = from_millis(r.integer(6));
    out.push_back(std::move(m));
  }
  return out;
}

std::int64_t insert_directory_group_mapping(Connection& c, const DirectoryGroupMapping& m) {
  Value role = m.role ? Value{std::string(role_code(*m.role))} : null_value();
  return c
      .query_one(
          "INSERT INTO directory_group_mappings "
          "(group_dn, organization_id, role, unit_id, created_by, created_at) "
          "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
          {m.group_dn, optional_value(m.organization_id), role, optional_value(m.unit_id),
           m.created_by, to_millis(m.created_at)})
      ->integer(0);
}

bool delete_directory_group_mapping(Connection& c, std::int64_t id) {
  return !c.query("DELETE FROM directory_group_mappings WHERE id = ? RETURNING id", {id}).empty();
}

}  // namespace guiche::store
