#pragma once
// The placeholders of answer and solution templates filled from a ticket
// (domain/answer_template.hpp lists them): the requester's name, the
// protocol, the service, the deadline in force, the agent's name and the
// subject. The text comes out verbatim; the page that shows it escapes it.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "app/desk_config.hpp"
#include "domain/person.hpp"
#include "domain/ticket.hpp"
#include "store/database.hpp"

namespace guiche::app {

nlohmann::json answer_values(store::Connection& c, const DeskConfig& config, const Ticket& ticket,
                             const Person& agent);
// `body` with `values` filled in (mustache, through mail/templates.hpp).
std::string fill_answer(const std::string& body, const nlohmann::json& values);
// Why `body` cannot be a template (a bad mustache text, or a placeholder not
// in the list), pt-BR, or nullopt when it can.
std::optional<std::string> answer_body_error(const std::string& body);

}  // namespace guiche::app
