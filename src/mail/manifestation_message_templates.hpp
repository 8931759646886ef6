#pragma once
// The shipped texts of what the ouvidoria tells the author of a manifestação
// who chose to be answered by e-mail (app/manifestations/manifestations.hpp):
// the receipt with its protocol and follow-up code, the request for a
// complement, the extension with its reason, the answer; and the ouvidoria's
// deadline warnings. Plain text like the
// status notices' messages (mail/status_message_templates.hpp), and no
// ticket signature: a manifestação is not answered by replying to the e-mail.
#include <map>
#include <string>

#include "mail/status_message_templates.hpp"

namespace guiche::mail {

const std::map<std::string, StatusMessageDefault>& manifestation_message_defaults();

}  // namespace guiche::mail
