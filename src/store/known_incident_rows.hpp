#pragma once
// The notices a request for a catalog service is "already known" by
// (docs/domain.md, "Tickets linked to notices"): published, still open
// incidents (and maintenance in progress) of the status components that are
// that service (store/migrations/v016_notice_service_index.cpp).
#include <optional>
#include <vector>

#include "store/database.hpp"

namespace guiche::store {

// Newest first. `organization_id`: the scoped notices of that organization
// are included (the general ones always are); `every_scope`: all of them.
std::vector<std::int64_t> open_published_notices_of_service(
    Connection& c, std::int64_t service_id, std::optional<std::int64_t> organization_id,
    bool every_scope, int limit);

}  // namespace guiche::store
