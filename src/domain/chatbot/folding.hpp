#pragma once
// How the chatbot compares what a person types with what it expects: without case, accents or
// surrounding blanks ("Não" = "nao"). Built on the desk's shared folding (domain/text_fold.hpp);
// service codes follow the catalog's own rule (domain/service_code.hpp).
#include <string>
#include <string_view>

namespace guiche::chatbot {

// fold_text(), with runs of blanks as one space, trimmed.
std::string fold(std::string_view text);

}  // namespace guiche::chatbot
