#pragma once
// Rows of the services table: the items of the Carta de Serviços with their forms.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/service.hpp"
#include "store/database.hpp"

namespace guiche::store {

std::int64_t insert_service(Connection& c, const Service& s);
void update_service(Connection& c, const Service& s);
std::optional<Service> load_service(Connection& c, std::int64_t id);
std::optional<Service> find_service_by_code(Connection& c, const std::string& code);
std::vector<Service> load_services(Connection& c);

// The catalog's codes and whether each takes requests, without the rest of the
// rows: what matching a typed or quoted code needs (domain/service_code.hpp).
struct ServiceCode {
  std::int64_t id = 0;
  std::string code;
  bool active = true;
  bool is_public = true;
};
std::vector<ServiceCode> load_service_codes(Connection& c);

}  // namespace guiche::store
