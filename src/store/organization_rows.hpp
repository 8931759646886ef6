#pragma once
// Rows of the organizations table: the órgãos the desk knows, clients or not.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/organization.hpp"
#include "domain/time.hpp"
#include "store/database.hpp"

namespace guiche::store {

std::int64_t insert_organization(Connection& c, const Organization& o, Instant now);
void update_organization(Connection& c, const Organization& o);
std::optional<Organization> load_organization(Connection& c, std::int64_t id);
std::vector<Organization> load_organizations(Connection& c);

}  // namespace guiche::store
