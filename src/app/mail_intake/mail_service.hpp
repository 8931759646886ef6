#pragma once
// The service a new request by e-mail is registered under: the one the
// requester quotes ("Código do serviço: SIS-DEFEITO" in the text, or
// "[SUP-TEC] ..." in the subject; domain/service_code.hpp) when it is an
// active public service, else DeskConfig::mail_service_code. Reads the
// services table only, never the tickets.
#include <string>

#include "mail/inbound_message.hpp"
#include "store/database.hpp"

namespace guiche::app {

struct MailService {
  std::string code;
  // pt-BR, for the intake's record: which code was taken, or why a quoted
  // one was not ("" when the message quotes none).
  std::string detail;
  bool quote_set_aside = false;  // a quoted code was not used: worth a note for triage
};

MailService mail_service(store::Connection& c, const mail::InboundMessage& m,
                         const std::string& default_code);

}  // namespace guiche::app
