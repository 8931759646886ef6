#pragma once
// Checks on free text people type into tickets.
#include <string>

namespace guiche::app {

// Trims and checks: not blank, at most max_bytes, valid UTF-8 without control
// characters. Throws DomainError(validation) naming `field` with `label` in pt-BR.
// `label` starts with its article ("A descrição", "O assunto"): the messages
// agree with it ("A descrição é obrigatória").
std::string required_text(const std::string& value, const std::string& field,
                          const std::string& label, std::size_t max_bytes);

// "<label> é obrigatório." or "… obrigatória." as the label's article asks.
std::string required_message(const std::string& label);

}  // namespace guiche::app
