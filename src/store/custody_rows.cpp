#include "store/custody_rows.hpp"

#include "store/row_values.hpp"

namespace guiche::store {
namespace {

constexpr const char* kCustodyColumns =
    "k.id, k.ticket_id, t.protocol, k.entry_seq, k.unit_id, k.asset_number, k.kind, "
    "k.brand_model, k.serial_number, k.condition, k.accessories, k.delivered_by_id, "
    "k.delivered_by_name, k.received_by_id, k.received_by_name, k.entered_at, "
    "k.maintenance_steps, k.taken_by_id, k.taken_by_name, k.return_note, k.returned_at";

CustodyItem item_of(const Row& r) {
  CustodyItem k;
  k.id = r.integer(0);
  k.ticket_id = r.integer(1);
  k.protocol = r.text(2);
  k.entry_seq = r.integer(3);
  k.unit_id = r.optional_integer(4);
  k.asset_number = r.text(5);
  k.kind = r.text(6);
  k.brand_model = r.text(7);
  k.serial_number = r.text(8);
  k.condition = r.text(9);
  k.accessories = r.text(10);
  k.delivered_by_id = r.optional_integer(11);
  k.delivered_by_name = r.text(12);
  k.received_by_id = r.optional_integer(13);
  k.received_by_name = r.text(14);
  k.entered_at = from_millis(r.integer(15));
  k.maintenance_steps = static_cast<int>(r.integer(16));
  k.taken_by_id = r.optional_integer(17);
  k.taken_by_name = r.text(18);
  k.return_note = r.text(19);
  k.returned_at = instant_at(r, 20);
  return k;
}

std::string select_where(const std::string& where) {
  return std::string("SELECT ") + kCustodyColumns +
         " FROM equipment_custody k JOIN tickets t ON t.id = k.ticket_id WHERE " + where;
}

std::vector<CustodyItem> items(Connection& c, const std::string& sql,
                               const std::vector<Value>& params) {
  std::vector<CustodyItem> out;
  for (const auto& r : c.query(sql, params)) out.push_back(item_of(r));
  return out;
}

// "AND k.unit_id IN (?, ...)" for `units` units; every unit with -1.
std::string unit_filter(int units) {
  if (units < 0) return "";
  if (units == 0) return " AND 1 = 0";
  std::string out = " AND k.unit_id IN (";
  for (int i = 0; i < units; ++i) out += i ? ", ?" : "?";
  return out + ")";
}

int unit_count(const CustodyScope& scope, std::vector<Value>& params) {
  if (scope.all) return -1;
  for (auto id : scope.unit_ids) params.emplace_back(id);
  return static_cast<int>(scope.unit_ids.size());
}

std::string text_in(const nlohmann::json& d, const char* key) {
  return d.contains(key) && d[key].is_string() ? d[key].get<std::string>() : "";
}

Value optional_id(const nlohmann::json& d, const char* key) {
  return d.contains(key) && d[key].is_number_integer() ? Value{d[key].get<std::int64_t>()}
                                                       : Value{};
}

}  // namespace

bool is_custody_event(EventKind kind) {
  return kind == EventKind::equipment_entered || kind == EventKind::equipment_maintained ||
         kind == EventKind::equipment_returned;
}

void project_custody_event(Connection& c, const TicketEvent& e,
                           std::optional<std::int64_t> unit_id) {
  const auto& d = e.data;
  const std::string asset = text_in(d, "asset_number");
  // The one entry of the asset on this ticket still held (the rule allows no second).
  const char* held_here = " WHERE ticket_id = ? AND asset_number = ? AND returned_at IS NULL";
  switch (e.kind) {
    case EventKind::equipment_entered:
      c.query(
          "INSERT INTO equipment_custody (ticket_id, entry_seq, unit_id, asset_number, kind, "
          "brand_model, serial_number, condition, accessories, delivered_by_id, "
          "delivered_by_name, received_by_id, received_by_name, entered_at) VALUES (?, ?, ?, ?, "
          "?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          {e.ticket_id, e.seq, optional_value(unit_id), asset, text_in(d, "kind"),
           text_in(d, "brand_model"), text_in(d, "serial_number"), text_in(d, "condition"),
           text_in(d, "accessories"), optional_id(d, "delivered_by_id"),
           text_in(d, "delivered_by_name"), optional_id(d, "received_by_id"),
           text_in(d, "received_by_name"), to_millis(e.at)});
      break;
    case EventKind::equipment_maintained:
      c.query(
          std::string("UPDATE equipment_custody SET maintenance_steps = maintenance_steps + 1") +
              held_here,
          {e.ticket_id, asset});
      break;
    case EventKind::equipment_returned:
      c.query(std::string("UPDATE equipment_custody SET returned_seq = ?, taken_by_id = ?, "
                          "taken_by_name = ?, return_note = ?, returned_at = ?") +
                  held_here,
              {e.seq, optional_id(d, "taken_by_id"), text_in(d, "taken_by_name"),
               text_in(d, "note"), to_millis(e.at), e.ticket_id, asset});
      break;
    default:
      break;
  }
}

void delete_ticket_custody(Connection& c, std::int64_t ticket_id) {
  c.query("DELETE FROM equipment_custody WHERE ticket_id = ?", {ticket_id});
}

std::optional<CustodyItem> held_custody(Connection& c, const std::string& asset_number) {
  auto found =
      items(c, select_where("k.asset_number = ? AND k.returned_at IS NULL"), {asset_number});
  if (found.empty()) return std::nullopt;
  return found.front();
}

bool entered_on_ticket(Connection& c, std::int64_t ticket_id, const std::string& asset_number) {
  return c
      .query_one("SELECT 1 FROM equipment_custody WHERE asset_number = ? AND ticket_id = ?",
                 {asset_number, ticket_id})
      .has_value();
}

std::vector<CustodyItem> ticket_custody(Connection& c, std::int64_t ticket_id) {
  return items(c, select_where("k.ticket_id = ? ORDER BY k.entry_seq"), {ticket_id});
}

std::string held_equipment_sql(int units) {
  return select_where("k.returned_at IS NULL" + unit_filter(units) +
                      " ORDER BY k.entered_at, k.id LIMIT ?");
}

std::string custody_by_asset_sql(int units) {
  return select_where("k.asset_number = ?" + unit_filter(units) +
                      " ORDER BY k.entered_at DESC, k.id DESC LIMIT ?");
}

std::vector<CustodyItem> held_equipment(Connection& c, const CustodyScope& scope, int limit) {
  std::vector<Value> params;
  const int units = unit_count(scope, params);
  params.emplace_back(std::int64_t{limit});
  return items(c, held_equipment_sql(units), params);
}

std::vector<CustodyItem> custody_by_asset(Connection& c, const CustodyScope& scope,
                                          const std::string& asset_number, int limit) {
  std::vector<Value> params{asset_number};
  const int units = unit_count(scope, params);
  params.emplace_back(std::int64_t{limit});
  return items(c, custody_by_asset_sql(units), params);
}

}  // namespace guiche::store
