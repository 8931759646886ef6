#include "domain/histogram_percentile.hpp"

#include <algorithm>

#include "domain/duration_histogram.hpp"

namespace guiche {

std::optional<std::int64_t> histogram_percentile(const std::map<int, std::int64_t>& counts,
                                                 int percent) {
  std::int64_t total = 0;
  for (const auto& [bucket, n] : counts) total += std::max<std::int64_t>(0, n);
  if (total == 0) return std::nullopt;
  const std::int64_t p = std::clamp(percent, 1, 100);
  const std::int64_t rank = std::max<std::int64_t>(1, (p * total + 99) / 100);  // 1-based
  std::int64_t seen = 0;
  for (const auto& [bucket, n] : counts) {
    seen += std::max<std::int64_t>(0, n);
    if (seen >= rank) return duration_bucket_middle(bucket);
  }
  return std::nullopt;
}

}  // namespace guiche
