#pragma once
// How a field of a service's form is asked on WhatsApp, and how the person's answer (typed or
// tapped) becomes the field's value in the form answers (domain/service.hpp,
// validate_form_answers): text as text, a choice as the option's text, a date typed dd/mm/aaaa
// as "AAAA-MM-DD", a number as a number, yes/no as true/false.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "domain/chatbot/bot_message.hpp"
#include "domain/service.hpp"
#include "domain/time.hpp"

namespace guiche::chatbot {

struct FieldReply {
  // The value; null when an optional field was skipped. Empty when the answer does not do.
  std::optional<nlohmann::json> value;
  std::string problem;  // pt-BR, when there is no value: what to fix
};

// The question for `field` (number-th of total), opening with `lead` when not empty. Choices go
// as buttons (up to 3, short), a list (up to 10) or numbered text; yes/no as buttons; an
// optional field offers "Pular".
BotMessage field_question(const FormField& field, int number, int total, std::string_view lead,
                          Date today);

// Reads a typed answer. `today` is the example given for dates and what "hoje" means.
FieldReply read_typed_answer(const FormField& field, std::string_view text, Date today);
// Reads a tapped option of field_question (ids "campo:…"); nullopt when the id is not one.
std::optional<FieldReply> read_tapped_answer(const FormField& field, std::string_view id);

// The value as the person reads it in the summary ("Sim", "06/04/2026", "2,5").
std::string display_value(const FormField& field, const nlohmann::json& value);
std::string format_br_date(Date d);  // "06/04/2026"

}  // namespace guiche::chatbot
