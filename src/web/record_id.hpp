#pragma once
// A record's id as the pages receive it, in a path or a form field: digits
// only, positive; anything else is no id (the page answers 404 or names the
// field), never an exception from the conversion.
#include <cstdint>
#include <optional>
#include <string_view>

namespace guiche::web {

std::optional<std::int64_t> record_id(std::string_view text);

}  // namespace guiche::web
