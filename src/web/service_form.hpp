#pragma once
// A service's typed form fields in a page: the requester's own form and the
// attendant's phone registration show and read them the same way (inputs
// named "campo-<key>", rendered by _campo.mustache).
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "domain/service.hpp"
#include "web/page.hpp"

namespace guiche::web {

// One field's view: label, value sent back, options, its error if any.
nlohmann::json field_view(const FormField& f, const Form& sent,
                          const std::map<std::string, std::string>& errors);

// The answers filled in (empty inputs left out) into `answers`, and each
// field's input name into `rename` so the desk's field errors find them.
// Dates are typed dd/mm/aaaa (or AAAA-MM-DD).
void read_field_answers(const Service& s, const Form& form, nlohmann::json& answers,
                        std::map<std::string, std::string>& rename);

// The desk's refusal as errors next to the page's inputs (see field_errors);
// a date that is no day asks for the format the page uses.
std::map<std::string, std::string> form_field_errors(
    const DomainError& e, const std::map<std::string, std::string>& rename, const Service& s,
    const Form& form);

// The input name of a service's field ("campo-<key>").
std::string field_input_id(const FormField& f);

// The errors for the summary above a form, in `order` (the inputs' ids as
// the form shows them; errors of other ids follow), each linking its input.
nlohmann::json error_summary(const std::vector<std::string>& order,
                             const std::map<std::string, std::string>& errors);

// A stored answer as the form shows it (dates as dd/mm/aaaa).
std::string answer_for_display(const FormField& f, const std::string& answer);

}  // namespace guiche::web
