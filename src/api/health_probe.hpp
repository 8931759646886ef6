#pragma once
// What GET /api/v1/health reports of the database: reachable, and at which
// schema version. Load balancers ask many times a second on every node; the
// node answers from its last look, at most `max_age` old, so the check costs
// the database one read per interval however often it is asked (a read is a
// round trip or four on PostgreSQL). A failed look is not kept: while the
// database does not answer, every check asks it again and fails.
#include <chrono>
#include <mutex>
#include <optional>

#include "store/database.hpp"

namespace guiche::api {

class HealthProbe {
 public:
  explicit HealthProbe(std::chrono::milliseconds max_age) : max_age_(max_age) {}
  // Throws what the database threw when it could not be read.
  int schema_version(store::Database& db);

 private:
  const std::chrono::milliseconds max_age_;
  std::mutex mutex_;
  std::optional<int> version_;
  std::chrono::steady_clock::time_point looked_at_;
};

}  // namespace guiche::api
