#pragma once
// RFC 3676 format=flowed (Thunderbird, Apple Mail): soft line breaks are a
// trailing space; undoing them gives back the paragraphs the person typed.
#include <string>
#include <string_view>

namespace guiche::mail {

// `text` with '\n' line ends; `delsp`: the DelSp=yes parameter.
std::string unflow(std::string_view text, bool delsp);

}  // namespace guiche::mail
