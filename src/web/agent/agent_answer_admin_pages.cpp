// Keeping answer templates, solution templates and macros (issue 19, item 2):
// /atendimento/respostas lists what the visitor keeps (admins: all, shared
// ones included; unit managers: their units' and those below), with the
// forms to create and change each (/atendimento/respostas/nova, /{id};
// /atendimento/macros/nova, /{id}). The use cases (app/answers/) decide who
// keeps what; these pages only ask. Under the workspace, not /admin, since
// unit managers keep them too.
#include "app/answers/answer_scope.hpp"
#include "app/answers/answer_templates.hpp"
#include "app/answers/macros.hpp"
#include "app/directory/directory.hpp"
#include "web/admin/admin_page.hpp"
#include "web/agent/agent_answers_view.hpp"
#include "web/page_routes.hpp"

namespace guiche::web {
namespace {

const std::map<std::string, std::string> kTemplateFormFields = {
    {"title", "titulo"}, {"body", "texto"}, {"unit", "unidade"}, {"kind", "tipo"}};
const std::map<std::string, std::string> kMacroFormFields = {{"name", "nome"},
                                                             {"unit", "unidade"},
                                                             {"reply_template", "resposta"},
                                                             {"status", "situacao"},
                                                             {"solution_template", "solucao"},
                                                             {"minutes", "minutos"},
                                                             {"route_unit", "encaminhar"},
                                                             {"steps", "resposta"}};

Visitor require_keeper(WebContext& ctx, const http::Request& r) {
  auto v = require_agent(ctx, r);
  if (!app::keeps_any_answers(v.actor.person)) {
    throw forbidden("Somente administradores e gerentes de unidade mantêm respostas padrão.");
  }
  return v;
}

std::string rt(WebContext& ctx, const std::string& key) {
  return text(ctx, "respostas." + key);
}

std::optional<std::int64_t> answer_form_id(const std::string& s) {
  if (s.empty() || s.size() > 15 || s.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  return std::stoll(s);
}

std::string answer_id_text(const std::optional<std::int64_t>& id) {
  return id ? std::to_string(*id) : "";
}

// The units the visitor keeps answers for; "" (shared) first for admins.
std::vector<std::pair<std::string, std::string>> unit_options(WebContext& ctx, const Visitor& v) {
  std::vector<std::pair<std::string, std::string>> out;
  const auto units = ctx.desk.directory().units(v.actor);
  if (app::may_keep_answers(v.actor.person, std::nullopt, units)) {
    out.emplace_back("", rt(ctx, "compartilhada"));
  }
  for (const auto& u : units) {
    if (app::may_keep_answers(v.actor.person, u.id, units)) {
      out.emplace_back(std::to_string(u.id), u.code + " — " + u.name);
    }
  }
  return out;
}

std::string answer_unit_label(WebContext& ctx, const Visitor& v, std::optional<std::int64_t> unit) {
  if (!unit) return rt(ctx, "compartilhada");
  for (const auto& u : ctx.desk.directory().units(v.actor)) {
    if (u.id == *unit) return u.code;
  }
  return "#" + std::to_string(*unit);
}

http::Response answers_list_page(WebContext& ctx, const http::Request& r) {
  const auto v = require_keeper(ctx, r);
  nlohmann::json templates = nlohmann::json::array();
  for (const auto& t : ctx.desk.answer_templates().kept(v.actor)) {
    templates.push_back({{"titulo", t.title},
                         {"link", "/atendimento/respostas/" + std::to_string(t.id)},
                         {"tipo", rt(ctx, "tipo_" + std::string(template_kind_code(t.kind)))},
                         {"unidade", answer_unit_label(ctx, v, t.unit_id)},
                         {"situacao", rt(ctx, t.active ? "situacao_ativa" : "situacao_inativa")}});
  }
  nlohmann::json macros = nlohmann::json::array();
  for (const auto& m : ctx.desk.macros().kept(v.actor)) {
    macros.push_back({{"nome", m.name},
                      {"link", "/atendimento/macros/" + std::to_string(m.id)},
                      {"passos", macro_steps_text(ctx, v, m)},
                      {"unidade", answer_unit_label(ctx, v, m.unit_id)},
                      {"situacao", rt(ctx, m.active ? "situacao_ativa" : "situacao_inativa")}});
  }
  return admin_page(ctx, v, r, 200, "respostas_padrao", "respostas.admin_titulo",
                    {{"modelos", templates},
                     {"sem_modelos", templates.empty()},
                     {"macros", macros},
                     {"sem_macros", macros.empty()}});
}

http::Response template_form(WebContext& ctx, const Visitor& v, const http::Request& r,
                             const AnswerTemplate& t, const Errors& e, int status) {
  nlohmann::json fields = nlohmann::json::array(
      {select_input("tipo", rt(ctx, "tipo"), std::string(template_kind_code(t.kind)),
                    {{"answer", rt(ctx, "tipo_answer")}, {"solution", rt(ctx, "tipo_solution")}}, e,
                    true),
       select_input("unidade", rt(ctx, "unidade"), answer_id_text(t.unit_id), unit_options(ctx, v),
                    e),
       text_input("titulo", rt(ctx, "titulo"), t.title, e, "text", true),
       with_hint(text_area("texto", rt(ctx, "texto"), t.body, e, true), rt(ctx, "campos_ajuda")),
       check_input("ativa", rt(ctx, "ativa"), t.active, e)});
  const bool is_new = t.id == 0;
  return admin_page(ctx, v, r, status, "resposta_padrao",
                    is_new ? "respostas.novo_modelo" : "respostas.editar_modelo",
                    {{"campos", fields},
                     {"acao", is_new ? "/atendimento/respostas/nova"
                                     : "/atendimento/respostas/" + std::to_string(t.id)},
                     {"titulo_pagina", rt(ctx, is_new ? "novo_modelo" : "editar_modelo")},
                     {"erros", error_summary(e)}});
}

AnswerTemplate template_from_form(const Form& f, std::int64_t id) {
  AnswerTemplate t;
  t.id = id;
  t.kind = parse_template_kind(f.value("tipo")).value_or(TemplateKind::answer);
  t.unit_id = answer_form_id(f.value("unidade"));
  t.title = f.value("titulo");
  t.body = f.value("texto");
  t.active = checked(f, "ativa");
  return t;
}

http::Response save_template(WebContext& ctx, const http::Request& r, std::int64_t id) {
  const auto v = require_keeper(ctx, r);
  const Form form = read_form(r);
  check_csrf(v, form);
  const auto t = template_from_form(form, id);
  try {
    ctx.desk.answer_templates().save(v.actor, t);
    return see_other("/atendimento/respostas?salvo=1");
  } catch (const DomainError& e) {
    if (e.kind() != DomainError::Kind::validation) throw;
    return template_form(ctx, v, r, t, field_errors(e, kTemplateFormFields), 422);
  }
}

std::vector<std::pair<std::string, std::string>> template_options(WebContext& ctx, const Visitor& v,
                                                                  TemplateKind kind) {
  std::vector<std::pair<std::string, std::string>> out = {{"", rt(ctx, "nenhuma")}};
  for (const auto& t : ctx.desk.answer_templates().offered(v.actor, kind, "", 500)) {
    out.emplace_back(std::to_string(t.id),
                     t.title + " (" + answer_unit_label(ctx, v, t.unit_id) + ")");
  }
  return out;
}

http::Response macro_form(WebContext& ctx, const Visitor& v, const http::Request& r,
                          const TicketMacro& m, const Errors& e, int status) {
  std::vector<std::pair<std::string, std::string>> statuses = {{"", rt(ctx, "nenhuma")}};
  for (auto s : {Status::in_progress, Status::pending_third_party, Status::resolved}) {
    statuses.emplace_back(std::string(status_code(s)), status_text(ctx, s));
  }
  std::vector<std::pair<std::string, std::string>> routes = {{"", rt(ctx, "nenhuma")}};
  for (const auto& u : ctx.desk.directory().units(v.actor)) {
    if (u.active) routes.emplace_back(std::to_string(u.id), u.code + " — " + u.name);
  }
  nlohmann::json fields = nlohmann::json::array(
      {text_input("nome", rt(ctx, "nome"), m.name, e, "text", true),
       select_input("unidade", rt(ctx, "unidade"), answer_id_text(m.unit_id), unit_options(ctx, v),
                    e),
       select_input("resposta", rt(ctx, "macro_resposta"), answer_id_text(m.reply_template_id),
                    template_options(ctx, v, TemplateKind::answer), e),
       text_input("minutos", rt(ctx, "macro_minutos"), m.minutes ? std::to_string(*m.minutes) : "",
                  e),
       select_input("situacao", rt(ctx, "macro_situacao"),
                    m.set_status ? std::string(status_code(*m.set_status)) : "", statuses, e),
       select_input("solucao", rt(ctx, "macro_solucao"), answer_id_text(m.solution_template_id),
                    template_options(ctx, v, TemplateKind::solution), e),
       select_input("encaminhar", rt(ctx, "macro_encaminhar"), answer_id_text(m.route_unit_id),
                    routes, e),
       check_input("ativa", rt(ctx, "ativa"), m.active, e)});
  const bool is_new = m.id == 0;
  return admin_page(ctx, v, r, status, "resposta_padrao",
                    is_new ? "respostas.nova_macro" : "respostas.editar_macro",
                    {{"campos", fields},
                     {"acao", is_new ? "/atendimento/macros/nova"
                                     : "/atendimento/macros/" + std::to_string(m.id)},
                     {"titulo_pagina", rt(ctx, is_new ? "nova_macro" : "editar_macro")},
                     {"erros", error_summary(e)}});
}

http::Response save_macro(WebContext& ctx, const http::Request& r, std::int64_t id) {
  const auto v = require_keeper(ctx, r);
  const Form form = read_form(r);
  check_csrf(v, form);
  TicketMacro m;
  m.id = id;
  m.name = form.value("nome");
  m.unit_id = answer_form_id(form.value("unidade"));
  m.reply_template_id = answer_form_id(form.value("resposta"));
  m.solution_template_id = answer_form_id(form.value("solucao"));
  m.route_unit_id = answer_form_id(form.value("encaminhar"));
  if (!form.value("situacao").empty()) m.set_status = parse_status(form.value("situacao"));
  m.active = checked(form, "ativa");
  Errors typed;
  if (!form.value("minutos").empty()) {
    const auto minutes = answer_form_id(form.value("minutos"));
    if (!minutes || *minutes > 100000) {
      typed["minutos"] = "Informe o tempo em minutos (1 a 100000).";
    } else {
      m.minutes = static_cast<int>(*minutes);
    }
  }
  if (!typed.empty()) return macro_form(ctx, v, r, m, typed, 422);
  try {
    ctx.desk.macros().save(v.actor, m);
    return see_other("/atendimento/respostas?salvo=1");
  } catch (const DomainError& e) {
    if (e.kind() != DomainError::Kind::validation) throw;
    return macro_form(ctx, v, r, m, field_errors(e, kMacroFormFields), 422);
  }
}

}  // namespace

void add_answer_admin_pages(WebContext& ctx, std::vector<http::Route>& routes) {
  add_admin_route(ctx, routes, "GET", "/atendimento/respostas",
                  [&ctx](const http::Request& r) { return answers_list_page(ctx, r); });
  add_admin_route(ctx, routes, "GET", "/atendimento/respostas/nova",
                  [&ctx](const http::Request& r) {
                    const auto v = require_keeper(ctx, r);
                    AnswerTemplate t;
                    const auto units = unit_options(ctx, v);
                    if (!units.empty() && !units.front().first.empty())
                      t.unit_id = answer_form_id(units.front().first);
                    return template_form(ctx, v, r, t, {}, 200);
                  });
  add_admin_route(ctx, routes, "POST", "/atendimento/respostas/nova",
                  [&ctx](const http::Request& r) { return save_template(ctx, r, 0); });
  add_admin_route(ctx, routes, "GET", "/atendimento/respostas/:id", [&ctx](const http::Request& r) {
    const auto v = require_keeper(ctx, r);
    return template_form(ctx, v, r, ctx.desk.answer_templates().get(v.actor, number_param(r, "id")),
                         {}, 200);
  });
  add_admin_route(
      ctx, routes, "POST", "/atendimento/respostas/:id",
      [&ctx](const http::Request& r) { return save_template(ctx, r, number_param(r, "id")); });
  add_admin_route(ctx, routes, "GET", "/atendimento/macros/nova", [&ctx](const http::Request& r) {
    const auto v = require_keeper(ctx, r);
    TicketMacro m;
    const auto units = unit_options(ctx, v);
    if (!units.empty() && !units.front().first.empty())
      m.unit_id = answer_form_id(units.front().first);
    return macro_form(ctx, v, r, m, {}, 200);
  });
  add_admin_route(ctx, routes, "POST", "/atendimento/macros/nova",
                  [&ctx](const http::Request& r) { return save_macro(ctx, r, 0); });
  add_admin_route(ctx, routes, "GET", "/atendimento/macros/:id", [&ctx](const http::Request& r) {
    const auto v = require_keeper(ctx, r);
    return macro_form(ctx, v, r, ctx.desk.macros().get(v.actor, number_param(r, "id")), {}, 200);
  });
  add_admin_route(ctx, routes, "POST", "/atendimento/macros/:id", [&ctx](const http::Request& r) {
    return save_macro(ctx, r, number_param(r, "id"));
  });
}

}  // namespace guiche::web
