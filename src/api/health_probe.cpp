// See health_probe.hpp.
#include "api/health_probe.hpp"

#include "store/migrations/migrations.hpp"

namespace guiche::api {

int HealthProbe::schema_version(store::Database& db) {
  // Held during the read: one check looks while the others wait for its answer.
  std::lock_guard lock(mutex_);
  const auto now = std::chrono::steady_clock::now();
  if (version_ && now - looked_at_ < max_age_) return *version_;
  version_.reset();
  version_ = store::schema_version(db);
  looked_at_ = now;
  return *version_;
}

}  // namespace guiche::api
