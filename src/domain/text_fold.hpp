#pragma once
// Text folded for comparing what people type with what the desk keeps: the
// portal's catalog search ("solicitacao" finds "Solicitação") and the service
// codes requesters quote (domain/service_code.hpp).
#include <string>
#include <string_view>

namespace guiche {

// Lowercase ASCII, the Latin-1 letters of Portuguese without their accents
// ("Ç" -> "c", "É" -> "e"), the no-break space as a space and the Unicode
// hyphens and dashes (U+2010..U+2015, U+2212) as "-". Other bytes stay as
// they are, so the result is still UTF-8.
std::string fold_text(std::string_view s);

}  // namespace guiche
