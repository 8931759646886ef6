#include "domain/duration_histogram.hpp"

#include <algorithm>

namespace guiche {
namespace {

constexpr std::int64_t kFirstStartMs = 1'000;
constexpr std::int64_t kLastStartFromMs = 36'525LL * 86'400'000;  // 100 years

std::vector<std::int64_t> starts() {
  std::vector<std::int64_t> out{0};
  for (std::int64_t s = kFirstStartMs; s < kLastStartFromMs;
       s += std::max<std::int64_t>(1, s / 25)) {
    out.push_back(s);
  }
  return out;
}

}  // namespace

const std::vector<std::int64_t>& duration_bucket_starts() {
  static const std::vector<std::int64_t> kStarts = starts();
  return kStarts;
}

int duration_bucket(std::int64_t ms) {
  const auto& s = duration_bucket_starts();
  if (ms < 0) return 0;
  return static_cast<int>(std::upper_bound(s.begin(), s.end(), ms) - s.begin()) - 1;
}

std::int64_t duration_bucket_middle(int bucket) {
  const auto& s = duration_bucket_starts();
  const auto b = static_cast<std::size_t>(std::clamp(bucket, 0, static_cast<int>(s.size()) - 1));
  if (b + 1 == s.size()) return s[b];
  return s[b] + (s[b + 1] - s[b]) / 2;
}

std::optional<std::int64_t> histogram_lower_median(const std::map<int, std::int64_t>& counts) {
  std::int64_t total = 0;
  for (const auto& [bucket, n] : counts) total += std::max<std::int64_t>(0, n);
  if (total == 0) return std::nullopt;
  const std::int64_t rank = (total - 1) / 2;  // zero-based
  std::int64_t seen = 0;
  for (const auto& [bucket, n] : counts) {
    seen += std::max<std::int64_t>(0, n);
    if (seen > rank) return duration_bucket_middle(bucket);
  }
  return std::nullopt;
}

}  // namespace guiche
