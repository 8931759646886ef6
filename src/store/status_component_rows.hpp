#pragma once
// The status page's components and the organizations that use each
// (store/migrations/v013_status_notices.cpp).
#include <optional>
#include <vector>

#include "domain/incidents/status_component.hpp"
#include "store/database.hpp"

namespace guiche::store {

std::int64_t insert_status_component(Connection& c, const StatusComponent& component);
void update_status_component(Connection& c, const StatusComponent& component);
std::optional<StatusComponent> load_status_component(Connection& c, std::int64_t id);
// By group, then name.
std::vector<StatusComponent> load_status_components(Connection& c);

}  // namespace guiche::store
