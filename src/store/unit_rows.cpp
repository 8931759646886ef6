#include "store/unit_rows.hpp"

#include "store/row_values.hpp"

namespace guiche::store {
std::int64_t insert_unit(Connection& c, const Unit& u) {
  return c
      .query_one(
          "INSERT INTO units (code, name, parent_id, kind, active) VALUES (?, ?, ?, ?, ?) "
          "RETURNING id",
          {u.code, u.name, optional_value(u.parent_id), std::string(unit_kind_code(u.kind)),
           flag(u.active)})
      ->integer(0);
}

void update_unit(Connection& c, const Unit& u) {
  c.query("UPDATE units SET code = ?, name = ?, parent_id = ?, kind = ?, active = ? WHERE id = ?",
          {u.code, u.name, optional_value(u.parent_id), std::string(unit_kind_code(u.kind)),
           flag(u.active), u.id});
}

std::int64_t open_tickets_in_unit(Connection& c, std::int64_t unit_id) {
  return c
      .query_one(
          "SELECT count(*) FROM tickets WHERE unit_id = ? AND status NOT IN ('closed', "
          "'cancelled')",
          {unit_id})
      ->integer(0);
}

std::vector<Unit> load_units(Connection& c) {
  std::vector<Unit> out;
  for (const auto& r :
       c.query("SELECT id, code, name, parent_id, kind, active FROM units ORDER BY id")) {
    out.push_back({r.integer(0), r.text(1), r.text(2), r.optional_integer(3),
                   parse_unit_kind(r.text(4)).value_or(UnitKind::technical), r.integer(5) != 0});
  }
  return out;
}

}  // namespace guiche::store
