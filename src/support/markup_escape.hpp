#pragma once
// Text made safe inside HTML or XML, in element content and quoted
// attributes alike: & < > " ' become entities.
#include <string>
#include <string_view>

namespace guiche {

std::string escape_markup(std::string_view text);

}  // namespace guiche
