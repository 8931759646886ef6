#include "store/macro_rows.hpp"

namespace guiche::store {
namespace {

const char* const kMacroColumns =
    "id, unit_id, name, reply_template_id, set_status, route_unit_id, minutes, "
    "solution_template_id, active, updated_by, updated_at";

TicketMacro ticket_macro_from(const Row& r) {
  TicketMacro m;
  m.id = r.integer(0);
  m.unit_id = r.optional_integer(1);
  m.name = r.text(2);
  m.reply_template_id = r.optional_integer(3);
  if (auto s = r.optional_text(4)) m.set_status = parse_status(*s);
  m.route_unit_id = r.optional_integer(5);
  if (auto minutes = r.optional_integer(6)) m.minutes = static_cast<int>(*minutes);
  m.solution_template_id = r.optional_integer(7);
  m.active = r.integer(8) != 0;
  m.updated_by = r.optional_integer(9);
  m.updated_at = from_millis(r.integer(10));
  return m;
}

std::vector<Value> macro_values(const TicketMacro& m) {
  return {optional_value(m.unit_id),
          m.name,
          optional_value(m.reply_template_id),
          m.set_status ? Value{std::string(status_code(*m.set_status))} : null_value(),
          optional_value(m.route_unit_id),
          m.minutes ? Value{std::int64_t{*m.minutes}} : null_value(),
          optional_value(m.solution_template_id),
          std::int64_t{m.active ? 1 : 0},
          optional_value(m.updated_by),
          to_millis(m.updated_at)};
}

}  // namespace

std::int64_t insert_ticket_macro(Connection& c, const TicketMacro& m) {
  return c
      .query_one(
          "INSERT INTO ticket_macros (unit_id, name, reply_template_id, set_status, "
          "route_unit_id, minutes, solution_template_id, active, updated_by, updated_at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          macro_values(m))
      ->integer(0);
}

void update_ticket_macro(Connection& c, const TicketMacro& m) {
  auto values = macro_values(m);
  values.emplace_back(m.id);
  c.query(
      "UPDATE ticket_macros SET unit_id = ?, name = ?, reply_template_id = ?, set_status = ?, "
      "route_unit_id = ?, minutes = ?, solution_template_id = ?, active = ?, updated_by = ?, "
      "updated_at = ? WHERE id = ?",
      values);
}

std::optional<TicketMacro> load_ticket_macro(Connection& c, std::int64_t id) {
  auto r = c.query_one(std::string("SELECT ") + kMacroColumns + " FROM ticket_macros WHERE id = ?",
                       {id});
  if (!r) return std::nullopt;
  return ticket_macro_from(*r);
}

std::vector<TicketMacro> ticket_macros(Connection& c, bool with_inactive) {
  std::vector<TicketMacro> out;
  for (const auto& r : c.query(std::string("SELECT ") + kMacroColumns + " FROM ticket_macros" +
                               (with_inactive ? "" : " WHERE active = 1") + " ORDER BY name, id")) {
    out.push_back(ticket_macro_from(r));
  }
  return out;
}

}  // namespace guiche::store
