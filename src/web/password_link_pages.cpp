// "Esqueci minha senha" (app/accounts/password_link.cpp): /senha/esqueci asks
// for a login or an e-mail and always answers the same ("se houver uma conta,
// enviamos um link"); /senha/redefinir?token=… chooses the new password and
// sends the person to sign in with it. Both forms are posted without a
// session: their CSRF token is a cookie the form echoes (anonymous_form_token).
#include "app/accounts/accounts.hpp"
#include "domain/error.hpp"
#include "web/anonymous_form_token.hpp"
#include "web/page.hpp"
#include "web/page_routes.hpp"

namespace guiche::web {
namespace {

constexpr const char* kPasswordLinkCookie = "guiche_senha";
constexpr const char* kPasswordLinkPath = "/senha";

http::Response password_page(WebContext& ctx, const http::Request& r, int status,
                             const std::string& name, const char* title, nlohmann::json view) {
  const auto token = anonymous_form_token(r, kPasswordLinkCookie);
  view["csrf"] = token;
  auto response = page(ctx, std::nullopt, status, name, title, std::move(view));
  set_anonymous_form_cookie(ctx, response, kPasswordLinkCookie, kPasswordLinkPath, token);
  return response;
}

http::Response ask_page(WebContext& ctx, const http::Request& r, int status, nlohmann::json view) {
  view["enviado"] = r.query_value("enviado").has_value();
  return password_page(ctx, r, status, "senha_esqueci", "senha.esqueci.titulo", std::move(view));
}

http::Response ask(WebContext& ctx, const http::Request& r) {
  const Form form = read_form(r);
  const auto login = form.value("login");
  nlohmann::json view = {{"login", login}};
  if (!anonymous_form_ok(r, form, kPasswordLinkCookie)) {
    view["erro_geral"] = text(ctx, "senha.expirou");
    return ask_page(ctx, r, 403, view);
  }
  try {
    ctx.desk.accounts().request_password_link(login, r.remote_address);
  } catch (const DomainError& e) {
    if (e.kind() != DomainError::Kind::validation) throw;
    view["erro_login"] = e.what();
    return ask_page(ctx, r, 422, view);
  }
  return see_other("/senha/esqueci?enviado=1");
}

http::Response choose_page(WebContext& ctx, const http::Request& r, int status,
                           nlohmann::json view) {
  return password_page(ctx, r, status, "senha_redefinir", "senha.redefinir.titulo",
                       std::move(view));
}

http::Response choose(WebContext& ctx, const http::Request& r) {
  const Form form = read_form(r);
  const auto next = form.value("nova_senha");
  nlohmann::json view = {{"token", form.value("token")}};
  if (!anonymous_form_ok(r, form, kPasswordLinkCookie)) {
    view["erro_geral"] = text(ctx, "senha.expirou");
    return choose_page(ctx, r, 403, view);
  }
  if (next.empty()) view["erro_nova_senha"] = text(ctx, "senha.redefinir.informe");
  if (next != form.value("confirmacao")) {
    view["erro_confirmacao"] = text(ctx, "senha.redefinir.diferente");
  }
  if (view.contains("erro_nova_senha") || view.contains("erro_confirmacao")) {
    return choose_page(ctx, r, 422, view);
  }
  try {
    ctx.desk.accounts().reset_password_with_link(form.value("token"), next);
  } catch (const DomainError& e) {
    if (e.kind() != DomainError::Kind::validation) throw;
    const bool link = !e.fields().empty() && e.fields().front().field == "token";
    view[link ? "erro_geral" : "erro_nova_senha"] =
        e.fields().empty() ? std::string(e.what()) : e.fields().front().message;
    return choose_page(ctx, r, 422, view);
  }
  return see_other("/entrar?senha=nova");
}

}  // namespace

void add_password_link_pages(WebContext& ctx, std::vector<http::Route>& routes) {
  routes.push_back({"GET", "/senha/esqueci", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return ask_page(ctx, r, 200, {}); });
                    }});
  routes.push_back({"POST", "/senha/esqueci", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return ask(ctx, r); });
                    }});
  routes.push_back(
      {"GET", "/senha/redefinir", [&ctx](const http::Request& r) {
         return guarded_page(ctx, r, [&] {
           return choose_page(ctx, r, 200, {{"token", r.query_value("token").value_or("")}});
         });
       }});
  routes.push_back({"POST", "/senha/redefinir", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return choose(ctx, r); });
                    }});
}

}  // namespace guiche::web
