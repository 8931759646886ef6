#pragma once
// A percentile of a duration histogram (domain/duration_histogram.hpp), as
// the reports state it: the nearest rank, ⌈p × N⌉ counting from 1, reported
// as the middle of the bucket that holds it — within 2 % of the exact value
// (500 ms below one second). P50 is the charter's lower median.
#include <cstdint>
#include <map>
#include <optional>

namespace guiche {

// `percent` in 1..100; none when the histogram counts nothing.
std::optional<std::int64_t> histogram_percentile(const std::map<int, std::int64_t>& counts,
                                                 int percent);

}  // namespace guiche
