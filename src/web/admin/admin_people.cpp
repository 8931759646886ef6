// People and roles (/admin/pessoas): search, registration (with an optional
// initial password the person changes on first access) and editing, roles
// included, and the password reset. The Desk validates everything (CPF,
// e-mail, login, roles' units). A reset's temporary password goes by e-mail;
// only for a person without e-mail is it shown, once, in the answer to the
// admin's POST (never in a URL, a redirect or a log).
#include "app/accounts/accounts.hpp"
#include "app/directory/directory.hpp"
#include "app/personal_data/personal_data.hpp"
#include "web/access_reads.hpp"
#include "web/admin/admin_forms.hpp"
#include "web/admin/admin_page.hpp"
#include "web/page_routes.hpp"

namespace guiche::web {
namespace {

const std::map<std::string, std::string> kPersonFields = {{"name", "nome"},
                                                          {"login", "login"},
                                                          {"emails", "emails"},
                                                          {"phone", "telefone"},
                                                          {"cpf", "cpf"},
                                                          {"organization", "orgao"},
                                                          {"roles", "papel-0"},
                                                          {"password", "senha_inicial"},
                                                          {"notice_preference", "avisos"}};

std::optional<std::string> optional_text(const Form& f, const std::string& name) {
  auto v = f.value(name);
  return v.empty() ? std::nullopt : std::optional<std::string>(v);
}

// The form as posted over `base`: every field is replaced.
Person person_from(const Form& f, Person base) {
  base.name = f.value("nome");
  base.login = optional_text(f, "login");
  base.emails = split_lines(f.value("emails"));
  base.phone = optional_text(f, "telefone");
  base.cpf = optional_text(f, "cpf");
  const auto org = f.value("orgao");
  base.organization_id = org.empty() ? std::nullopt : std::optional<std::int64_t>(std::stoll(org));
  base.roles = role_rows_from(f.fields);
  base.notice_preference =
      parse_notice_preference(f.value("avisos")).value_or(NoticePreference::request_channel);
  if (base.id) base.active = checked(f, "ativo");
  return base;
}

// The exports and anonymizations of the person's data (LGPD): who, when, how.
nlohmann::json personal_data_requests_view(WebContext& ctx, const Visitor& v, std::int64_t id) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& q : ctx.desk.personal_data().requests(v.actor, id)) {
    std::string who = text(ctx, "admin.pessoas.lgpd_sistema");
    if (q.actor_id) who = ctx.desk.directory().person(v.actor, *q.actor_id).name;
    rows.push_back({{"quando", format_local(ctx, q.at)},
                    {"o_que", text(ctx, "admin.pessoas.lgpd_" + q.kind)},
                    {"quem", who},
                    {"canal", q.channel}});
  }
  return rows;
}

http::Response person_page(WebContext& ctx, const Visitor& v, const http::Request& r,
                           const std::optional<Person>& current, const Form* sent, const Errors& e,
                           nlohmann::json reset = nlohmann::json::object(), int status = 0) {
  Person p = current.value_or(Person{});
  if (current) note_page_read(ctx, v, current->id, "person", current->id);
  if (sent) p = person_from(*sent, p);
  const auto t = [&](const std::string& key) { return text(ctx, "admin.pessoas." + key); };
  std::vector<std::pair<std::string, std::string>> orgs = {{"", t("sem_orgao")}};
  for (const auto& o : ctx.desk.directory().organizations(v.actor))
    orgs.emplace_back(std::to_string(o.id), o.acronym + " — " + o.name);
  std::vector<std::pair<std::string, std::string>> roles = {{"", t("sem_papel")}};
  for (auto role : all_roles())
    roles.emplace_back(role_code(role), text(ctx, "admin.papel." + std::string(role_code(role))));
  std::vector<std::pair<std::string, std::string>> units = {{"", t("sem_unidade")}};
  for (const auto& u : ctx.desk.directory().units(v.actor))
    units.emplace_back(std::to_string(u.id), u.code + " — " + u.name);

  nlohmann::json fields = nlohmann::json::array(
      {text_input("nome", t("nome"), p.name, e, "text", true),
       with_hint(text_input("login", t("login"), p.login.value_or(""), e), t("login_dica")),
       with_hint(text_area("emails", t("emails"), join_lines(p.emails), e), t("emails_dica")),
       text_input("telefone", t("telefone"), p.phone.value_or(""), e, "tel"),
       select_input("avisos", t("avisos"), std::string(notice_preference_code(p.notice_preference)),
                    {{"request_channel", t("avisos_canal")},
                     {"email", t("avisos_email")},
                     {"whatsapp", t("avisos_whatsapp")}},
                    e),
       with_hint(text_input("cpf", t("cpf"), p.cpf.value_or(""), e), t("cpf_dica")),
       select_input("orgao", t("orgao"),
                    p.organization_id ? std::to_string(*p.organization_id) : "", orgs, e)});
  if (current) {
    fields.push_back(check_input("ativo", t("ativo"), p.active, e));
  } else {
    fields.push_back(with_hint(text_input("senha_inicial", t("senha_inicial"), "", e, "password"),
                               t("senha_dica")));
  }
  nlohmann::json rows = nlohmann::json::array();
  // One empty row more than the grants, to add a role.
  auto grants = p.roles;
  grants.push_back({Role::requester, std::nullopt});
  for (std::size_t i = 0; i < grants.size(); ++i) {
    const auto n = std::to_string(i);
    const bool blank = i + 1 == grants.size();
    const auto& g = grants[i];
    rows.push_back(
        {{"numero", i + 1},
         {"papel", select_input("papel-" + n, t("papel") + " " + std::to_string(i + 1),
                                blank ? "" : std::string(role_code(g.role)), roles, e)},
         {"unidade", select_input("unidade-" + n, t("unidade") + " " + std::to_string(i + 1),
                                  g.unit_id ? std::to_string(*g.unit_id) : "", units, e)}});
  }
  nlohmann::json view = {
      {"nova", !current},
      {"nome", p.name},
      {"acao", current ? "/admin/pessoas/" + std::to_string(current->id) : "/admin/pessoas/nova"},
      {"campos", fields},
      {"papeis", rows},
      {"linhas_papel", rows.size()},
      {"erros", error_summary(e)},
      {"deve_trocar", p.must_change_password},
      {"acao_senha", current ? "/admin/pessoas/" + std::to_string(current->id) + "/senha" : ""},
      {"senha_enviada", r.query_value("senha").value_or("") == "enviada"},
      // LGPD (admin_personal_data.cpp): the export and the way to the anonymization.
      {"acao_dados",
       current ? "/admin/pessoas/" + std::to_string(current->id) + "/dados-pessoais" : ""},
      {"url_anonimizar",
       current ? "/admin/pessoas/" + std::to_string(current->id) + "/anonimizar" : ""},
      {"anonimizada", r.query_value("anonimizada").value_or("") == "1"},
      {"senha_temporaria", false},
      {"senha_erro", false}};
  view.update(reset);
  if (current) {
    view["lgpd_registros"] = personal_data_requests_view(ctx, v, current->id);
    view["tem_lgpd_registros"] = !view["lgpd_registros"].empty();
  }
  if (status == 0) status = sent ? 422 : 200;
  return admin_page(ctx, v, r, status, "admin_pessoa",
                    current ? current->name : std::string("admin.pessoas.nova"), view);
}

http::Response save_person(WebContext& ctx, const http::Request& r,
                           std::optional<std::int64_t> id) {
  const auto v = require_admin(ctx, r);
  const Form form = read_form(r);
  check_csrf(v, form);
  std::optional<Person> current;
  if (id) current = ctx.desk.directory().person(v.actor, *id);
  Person p;
  try {
    p = person_from(form, current.value_or(Person{}));
  } catch (const std::logic_error&) {
    throw malformed("Formulário malformado.");
  }
  try {
    if (current) {
      p = ctx.desk.directory().update_person(v.actor, p);
    } else {
      p = ctx.desk.directory().create_person(v.actor, {p, optional_text(form, "senha_inicial")});
    }
  } catch (const DomainError& e) {
    Errors errors;
    if (e.kind() == DomainError::Kind::conflict) {
      errors["login"] = e.what();
    } else if (e.kind() == DomainError::Kind::validation) {
      errors = field_errors(e, kPersonFields);
    } else {
      throw;
    }
    return person_page(ctx, v, r, current, &form, errors);
  }
  return see_other("/admin/pessoas/" + std::to_string(p.id) + "?salvo=1");
}

http::Response reset_password(WebContext& ctx, const http::Request& r) {
  const auto v = require_admin(ctx, r);
  const auto id = number_param(r, "id");
  const Form form = read_form(r);
  check_csrf(v, form);
  app::PasswordReset reset;
  try {
    reset = ctx.desk.accounts().reset_password(v.actor, id);
  } catch (const DomainError& e) {
    if (e.kind() != DomainError::Kind::validation && e.kind() != DomainError::Kind::conflict) throw;
    return person_page(ctx, v, r, ctx.desk.directory().person(v.actor, id), nullptr, {},
                       {{"senha_erro", e.what()}}, 422);
  }
  if (reset.emailed) return see_other("/admin/pessoas/" + std::to_string(id) + "?senha=enviada");
  return person_page(ctx, v, r, ctx.desk.directory().person(v.actor, id), nullptr, {},
                     {{"senha_temporaria", *reset.temporary_password}}, 200);
}

http::Response list(WebContext& ctx, const http::Request& r) {
  const auto v = require_admin(ctx, r);
  const auto q = r.query_value("q").value_or("");
  nlohmann::json items = nlohmann::json::array();
  Errors errors;
  if (!q.empty()) {
    try {
      std::vector<std::int64_t> listed;
      for (const auto& p : ctx.desk.directory().find_people(v.actor, q)) {
        listed.push_back(p.id);
        std::string roles;
        for (const auto& g : p.roles)
          roles += (roles.empty() ? "" : ", ") +
                   text(ctx, "admin.papel." + std::string(role_code(g.role)));
        items.push_back({{"nome", p.name},
                         {"login", p.login.value_or("—")},
                         {"papeis", roles},
                         {"ativo", p.active},
                         {"url", "/admin/pessoas/" + std::to_string(p.id)}});
      }
      note_page_people_read(ctx, v, listed);
    } catch (const DomainError& e) {
      if (e.kind() != DomainError::Kind::validation) throw;
      errors["q"] = e.what();
    }
  }
  nlohmann::json view = {
      {"busca", text_input("q", text(ctx, "admin.pessoas.buscar"), q, errors, "search")},
      {"q", q},
      {"pessoas", items},
      {"buscou", !q.empty() && errors.empty()},
      {"nenhuma", items.empty()}};
  return admin_page(ctx, v, r, errors.empty() ? 200 : 422, "admin_pessoas", "admin.pessoas.titulo",
                    view);
}

}  // namespace

void add_admin_people(WebContext& ctx, std::vector<http::Route>& routes) {
  add_admin_route(ctx, routes, "GET", "/admin/pessoas",
                  [&ctx](const http::Request& r) { return list(ctx, r); });
  add_admin_route(ctx, routes, "GET", "/admin/pessoas/nova", [&ctx](const http::Request& r) {
    return person_page(ctx, require_admin(ctx, r), r, std::nullopt, nullptr, {});
  });
  add_admin_route(ctx, routes, "POST", "/admin/pessoas/nova",
                  [&ctx](const http::Request& r) { return save_person(ctx, r, std::nullopt); });
  add_admin_route(ctx, routes, "GET", "/admin/pessoas/:id", [&ctx](const http::Request& r) {
    const auto v = require_admin(ctx, r);
    return person_page(ctx, v, r, ctx.desk.directory().person(v.actor, number_param(r, "id")),
                       nullptr, {});
  });
  add_admin_route(ctx, routes, "POST", "/admin/pessoas/:id", [&ctx](const http::Request& r) {
    return save_person(ctx, r, number_param(r, "id"));
  });
  add_admin_route(ctx, routes, "POST", "/admin/pessoas/:id/senha",
                  [&ctx](const http::Request& r) { return reset_password(ctx, r); });
}

}  // namespace guiche::web
