#pragma once
// Resolution times (registration to resolution) kept as counts per bucket,
// so that a median over months of tickets is read from a few hundred numbers
// instead of sorting the tickets (the charter's figures, migration v025).
//
// Bucket 0 holds durations under 1 s (and any negative one); bucket k ≥ 1
// starts at lower(k), with lower(1) = 1,000 ms and
// lower(k+1) = lower(k) + max(1, lower(k) / 25): each bucket at most 4 % as
// wide as its start. The last bucket (from about 100 years) has no end.
// Integer arithmetic, so the bounds are the same on every machine and equal
// to the ones migration v025 stores for SQL.
//
// Precision: the median reported is the middle of the bucket that holds the
// exact (lower) median, so it is within 2 % of it, or within 500 ms below
// one second.
#include <cstdint>
#include <map>
#include <optional>
#include <vector>

namespace guiche {

// Every bucket's start, in order (bucket 0 starts at 0).
const std::vector<std::int64_t>& duration_bucket_starts();
int duration_bucket(std::int64_t ms);
std::int64_t duration_bucket_middle(int bucket);
// The lower median (the middle one of an odd count, the first of the two
// middle ones of an even count) of a histogram, bucket -> count, as the
// middle of its bucket; none when it counts nothing.
std::optional<std::int64_t> histogram_lower_median(const std::map<int, std::int64_t>& counts);

}  // namespace guiche
