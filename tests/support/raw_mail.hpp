#pragma once
// Raw RFC 5322 messages for the mail intake tests, built the way mail clients
// and robots send them (CRLF lines, headers first).
#include <string>
#include <utility>
#include <vector>

namespace guiche::testing {

struct RawMail {
  std::string from = "Maria Solicitante <maria@seger.es.gov.br>";
  std::string to = "atendimento@prodest.es.gov.br";
  std::string subject = "Sem acesso ao SIGEFES";
  std::string message_id;  // "" for none
  std::string body = "Bom dia,\n\nNão consigo entrar no SIGEFES desde ontem.\n\nMaria";
  std::vector<std::pair<std::string, std::string>> headers;  // extra, in order
  // One text/plain attachment (multipart/mixed) when the name is not empty.
  std::string attachment_name;
  std::string attachment_text;

  std::string str() const;
};

}  // namespace guiche::testing
