#include "store/charter_rows.hpp"

namespace guiche::store {

std::optional<CharterHeader> load_charter_header(Connection& c) {
  auto row = c.query_one(
      "SELECT unit_name, who_we_are, contacts, address, website FROM charter_header WHERE id = 1");
  if (!row) return std::nullopt;
  return CharterHeader{row->text(0), row->text(1), row->text(2), row->text(3), row->text(4)};
}

void save_charter_header(Connection& c, const CharterHeader& h, Instant at, std::int64_t by) {
  c.query("DELETE FROM charter_header WHERE id = 1");
  c.query(
      "INSERT INTO charter_header (id, unit_name, who_we_are, contacts, address, website, "
      "updated_at, updated_by) VALUES (1, ?, ?, ?, ?, ?, ?, ?)",
      {h.unit_name, h.who_we_are, h.contacts, h.address, h.website, to_millis(at), by});
}

}  // namespace guiche::store
