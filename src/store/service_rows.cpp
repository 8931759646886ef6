#include "store/service_rows.hpp"

#include "store/row_values.hpp"

namespace guiche::store {
namespace {

constexpr const char* kServiceColumns =
    "id, code, name, description, audience, who_may_use, required_documents, stages, cost, "
    "max_deadline, access_channels, communication_channels, complaint_channels, commitment, "
    "owning_unit_id, default_category, sla_policy, is_public, active, form, popular_names";

std::vector<Value> service_values(const Service& s) {
  return {s.code,
          s.name,
          s.description,
          std::string(audience_code(s.audience)),
          s.who_may_use,
          s.required_documents,
          nlohmann::json(s.stages).dump(),
          s.cost,
          s.max_deadline,
          s.access_channels,
          s.communication_channels,
          s.complaint_channels,
          s.commitment,
          optional_value(s.owning_unit_id),
          std::string(category_code(s.default_category)),
          s.sla_policy,
          flag(s.is_public),
          flag(s.active),
          form_to_json(s.form).dump(),
          nlohmann::json(s.popular_names).dump()};
}

Service service_from_row(const Row& r) {
  Service s;
  s.id = r.integer(0);
  s.code = r.text(1);
  s.name = r.text(2);
  s.description = r.text(3);
  s.audience = parse_audience(r.text(4)).value_or(Audience::authorized_requesters);
  s.who_may_use = r.text(5);
  s.required_documents = r.text(6);
  s.stages = nlohmann::json::parse(r.text(7)).get<std::vector<std::string>>();
  s.cost = r.text(8);
  s.max_deadline = r.text(9);
  s.access_channels = r.text(10);
  s.communication_channels = r.text(11);
  s.complaint_channels = r.text(12);
  s.commitment = r.text(13);
  s.owning_unit_id = r.optional_integer(14);
  s.default_category = parse_category(r.text(15)).value_or(Category::service_request);
  s.sla_policy = r.text(16);
  s.is_public = r.integer(17) != 0;
  s.active = r.integer(18) != 0;
  s.form = form_from_json(nlohmann::json::parse(r.text(19)));
  s.popular_names = nlohmann::json::parse(r.text(20)).get<std::vector<std::string>>();
  return s;
}

std::string placeholders(int n) {
  std::string out = "?";
  for (int i = 1; i < n; ++i) out += ", ?";
  return out;
}

}  // namespace

std::int64_t insert_service(Connection& c, const Service& s) {
  return c
      .query_one(std::string("INSERT INTO services (") + (kServiceColumns + 4) + ") VALUES (" +
                     placeholders(20) + ") RETURNING id",
                 service_values(s))
      ->integer(0);
}

void update_service(Connection& c, const Service& s) {
  auto values = service_values(s);
  values.emplace_back(s.id);
  c.query(
      "UPDATE services SET code = ?, name = ?, description = ?, audience = ?, who_may_use = ?, "
      "required_documents = ?, stages = ?, cost = ?, max_deadline = ?, access_channels = ?, "
      "communication_channels = ?, complaint_channels = ?, commitment = ?, owning_unit_id = ?, "
      "default_category = ?, sla_policy = ?, is_public = ?, active = ?, form = ?, "
      "popular_names = ? WHERE id = ?",
      values);
}

std::optional<Service> load_service(Connection& c, std::int64_t id) {
  auto row =
      c.query_one(std::string("SELECT ") + kServiceColumns + " FROM services WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return service_from_row(*row);
}

std::optional<Service> find_service_by_code(Connection& c, const std::string& code) {
  auto row = c.query_one(std::string("SELECT ") + kServiceColumns + " FROM services WHERE code = ?",
                         {code});
  if (!row) return std::nullopt;
  return service_from_row(*row);
}

std::vector<Service> load_services(Connection& c) {
  std::vector<Service> out;
  for (const auto& r :
       c.query(std::string("SELECT ") + kServiceColumns + " FROM services ORDER BY code")) {
    out.push_back(service_from_row(r));
  }
  return out;
}

std::vector<ServiceCode> load_service_codes(Connection& c) {
  std::vector<ServiceCode> out;
  for (const auto& r : c.query("SELECT id, code, active, is_public FROM services ORDER BY code")) {
    out.push_back({r.integer(0), r.text(1), r.integer(2) != 0, r.integer(3) != 0});
  }
  return out;
}

}  // namespace guiche::store
