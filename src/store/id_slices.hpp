#pragma once
// Reading rows for a list of ids with `IN (?, ...)`: the ids go to the
// engines in slices, so no statement holds more parameters than either
// accepts (SQLite's default limit is 32,766; PostgreSQL's 65,535).
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace guiche::store {

inline constexpr std::size_t kIdsPerStatement = 500;

// "?, ?, ?" for `n` ids.
inline std::string id_marks(std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += i ? ", ?" : "?";
  return s;
}

// Calls fn(count, params) for each slice of `ids`.
template <typename Fn>
void for_id_slices(const std::vector<std::int64_t>& ids, Fn&& fn) {
  for (std::size_t at = 0; at < ids.size(); at += kIdsPerStatement) {
    const auto end = std::min(ids.size(), at + kIdsPerStatement);
    std::vector<Value> params(ids.begin() + static_cast<std::ptrdiff_t>(at),
                              ids.begin() + static_cast<std::ptrdiff_t>(end));
    fn(end - at, params);
  }
}

}  // namespace guiche::store
