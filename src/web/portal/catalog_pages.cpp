// The service catalog (/servicos, searchable by name, code, popular names and
// description, ranked, with suggestions when nothing matches; a search that
// is a service's code as people type it, "sup tec" for SUP-TEC, lists that
// service first, marked: domain/service_search.hpp; a person's own services
// first, the others saying who may use them) and a
// service's request form (/servicos/{code}/solicitar), after the service's
// open incidents, if any ("already known: follow it here").
#include <algorithm>

#include "app/attachments/attachments.hpp"
#include "app/directory/directory.hpp"
#include "app/incidents/notice_tickets.hpp"
#include "app/intake/intake.hpp"
#include "app/knowledge/knowledge_base.hpp"
#include "domain/service_search.hpp"
#include "web/knowledge/knowledge_view.hpp"
#include "web/page.hpp"
#include "web/page_routes.hpp"
#include "web/request_view.hpp"
#include "web/service_form.hpp"

namespace guiche::web {
namespace {

nlohmann::json service_item(const Service& s, bool exact) {
  return {{"codigo", s.code},
          {"nome", s.name},
          {"descricao", s.description},
          {"exato", exact},
          {"url", "/servicos/" + url_encode(s.code) + "/solicitar"}};
}

http::Response catalog(WebContext& ctx, const http::Request& r) {
  const auto v = require_visitor(ctx, r);
  const auto q = r.query_value("q").value_or("");
  auto services = ctx.desk.directory().services(v.actor);
  std::erase_if(services, [](const Service& s) { return !s.active; });
  // The person's own services are the list; the others, found too, go
  // below, each saying who may use it (a request still reaches client
  // relations, which decides: docs/domain.md).
  const auto audience = ctx.desk.directory().audience_of(v.actor, services);
  nlohmann::json items = nlohmann::json::array();
  nlohmann::json others = nlohmann::json::array();
  for (const auto& hit : search_services(services, q)) {
    const auto& s = services[hit.index];
    if (audience[hit.index].admitted) {
      items.push_back(service_item(s, hit.exact));
    } else {
      auto item = service_item(s, hit.exact);
      item["quem"] =
          s.who_may_use.empty() ? text(ctx, "portal.servicos.outro_publico") : s.who_may_use;
      others.push_back(item);
    }
  }
  // Nothing found: services close to the words typed, not a dead end.
  nlohmann::json suggestions = nlohmann::json::array();
  if (items.empty() && others.empty() && !q.empty()) {
    for (const auto& hit : suggest_services(services, q)) {
      if (audience[hit.index].admitted)
        suggestions.push_back(service_item(services[hit.index], false));
    }
  }
  // And knowledge articles that may answer it (app/knowledge/knowledge_base.hpp).
  nlohmann::json articles = nlohmann::json::array();
  if (items.empty() && others.empty() && !q.empty()) {
    for (const auto& a : ctx.desk.knowledge().suggestions(q))
      articles.push_back(article_item(ctx, a));
  }
  nlohmann::json view = {{"q", q},
                         {"artigos", articles},
                         {"tem_artigos", !articles.empty()},
                         {"buscou", !q.empty()},
                         {"servicos", items},
                         {"total", items.size()},
                         {"nenhum", items.empty()},
                         {"um", items.size() == 1},
                         {"outros", others},
                         {"tem_outros", !others.empty()},
                         {"sugestoes", suggestions},
                         {"tem_sugestoes", !suggestions.empty()}};
  return page(ctx, v, 200, "servicos", "portal.servicos.titulo", view);
}

// The categories the requester may choose, each with what it is for and its
// deadline; the texts are the domain's guidance, per language.
nlohmann::json categories_view(WebContext& ctx, const Visitor& v, const std::string& chosen) {
  nlohmann::json out = nlohmann::json::array();
  for (auto c : ctx.desk.directory().categories(v.actor)) {
    const std::string code(category_code(c));
    const auto key = "portal.categorias." + code;
    nlohmann::json item = {{"codigo", code},
                           {"rotulo", text(ctx, key + ".rotulo")},
                           {"orientacao", text(ctx, key + ".orientacao")},
                           {"marcada", code == chosen}};
    // The federal categories state their deadline in the guidance itself.
    if (c == Category::service_request || c == Category::incident)
      item["prazo"] = text(ctx, "portal.solicitar.prazo_gravidade");
    if (c == Category::project) item["prazo"] = text(ctx, "portal.solicitar.prazo_projeto");
    out.push_back(item);
  }
  return out;
}

http::Response form_page(WebContext& ctx, const Visitor& v, const Service& s, const Form& sent,
                         const std::map<std::string, std::string>& errors, int status) {
  nlohmann::json fields = nlohmann::json::array();
  for (const auto& f : s.form) fields.push_back(field_view(f, sent, errors));
  // The summary lists the errors in the order of the form's inputs.
  std::vector<std::string> order = {"_geral", "assunto", "categoria", "descricao"};
  for (const auto& f : s.form) order.push_back(field_input_id(f));
  order.push_back("anexos");
  const auto summary = error_summary(order, errors);
  auto error_of = [&](const std::string& id) {
    auto it = errors.find(id);
    return it == errors.end() ? nlohmann::json(false) : nlohmann::json(it->second);
  };
  // "Already known": the service's open incidents, before the form, which
  // stays usable (app/incidents/notice_tickets.hpp).
  nlohmann::json known = nlohmann::json::array();
  for (const auto& n : ctx.desk.notice_tickets().known_incidents(v.actor.person, s.id)) {
    known.push_back({{"titulo", n.title}, {"url", "/status/comunicados/" + std::to_string(n.id)}});
  }
  auto key = sent.value("chave");
  auto chosen = sent.value("categoria");
  if (chosen.empty()) chosen = std::string(category_code(s.default_category));
  nlohmann::json view = {
      {"servico", {{"codigo", s.code}, {"nome", s.name}, {"descricao", s.description}}},
      {"acao", "/servicos/" + url_encode(s.code) + "/solicitar"},
      {"assunto", sent.value("assunto")},
      {"descricao", sent.value("descricao")},
      {"erro_assunto", error_of("assunto")},
      {"erro_descricao", error_of("descricao")},
      {"erro_categoria", error_of("categoria")},
      {"categorias", categories_view(ctx, v, chosen)},
      {"zona", attachment_zone(ctx, "anexos", text(ctx, "portal.solicitar.anexos"),
                               errors.count("anexos") ? errors.at("anexos") : "")},
      {"campos", fields},
      {"erros", summary},
      {"tem_erros", !errors.empty()},
      {"conhecidos", known},
      {"tem_conhecidos", !known.empty()},
      {"chave", key.empty() ? random_token() : key}};
  return page(ctx, v, status, "solicitar", text(ctx, "portal.solicitar.titulo") + " " + s.name,
              view);
}

http::Response send_request(WebContext& ctx, const http::Request& r) {
  const auto v = require_visitor(ctx, r);
  const auto service = ctx.desk.directory().service_by_code(v.actor, r.params.at("code"));
  const Form form = read_form(r);
  check_csrf(v, form);
  app::RegisterRequest request;
  request.requester_id = v.actor.id();
  request.service_code = service.code;
  request.subject = form.value("assunto");
  request.description = form.value("descricao");
  std::map<std::string, std::string> rename = {
      {"subject", "assunto"}, {"description", "descricao"}, {"category", "categoria"}};
  const auto category_code_sent = form.value("categoria");
  read_field_answers(service, form, request.form_answers, rename);
  if (!form.value("chave").empty()) request.idempotency_key = form.value("chave");
  Ticket ticket;
  try {
    // As the API answers an unknown category code (a form edited by hand).
    if (!category_code_sent.empty()) {
      request.category = parse_category(category_code_sent);
      if (!request.category) throw invalid_field("category", "Categoria desconhecida.");
    }
    ticket = ctx.desk.intake().register_request(v.actor, request);
  } catch (const DomainError& e) {
    if (e.kind() != DomainError::Kind::validation) throw;
    auto errors = form_field_errors(e, rename, service, form);
    // A browser cannot be given the chosen files back: the page names them
    // and asks for them again, next to the input and in the summary — unless
    // the form came by web/static/formulario_anexos.js, which keeps the same
    // input, files and all, in the page of errors.
    if (!form.files.empty() && !r.header("x-anexos-mantidos")) {
      std::string names;
      for (const auto& part : form.files) names += (names.empty() ? "" : ", ") + *part.filename;
      auto again = text(ctx, "portal.solicitar.anexos_de_novo");
      if (auto at = again.find("{arquivos}"); at != std::string::npos) again.replace(at, 10, names);
      errors["anexos"] = again;
    }
    return form_page(ctx, v, service, form, errors, 422);
  }
  std::string after = "/chamados/" + url_encode(ticket.protocol) + "/registrado";
  if (!form.files.empty()) {
    std::vector<app::NewAttachment> files;
    for (const auto& part : form.files) files.push_back({*part.filename, part.bytes});
    // The request is registered whatever happens to its files: nothing is
    // lost, and the confirmation says the files must be sent again.
    try {
      ctx.desk.attachments().attach_all(v.actor, ticket.id, files);
    } catch (const DomainError&) {
      after += "?anexos=recusados";
    }
  }
  return see_other(after);
}

}  // namespace

void add_catalog_pages(WebContext& ctx, std::vector<http::Route>& routes) {
  routes.push_back({"GET", "/servicos", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return catalog(ctx, r); });
                    }});
  routes.push_back({"GET", "/servicos/:code/solicitar", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] {
                        const auto v = require_visitor(ctx, r);
                        const auto s =
                            ctx.desk.directory().service_by_code(v.actor, r.params.at("code"));
                        return form_page(ctx, v, s, Form{}, {}, 200);
                      });
                    }});
  routes.push_back({"POST", "/servicos/:code/solicitar", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return send_request(ctx, r); });
                    }});
}

}  // namespace guiche::web
