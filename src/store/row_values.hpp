#pragma once
// Column conversions the row mappings share: flags stored as 0/1, optional
// dates stored as "YYYY-MM-DD" or NULL.
#include <cstdint>
#include <optional>

#include "domain/time.hpp"
#include "store/database.hpp"

namespace guiche::store {

inline Value flag(bool b) {
  return std::int64_t{b ? 1 : 0};
}

inline Value date_value(const std::optional<Date>& d) {
  return d ? Value{format_date(*d)} : Value{};
}

inline std::optional<Date> date_at(const Row& r, std::size_t i) {
  auto text = r.optional_text(i);
  return text ? parse_date(*text) : std::nullopt;
}

}  // namespace guiche::store
