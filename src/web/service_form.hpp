#pragma once
// A service's typed form fields in a page: the requester's own form and the
// attendant's phone registration show and read them the same way (inputs
// named "campo-<key>", rendered by _campo.mustache).
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "domain/service.hpp"
#include "web/page.hpp"

namespace guiche::web {

// One field's view: label, value sent back, options, its error if any.
nlohmann::json field_view(const FormField& f, const Form& sent,
                          const std::map<std::string, std::string>& errors);

// The answers filled in (empty inputs left out) into `answers`, and each
// field's input name into `rename` so the desk's field errors find them.
void read_field_answers(const Service& s, const Form& form, nlohmann::json& answers,
                        std::map<std::string, std::string>& rename);

}  // namespace guiche::web
