#pragma once
// A service's code as requesters quote it (docs/domain.md, "Services": "a code
// the requester may quote"): typed alone (the WhatsApp chatbot, the phone
// registration page, the portal's search, the API) or quoted in an e-mail.
// The rules are the cases in tests/domain/data/service_codes.cases.
//
// Typed alone, the text is nothing but a code, so case, accents, spaces and
// punctuation are ignored: "sup-tec", " SUP TÉC ", "suptec" and "[SUP-TEC]"
// all name SUP-TEC. Inside a text, a code must stand as a word of its own
// ("SIS-DEFEITO" never inside "SIS-DEFEITOS" nor "XSIS-DEFEITO"), written with
// its own separators or a hyphen, in any case and with or without accents.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace guiche {

// What codes are compared by: letters and digits only, without accents, in
// capitals ("Sup-Téc" -> "SUPTEC"); empty when `code` has no letter or digit.
std::string service_code_key(std::string_view code);

// The code of `catalog` that `typed` names: the one written the same way
// (ignoring case and accents), else the one with the same key; nullopt when
// none is, or when two codes of the catalog share the key.
std::optional<std::string> typed_service_code(std::string_view typed,
                                              const std::vector<std::string>& catalog);

// The codes an e-mail quotes, where the desk looked for them:
//  1. lines of the body labelled as a code ("Código do serviço: SIS-DEFEITO",
//     "Serviço: sup-tec", "Código: SUP-TEC"), not quoted ones ("> ...");
//  2. else the subject ("[SUP-TEC] impressora", "SUP-TEC - impressora").
// A code that is one plain word ("REDE", no digit nor separator) may be a word
// of the message: it counts only as a labelled line's whole value, or in
// brackets in the subject ("[REDE]").
struct QuotedServiceCode {
  enum class Where { nowhere, body, subject };
  Where where = Where::nowhere;
  // The catalog codes quoted there (distinct, in catalog order): one names
  // the service, more are ambiguous and name none.
  std::vector<std::string> codes;
  // The value of the first labelled line that named no code of the catalog
  // ("Código do serviço: XYZ-9" -> "XYZ-9"), at most 60 bytes.
  std::string unknown;

  std::optional<std::string> code() const {
    return codes.size() == 1 ? std::optional<std::string>(codes.front()) : std::nullopt;
  }
};
QuotedServiceCode quoted_service_code(std::string_view subject, std::string_view body,
                                      const std::vector<std::string>& catalog);

}  // namespace guiche
