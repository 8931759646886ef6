// See mail_service.hpp.
#include "app/mail_intake/mail_service.hpp"

#include "app/mail_intake/mail_text.hpp"
#include "domain/service_code.hpp"
#include "store/service_rows.hpp"

namespace guiche::app {

MailService mail_service(store::Connection& c, const mail::InboundMessage& m,
                         const std::string& default_code) {
  const auto rows = store::load_service_codes(c);
  std::vector<std::string> codes;
  for (const auto& s : rows) codes.push_back(s.code);
  // The requester's own words: quoted earlier messages and the signature cut.
  const std::string& text = m.text_trimmed.empty() ? m.text : m.text_trimmed;
  const QuotedServiceCode quoted = quoted_service_code(m.subject, text, codes);
  const std::string fallback = "; registrada no serviço padrão do e-mail (" + default_code + ").";
  if (auto code = quoted.code()) {
    const std::string where = quoted.where == QuotedServiceCode::Where::body
                                  ? "no texto do e-mail"
                                  : "no assunto do e-mail";
    for (const auto& s : rows) {
      if (s.code != *code) continue;
      if (s.active && s.is_public) {
        return {s.code, "Serviço " + s.code + " citado " + where + ".", false};
      }
      return {default_code,
              "O serviço " + s.code + ", citado " + where +
                  ", não recebe solicitações por e-mail (" +
                  (s.active ? "serviço interno" : "serviço inativo") + ")" + fallback,
              true};
    }
  }
  if (quoted.codes.size() > 1) {
    std::string list;
    for (const auto& code : quoted.codes) list += (list.empty() ? "" : ", ") + code;
    return {default_code, "O e-mail cita mais de um serviço (" + list + ")" + fallback, true};
  }
  if (!quoted.unknown.empty()) {
    return {default_code,
            "O e-mail informa o serviço \"" + clean_mail_line(quoted.unknown, 60) +
                "\", que não é código do catálogo" + fallback,
            true};
  }
  return {default_code, "", false};
}

}  // namespace guiche::app
