#pragma once
// The aviso de privacidade (LGPD arts. 9 and 23, I): what the desk does with
// the personal data it collects. An admin (or the encarregado) edits it; the
// desk shows a sensible default until then. Plain text: paragraphs separated
// by a blank line, shown escaped.
#include <string>

namespace guiche {

struct PrivacyNoticeText {
  std::string text_pt;      // required
  std::string text_en;      // optional: "" shows the Portuguese text in English pages
  std::string dpo_contact;  // the encarregado's name and contact (art. 41 § 1), one line
};

// The default pt-BR text, naming `controller` (the agency) as the controller.
std::string default_privacy_notice_pt(const std::string& controller);

// Trims the fields and checks them: a Portuguese text, sizes, valid UTF-8
// without control characters (line breaks and tabs allowed in the texts), and
// the encarregado's contact on one line. Throws DomainError(validation)
// naming each offending field (text_pt, text_en, dpo_contact).
PrivacyNoticeText validated_privacy_notice(const PrivacyNoticeText& n);

}  // namespace guiche
