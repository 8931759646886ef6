#pragma once
// What a person wrote in a reply, without the earlier messages their client
// quoted below it: "> " quoted lines and the attribution line introducing
// them ("Em seg., 3 de mar. de 2026 ... escreveu:", "On ... wrote:"),
// Outlook's "-----Mensagem original-----" and "De: ... Enviado: ..." header
// blocks with everything after them, a "-- " signature and phone footers
// ("Enviado do meu iPhone"). Forwarded messages keep Outlook's header blocks:
// there the earlier message is the point.
#include <string>
#include <string_view>

namespace guiche::mail {

// `text` with '\n' line ends. Returns the whole text when trimming would
// leave nothing (a message made only of a quote is still read in full).
std::string trim_quotes(std::string_view text, bool is_forward);

// "Fwd:", "Fw:", "ENC:", "Encaminhada:" subjects.
bool is_forward_subject(std::string_view subject);

}  // namespace guiche::mail
