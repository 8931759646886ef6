#pragma once
// Column conversions the row mappings share: flags stored as 0/1, optional
// dates stored as "YYYY-MM-DD" or NULL, optional instants as milliseconds or NULL.
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

inline Value instant_value(const std::optional<Instant>& t) {
  return t ? Value{to_millis(*t)} : Value{};
}

inline std::optional<Instant> instant_at(const Row& r, std::size_t i) {
  auto v = r.optional_integer(i);
  return v ? std::optional<Instant>(from_millis(*v)) : std::nullopt;
}

}  // namespace guiche::store
