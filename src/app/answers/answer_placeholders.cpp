#include "app/answers/answer_placeholders.hpp"

#include <date/tz.h>

#include "domain/answer_template.hpp"
#include "mail/templates.hpp"
#include "store/person_rows.hpp"
#include "store/service_rows.hpp"
#include "store/sla_rows.hpp"

namespace guiche::app {
namespace {

std::string local_deadline(const DeskConfig& config, Instant t) {
  return date::format(
      "%d/%m/%Y às %H:%M",
      date::make_zoned(config.time_zone, std::chrono::floor<std::chrono::minutes>(t)));
}

}  // namespace

nlohmann::json answer_values(store::Connection& c, const DeskConfig& config, const Ticket& ticket,
                             const Person& agent) {
  nlohmann::json v{{"protocolo", ticket.protocol},
                   {"assunto", ticket.subject},
                   {"atendente", agent.name},
                   {"solicitante", ""},
                   {"servico", ""},
                   {"prazo", "a combinar"}};
  if (auto requester = store::load_person(c, ticket.requester_id))
    v["solicitante"] = requester->name;
  if (auto service = store::load_service(c, ticket.service_id)) v["servico"] = service->name;
  // The deadline in force: the one agreed for a project, else the SLA
  // resolution clock's (what the queues and the requester's page show).
  if (ticket.agreed_deadline) {
    v["prazo"] = local_deadline(config, *ticket.agreed_deadline);
  } else {
    for (const auto& row : store::load_ticket_sla(c, ticket.id)) {
      if (row.target == "resolution") v["prazo"] = local_deadline(config, row.deadline);
    }
  }
  return v;
}

std::string fill_answer(const std::string& body, const nlohmann::json& values) {
  mail::Template t;
  t.key = "answer";
  t.text = body;
  return mail::render(t, values).text;
}

std::optional<std::string> answer_body_error(const std::string& body) {
  if (auto error = mail::template_error(body)) {
    return "O texto tem um campo mal escrito (" + *error + ").";
  }
  // Every placeholder the list knows, filled: what stays unfilled is unknown.
  nlohmann::json all = nlohmann::json::object();
  for (const auto& name : answer_placeholders()) all[name] = "x";
  mail::Template t;
  t.text = body;
  const auto unknown = mail::unfilled_placeholders(t, all);
  if (!unknown.empty()) {
    return "O texto usa um campo desconhecido: {{" + unknown.front() +
           "}}. Os campos são: solicitante, protocolo, servico, prazo, atendente, assunto.";
  }
  return std::nullopt;
}

}  // namespace guiche::app
