// Registering a request by phone on behalf of a requester
// (/atendimento/registrar): find the person (name, e-mail or CPF; htmx live
// search with a plain GET behind it), or register them quickly; pick the
// service (from the list, or by the code the caller quotes, typed as heard:
// "sup tec" is SUP-TEC, domain/service_code.hpp), fill its form and register
// with channel phone. A requester
// outside the service's audience is still registered, and the confirmation
// says it went to client relations (docs/domain.md).
#include "app/accounts/accounts.hpp"
#include "app/directory/directory.hpp"
#include "app/intake/intake.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "domain/identity.hpp"
#include "domain/service_code.hpp"
#include "web/access_reads.hpp"
#include "web/agent/agent_common.hpp"
#include "web/page_routes.hpp"
#include "web/service_form.hpp"

namespace guiche::web {
namespace {

Visitor require_attendant(WebContext& ctx, const http::Request& r) {
  auto v = require_agent(ctx, r);
  if (!v.actor.person.has_role(Role::attendant))
    throw forbidden(text(ctx, "agente.somente_central"));
  return v;
}

nlohmann::json person_view(WebContext& ctx, const Visitor& v, const Person& p) {
  std::string organization;
  if (p.organization_id) {
    try {
      organization = ctx.desk.directory().organization(v.actor, *p.organization_id).acronym;
    } catch (const DomainError&) {
    }
  }
  return {{"id", std::to_string(p.id)},
          {"nome", p.name},
          {"email", p.emails.empty() ? "" : p.emails.front()},
          // Masked: the attendant confirms a CPF the caller reads out, never reads it to them.
          {"cpf", p.cpf ? masked_cpf(*p.cpf) : ""},
          {"orgao", organization},
          {"tem_cpf", p.cpf.has_value()},
          {"tem_orgao", !organization.empty()},
          {"url", "/atendimento/registrar?pessoa=" + std::to_string(p.id)}};
}

// The search results (also the htmx fragment).
nlohmann::json search_view(WebContext& ctx, const Visitor& v, const std::string& q) {
  nlohmann::json view = {{"q", q}, {"buscou", !q.empty()}};
  if (q.empty()) return view;
  nlohmann::json found = nlohmann::json::array();
  try {
    std::vector<std::int64_t> listed;
    for (const auto& p : ctx.desk.directory().find_people(v.actor, q)) {
      if (!p.active) continue;
      found.push_back(person_view(ctx, v, p));
      listed.push_back(p.id);
    }
    note_page_people_read(ctx, v, listed);
  } catch (const DomainError& e) {
    if (e.kind() != DomainError::Kind::validation) throw;
    view["erro_q"] = e.what();
    return view;
  }
  view["pessoas"] = found;
  view["nenhuma"] = found.empty();
  view["tem_pessoas"] = !found.empty();
  return view;
}

http::Response registration_page(WebContext& ctx, const Visitor& v, const http::Request& r,
                                 const Form& sent, std::map<std::string, std::string> errors,
                                 int status) {
  const auto q = r.query_value("q").value_or("");
  nlohmann::json view = search_view(ctx, v, q);
  std::string person_id = r.query_value("pessoa").value_or(sent.value("pessoa"));
  std::string service_code = r.query_value("servico").value_or(sent.value("servico"));
  std::optional<Person> person;
  if (!person_id.empty()) {
    try {
      person = ctx.desk.directory().person(v.actor, std::stoll(person_id));
      note_page_read(ctx, v, person->id, "person", person->id);
    } catch (const std::exception&) {
      errors["q"] = text(ctx, "agente.pessoa_nao_encontrada");
    }
  }
  auto catalog = ctx.desk.directory().services(v.actor);
  std::erase_if(catalog, [](const Service& s) { return !s.active; });
  // The code the caller quoted, typed by the attendant, wins over the list.
  const std::string typed = r.query_value("codigo").value_or("");
  if (person && typed.find_first_not_of(" \t") != std::string::npos) {
    std::vector<std::string> codes;
    for (const auto& s : catalog) codes.push_back(s.code);
    if (auto code = typed_service_code(typed, codes)) {
      service_code = *code;
    } else {
      errors["codigo"] = text(ctx, "agente.codigo_desconhecido") + " “" + typed + "”. " +
                         text(ctx, "agente.codigo_desconhecido_dica");
      view["codigo_digitado"] = typed;
      service_code.clear();
      if (status == 200) status = 422;
    }
  }
  nlohmann::json services = nlohmann::json::array();
  std::optional<Service> service;
  for (const auto& s : catalog) {
    if (s.code == service_code) service = s;
    services.push_back({{"codigo", s.code},
                        {"nome", s.code + " — " + s.name},
                        {"marcado", s.code == service_code}});
  }
  if (person) {
    view["pessoa"] = person_view(ctx, v, *person);
    view["servicos"] = services;
  }
  if (person && service) {
    nlohmann::json fields = nlohmann::json::array();
    for (const auto& f : service->form) fields.push_back(field_view(f, sent, errors));
    view["formulario"] = {
        {"servico", service->code},
        {"servico_nome", service->name},
        {"assunto", sent.value("assunto")},
        {"descricao", sent.value("descricao")},
        {"campos", fields},
        {"chave", sent.value("chave").empty() ? random_token() : sent.value("chave")}};
  }
  nlohmann::json organizations = nlohmann::json::array();
  for (const auto& o : ctx.desk.directory().organizations(v.actor)) {
    organizations.push_back({{"id", std::to_string(o.id)},
                             {"nome", o.acronym + " — " + o.name},
                             {"marcado", sent.value("orgao") == std::to_string(o.id)}});
  }
  view["orgaos"] = organizations;
  view["nova"] = {{"nome", sent.value("nome")},
                  {"email", sent.value("email")},
                  {"telefone", sent.value("telefone")},
                  {"cpf", sent.value("cpf")}};
  nlohmann::json error_view = nlohmann::json::object();
  for (const auto& [field, message] : errors) error_view[field] = message;
  if (view.contains("erro_q")) error_view["q"] = view["erro_q"];
  view["erros"] = error_view;
  view["tem_erros"] = !errors.empty();
  return page(ctx, v, status, "agente_registrar", "agente.registrar_titulo", view);
}

http::Response create_person(WebContext& ctx, const http::Request& r) {
  const auto v = require_attendant(ctx, r);
  const Form form = read_form(r);
  check_csrf(v, form);
  app::NewPerson n;
  n.person.name = form.value("nome");
  if (!form.value("email").empty()) n.person.emails.push_back(form.value("email"));
  if (!form.value("telefone").empty()) n.person.phone = form.value("telefone");
  if (!form.value("cpf").empty()) n.person.cpf = form.value("cpf");
  if (!form.value("orgao").empty()) {
    try {
      n.person.organization_id = std::stoll(form.value("orgao"));
    } catch (const std::exception&) {
      throw invalid_field("organization", "Órgão desconhecido.");
    }
  }
  n.person.roles.push_back({Role::requester, std::nullopt});
  n.must_be_reachable = true;
  Person created;
  try {
    created = ctx.desk.directory().create_person(v.actor, n);
  } catch (const DomainError& e) {
    if (e.kind() != DomainError::Kind::validation && e.kind() != DomainError::Kind::conflict) throw;
    return registration_page(ctx, v, r, form,
                             field_errors(e, {{"name", "nome"},
                                              {"emails", "email"},
                                              {"phone", "telefone"},
                                              {"cpf", "cpf"},
                                              {"organization", "orgao"}}),
                             422);
  }
  return see_other("/atendimento/registrar?pessoa=" + std::to_string(created.id));
}

http::Response register_on_behalf(WebContext& ctx, const http::Request& r) {
  const auto v = require_attendant(ctx, r);
  const Form form = read_form(r);
  check_csrf(v, form);
  const auto service = ctx.desk.directory().service_by_code(v.actor, form.value("servico"));
  app::RegisterRequest request;
  try {
    request.requester_id = std::stoll(form.value("pessoa"));
  } catch (const std::exception&) {
    throw invalid_field("requester", text(ctx, "agente.pessoa_nao_encontrada"));
  }
  request.service_code = service.code;
  request.subject = form.value("assunto");
  request.description = form.value("descricao");
  std::map<std::string, std::string> rename = {{"subject", "assunto"},
                                               {"description", "descricao"}};
  read_field_answers(service, form, request.form_answers, rename);
  if (!form.value("chave").empty()) request.idempotency_key = form.value("chave");
  Ticket ticket;
  try {
    request.channel = Channel::phone;
    ticket = ctx.desk.intake().register_request(v.actor, request);
  } catch (const DomainError& e) {
    if (e.kind() != DomainError::Kind::validation) throw;
    return registration_page(ctx, v, r, form, form_field_errors(e, rename, service, form), 422);
  }
  return see_other("/atendimento/registrar/feito/" + url_encode(ticket.protocol));
}

http::Response registered(WebContext& ctx, const http::Request& r) {
  const auto v = require_attendant(ctx, r);
  const auto t = ctx.desk.tickets().ticket_by_protocol(v.actor, r.params.at("protocol"));
  const auto requester = ctx.desk.directory().person(v.actor, t.requester_id);
  nlohmann::json view = {{"protocolo", t.protocol},
                         {"url", agent_ticket_url(t.protocol)},
                         {"solicitante", requester.name},
                         {"relacionamento", !t.audience_admitted},
                         {"motivo", t.audience_reason},
                         {"prazo", t.estimated_deadline ? format_local(ctx, *t.estimated_deadline)
                                                        : text(ctx, "agente.a_combinar")}};
  return page(ctx, v, 200, "agente_registrado", "agente.registrado_titulo", view);
}

}  // namespace

void add_agent_phone_pages(WebContext& ctx, std::vector<http::Route>& routes) {
  routes.push_back({"GET", "/atendimento/registrar", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] {
                        const auto v = require_attendant(ctx, r);
                        return registration_page(ctx, v, r, Form{}, {}, 200);
                      });
                    }});
  // The search results alone, for htmx.
  routes.push_back({"GET", "/atendimento/registrar/busca", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] {
                        const auto v = require_attendant(ctx, r);
                        return fragment(ctx, v, 200, "_agente_pessoas",
                                        search_view(ctx, v, r.query_value("q").value_or("")));
                      });
                    }});
  routes.push_back({"POST", "/atendimento/registrar", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return register_on_behalf(ctx, r); });
                    }});
  routes.push_back({"POST", "/atendimento/registrar/pessoa", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return create_person(ctx, r); });
                    }});
  routes.push_back(
      {"GET", "/atendimento/registrar/feito/:protocol", [&ctx](const http::Request& r) {
         return guarded_page(ctx, r, [&] { return registered(ctx, r); });
       }});
}

}  // namespace guiche::web
