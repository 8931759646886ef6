// Signing in (/entrar), the forced change of the initial password
// (/primeiro-acesso) and signing out (/sair). The session is the API's: the
// same cookie serves the pages and /api/v1.

#include "api/caller.hpp"
#include "app/accounts/accounts.hpp"
#include "support/hmac_sha256.hpp"
#include "web/page.hpp"
#include "web/page_routes.hpp"
#include "web/sign_in_page.hpp"

namespace guiche::web {
namespace {

http::Response sign_in(WebContext& ctx, const http::Request& r) {
  const Form form = read_form(r);
  const auto login = form.value("login");
  const auto password = form.value("senha");
  const auto cookie = r.cookie(kSignInCookie).value_or("");
  const auto sent = form.value("csrf");
  nlohmann::json view = {{"login", login}, {"volta", form.value("volta")}};
  if (cookie.empty() || !equal_in_constant_time(sent, cookie)) {
    view["erro_geral"] = text(ctx, "portal.entrar.expirou");
    return sign_in_page(ctx, r, 403, random_token(), view);
  }
  if (login.empty()) view["erro_login"] = text(ctx, "portal.entrar.informe_login");
  if (password.empty()) view["erro_senha"] = text(ctx, "portal.entrar.informe_senha");
  if (login.empty() || password.empty()) return sign_in_page(ctx, r, 422, cookie, view);
  try {
    auto grant = ctx.desk.accounts().sign_in(login, password, r.remote_address, true);
    const long max_age =
        std::chrono::duration_cast<std::chrono::seconds>(ctx.desk.config().session_lifetime)
            .count();
    auto response = see_other(grant.person.must_change_password
                                  ? "/primeiro-acesso"
                                  : safe_return_path(form.value("volta"), home_path(grant.person)));
    response.headers.emplace_back(
        "Set-Cookie", api::session_cookie(ctx.secure_cookies, grant.session_id, max_age));
    return response;
  } catch (const app::LinkCodeSent& sent) {
    // A directory account with a person's e-mail: the code that went to it links them.
    auto response = see_other(std::string(kDirectoryLinkPath) +
                              "/confirmar?para=" + url_encode(sent.masked_email));
    std::string link = std::string(kDirectoryLinkCookie) + "=" + sent.link_token +
                       "; Path=" + kDirectoryLinkPath + "; HttpOnly; SameSite=Lax; Max-Age=900";
    if (ctx.secure_cookies) link += "; Secure";
    response.headers.emplace_back("Set-Cookie", link);
    return response;
  } catch (const DomainError& e) {
    if (e.kind() == DomainError::Kind::unauthenticated) {
      view["erro_senha"] = text(ctx, "portal.entrar.incorretos");
      return sign_in_page(ctx, r, 401, cookie, view);
    }
    if (e.kind() == DomainError::Kind::rate_limited) {
      view["erro_geral"] = e.what();
      return sign_in_page(ctx, r, 429, cookie, view);
    }
    if (e.kind() == DomainError::Kind::unavailable) {
      view["erro_geral"] = text(ctx, "portal.entrar.diretorio_indisponivel");
      return sign_in_page(ctx, r, 503, cookie, view);
    }
    if (e.kind() == DomainError::Kind::conflict) {
      // A directory account's first sign-in with a person's e-mail or login
      // (app/accounts/auth/ldap_backend.hpp): link it instead.
      view["erro_geral"] = e.what();
      return sign_in_page(ctx, r, 409, cookie, view);
    }
    throw;
  }
}

http::Response change_password(WebContext& ctx, const http::Request& r) {
  const auto v = require_visitor(ctx, r, true);
  const Form form = read_form(r);
  check_csrf(v, form);
  const auto current = form.value("senha_atual");
  const auto next = form.value("nova_senha");
  nlohmann::json view = nlohmann::json::object();
  if (current.empty()) view["erro_senha_atual"] = text(ctx, "portal.primeiro_acesso.informe_atual");
  if (next.empty()) view["erro_nova_senha"] = text(ctx, "portal.primeiro_acesso.informe_nova");
  if (next != form.value("confirmacao"))
    view["erro_confirmacao"] = text(ctx, "portal.primeiro_acesso.confirmacao_diferente");
  if (view.empty()) {
    try {
      ctx.desk.accounts().change_password(v.actor, current, next);
      return see_other(home_path(v.actor.person));
    } catch (const DomainError& e) {
      if (e.kind() != DomainError::Kind::validation) throw;
      for (const auto& [name, text] :
           field_errors(e, {{"current_password", "senha_atual"}, {"password", "nova_senha"}})) {
        view["erro_" + (name == "_geral" ? std::string("geral") : name)] = text;
      }
    }
  }
  view["tem_erros"] = true;
  return page(ctx, v, 422, "primeiro_acesso", "portal.primeiro_acesso.titulo", view);
}

}  // namespace

void add_session_pages(WebContext& ctx, std::vector<http::Route>& routes) {
  routes.push_back({"GET", "/", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] {
                        const auto v = current_visitor(ctx, r);
                        return see_other(v ? home_path(v->actor.person) : "/entrar");
                      });
                    }});
  routes.push_back({"GET", "/entrar", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] {
                        auto token = r.cookie(kSignInCookie).value_or("");
                        if (token.size() != 32) token = random_token();
                        return sign_in_page(
                            ctx, r, 200, token,
                            {{"senha_nova", r.query_value("senha").value_or("") == "nova"}});
                      });
                    }});
  routes.push_back({"POST", "/entrar", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return sign_in(ctx, r); });
                    }});
  routes.push_back({"GET", "/primeiro-acesso", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] {
                        const auto v = require_visitor(ctx, r, true);
                        return page(ctx, v, 200, "primeiro_acesso", "portal.primeiro_acesso.titulo",
                                    nlohmann::json::object());
                      });
                    }});
  routes.push_back({"POST", "/primeiro-acesso", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return change_password(ctx, r); });
                    }});
  routes.push_back({"POST", "/sair", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] {
                        // A session opened through an OpenID provider ends there too,
                        // when its discovery offers an end_session_endpoint.
                        std::optional<std::string> provider_exit;
                        if (auto v = current_visitor(ctx, r)) {
                          check_csrf(*v, read_form(r));
                          const auto session = *r.cookie(api::kSessionCookie);
                          provider_exit = ctx.desk.accounts().provider_sign_out_url(
                              session, ctx.desk.config().public_url + "/entrar");
                          ctx.desk.accounts().sign_out(session);
                        }
                        auto response = see_other(provider_exit.value_or("/entrar"));
                        response.headers.emplace_back(
                            "Set-Cookie", api::session_cookie(ctx.secure_cookies, "", 0));
                        return response;
                      });
                    }});
}

}  // namespace guiche::web
