#include "store/status_component_rows.hpp"

#include "store/row_values.hpp"

namespace guiche::store {
namespace {

constexpr const char* kComponentColumns =
    "id, name, group_name, description, service_id, responsible_unit_id, active";

StatusComponent component_from(Connection& c, const Row& r) {
  StatusComponent s;
  s.id = r.integer(0);
  s.name = r.text(1);
  s.group_name = r.text(2);
  s.description = r.text(3);
  s.service_id = r.optional_integer(4);
  s.responsible_unit_id = r.integer(5);
  s.active = r.integer(6) != 0;
  for (const auto& o : c.query("SELECT organization_id FROM status_component_organizations "
                               "WHERE component_id = ? ORDER BY organization_id",
                               {s.id})) {
    s.organization_ids.push_back(o.integer(0));
  }
  return s;
}

void write_organizations(Connection& c, const StatusComponent& s) {
  c.query("DELETE FROM status_component_organizations WHERE component_id = ?", {s.id});
  for (auto id : s.organization_ids) {
    c.query(
        "INSERT INTO status_component_organizations (component_id, organization_id) "
        "VALUES (?, ?)",
        {s.id, id});
  }
}

}  // namespace

std::int64_t insert_status_component(Connection& c, const StatusComponent& component) {
  StatusComponent s = component;
  s.id = c.query_one(
              "INSERT INTO status_components (name, group_name, description, service_id, "
              "responsible_unit_id, active) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
              {s.name, s.group_name, s.description, optional_value(s.service_id),
               s.responsible_unit_id, flag(s.active)})
             ->integer(0);
  write_organizations(c, s);
  return s.id;
}

void update_status_component(Connection& c, const StatusComponent& s) {
  c.query(
      "UPDATE status_components SET name = ?, group_name = ?, description = ?, service_id = ?, "
      "responsible_unit_id = ?, active = ? WHERE id = ?",
      {s.name, s.group_name, s.description, optional_value(s.service_id), s.responsible_unit_id,
       flag(s.active), s.id});
  write_organizations(c, s);
}

std::optional<StatusComponent> load_status_component(Connection& c, std::int64_t id) {
  auto row = c.query_one(
      std::string("SELECT ") + kComponentColumns + " FROM status_components WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return component_from(c, *row);
}

std::vector<StatusComponent> load_status_components(Connection& c) {
  std::vector<StatusComponent> out;
  for (const auto& r : c.query(std::string("SELECT ") + kComponentColumns +
                               " FROM status_components ORDER BY group_name, name, id")) {
    out.push_back(component_from(c, r));
  }
  return out;
}

}  // namespace guiche::store
