// Signing in with an OpenID Connect provider (issue 16, items 3 and 4;
// app/accounts/oidc_sign_in.cpp): the start (/entrar/oidc/NOME), the
// provider's answer by GET (authorization code) or by POST (the hybrid flow's
// form_post, as Acesso Cidadão documents), the e-mail code that confirms a
// link to an existing person, and, on Minha Área, the links a person keeps,
// with the directory (LDAP / Active Directory) account linked by its login
// and password (app/accounts/directory_link.cpp).
//
// The `state` is the CSRF protection of the callback; it is also put in a
// cookie at the start, and a GET callback must bring the same one back (the
// answer reaches the browser that asked). A POST callback comes from the
// provider's site, which a SameSite=Lax cookie does not follow: there the
// state alone, single-use and unguessable, binds it, unless the cookie is
// sent (SameSite=None needs Secure), when it must match too.
#include <functional>

#include "api/caller.hpp"
#include "app/accounts/accounts.hpp"
#include "support/hmac_sha256.hpp"
#include "web/page.hpp"
#include "web/page_routes.hpp"
#include "web/sign_in_page.hpp"

namespace guiche::web {
namespace {

constexpr const char* kStateCookie = "guiche_oidc";
constexpr const char* kLinkCookie = "guiche_vinculo";

std::string short_cookie(WebContext& ctx, const std::string& name, const std::string& value,
                         long max_age) {
  std::string cookie =
      name + "=" + value + "; Path=/entrar/oidc; HttpOnly; Max-Age=" + std::to_string(max_age);
  cookie += ctx.secure_cookies ? "; SameSite=None; Secure" : "; SameSite=Lax";
  return cookie;
}

http::Response with_session(WebContext& ctx, const app::SessionGrant& grant,
                            const std::string& to) {
  const long max_age =
      std::chrono::duration_cast<std::chrono::seconds>(ctx.desk.config().session_lifetime).count();
  auto response = see_other(safe_return_path(to, home_path(grant.person)));
  response.headers.emplace_back("Set-Cookie",
                                api::session_cookie(ctx.secure_cookies, grant.session_id, max_age));
  response.headers.emplace_back("Set-Cookie", short_cookie(ctx, kStateCookie, "", 0));
  return response;
}

// The sign-in page with a message, as /entrar shows its own; the state
// cookie of this sign-in goes.
http::Response refused_page(WebContext& ctx, const http::Request& r, int status,
                            const std::string& message) {
  auto response = sign_in_page(ctx, r, status, random_token(), {{"erro_geral", message}});
  response.headers.emplace_back("Set-Cookie", short_cookie(ctx, kStateCookie, "", 0));
  return response;
}

// The browser goes to the provider; the cookie keeps the state for the callback.
http::Response to_provider(WebContext& ctx, const std::string& url) {
  const auto at = url.find("state=");
  const auto state = url.substr(at + 6, url.find('&', at) - at - 6);
  auto response = see_other(url);
  response.headers.emplace_back("Set-Cookie", short_cookie(ctx, kStateCookie, state, 600));
  return response;
}

http::Response start(WebContext& ctx, const http::Request& r) {
  const std::string name = r.params.at("provedor");
  const auto v = current_visitor(ctx, r);
  if (v) return see_other(home_path(v->actor.person));
  std::optional<std::string> url;
  try {
    url = ctx.desk.accounts().start_oidc(
        name, safe_return_path(r.query_value("volta").value_or(""), ""), std::nullopt);
  } catch (const DomainError& e) {
    if (e.kind() != DomainError::Kind::unavailable) throw;
    return refused_page(ctx, r, 503, e.what());
  }
  if (!url) throw not_found("Provedor de identidade desconhecido.");
  return to_provider(ctx, *url);
}

http::Response callback(WebContext& ctx, const http::Request& r, bool posted) {
  const std::string name = r.params.at("provedor");
  std::string state, code, error;
  std::optional<std::string> id_token;
  if (posted) {
    const Form form = read_form(r);
    state = form.value("state");
    code = form.value("code");
    error = form.value("error");
    if (!form.value("id_token").empty()) id_token = form.value("id_token");
  } else {
    state = r.query_value("state").value_or("");
    code = r.query_value("code").value_or("");
    error = r.query_value("error").value_or("");
  }
  const auto cookie = r.cookie(kStateCookie).value_or("");
  const bool bound = !cookie.empty() && equal_in_constant_time(cookie, state);
  if ((!posted && !bound) || (posted && !cookie.empty() && !bound)) {
    return refused_page(ctx, r, 400, text(ctx, "oidc.recusada"));
  }
  if (!error.empty()) {
    // The person gave up at the provider (access_denied) or it refused: nothing to finish,
    // but the state is spent all the same.
    ctx.desk.accounts().finish_oidc(name, state, "", std::nullopt, std::nullopt);
    return refused_page(ctx, r, 400, text(ctx, "oidc.desistiu"));
  }
  const auto v = current_visitor(ctx, r);
  auto result = ctx.desk.accounts().finish_oidc(name, state, code, id_token,
                                                v ? std::optional(v->actor.id()) : std::nullopt);
  using K = app::OidcCallback::Kind;
  switch (result.kind) {
    case K::signed_in:
      return with_session(ctx, *result.grant, result.return_to);
    case K::linked: {
      auto response = see_other("/minha-area/contas?vinculada=1");
      response.headers.emplace_back("Set-Cookie", short_cookie(ctx, kStateCookie, "", 0));
      return response;
    }
    case K::confirm_by_email: {
      auto response =
          see_other("/entrar/oidc/" + name + "/confirmar?para=" + url_encode(result.masked_email));
      response.headers.emplace_back("Set-Cookie",
                                    short_cookie(ctx, kLinkCookie, result.link_token, 900));
      response.headers.emplace_back("Set-Cookie", short_cookie(ctx, kStateCookie, "", 0));
      return response;
    }
    case K::unavailable:
      return refused_page(ctx, r, 503, result.message);
    case K::refused:
      break;
  }
  return refused_page(ctx, r, 403, result.message);
}

http::Response confirm_page(WebContext& ctx, const http::Request& r, int status,
                            nlohmann::json view) {
  auto token = r.cookie(kSignInCookie).value_or("");
  if (token.size() != 32) token = random_token();
  view["csrf_entrada"] = token;
  if (!view.contains("acao"))
    view["acao"] = "/entrar/oidc/" + r.params.at("provedor") + "/confirmar";
  auto response = page(ctx, std::nullopt, status, "oidc_confirmar", "oidc.confirmar.titulo", view);
  std::string cookie = std::string(kSignInCookie) + "=" + token +
                       "; Path=/entrar; HttpOnly; SameSite=Strict; Max-Age=7200";
  if (ctx.secure_cookies) cookie += "; Secure";
  response.headers.emplace_back("Set-Cookie", cookie);
  return response;
}

// The code a first external sign-in sent, typed back (`confirm_link` takes
// the link cookie's token and the code): the person signs in, now linked.
// `view` carries the page's own fields; `link_cookie_gone` clears the token.
http::Response confirm_code(
    WebContext& ctx, const http::Request& r, nlohmann::json view,
    const std::function<app::OidcCallback(const std::string&)>& confirm_link,
    const std::string& link_cookie_gone) {
  const Form form = read_form(r);
  const auto entry = r.cookie(kSignInCookie).value_or("");
  view["para"] = form.value("para");
  if (entry.empty() || !equal_in_constant_time(form.value("csrf"), entry)) {
    view["erro_geral"] = text(ctx, "portal.entrar.expirou");
    return confirm_page(ctx, r, 403, view);
  }
  const auto code = form.value("codigo");
  if (code.empty()) {
    view["erro_codigo"] = text(ctx, "oidc.confirmar.informe_codigo");
    return confirm_page(ctx, r, 422, view);
  }
  auto result = confirm_link(code);
  if (result.kind != app::OidcCallback::Kind::signed_in) {
    view["erro_codigo"] = result.message;
    return confirm_page(ctx, r, 422, view);
  }
  auto response = with_session(ctx, *result.grant, "");
  response.headers.emplace_back("Set-Cookie", link_cookie_gone);
  return response;
}

http::Response confirm(WebContext& ctx, const http::Request& r) {
  return confirm_code(
      ctx, r, nlohmann::json::object(),
      [&](const std::string& code) {
        return ctx.desk.accounts().confirm_oidc_link(r.params.at("provedor"),
                                                     r.cookie(kLinkCookie).value_or(""), code);
      },
      short_cookie(ctx, kLinkCookie, "", 0));
}

http::Response links_page(WebContext& ctx, const http::Request& r, const Visitor& v, int status,
                          nlohmann::json view) {
  auto& accounts = ctx.desk.accounts();
  nlohmann::json links = nlohmann::json::array();
  bool directory_linked = false;
  for (const auto& l : accounts.external_links(v.actor)) {
    links.push_back({{"rotulo", l.label}, {"emissor", l.issuer}, {"sujeito", l.subject}});
    directory_linked = directory_linked || l.directory;
  }
  nlohmann::json providers = nlohmann::json::array();
  for (const auto& p : accounts.oidc_providers())
    providers.push_back({{"nome", p.name}, {"rotulo", p.label}});
  view["vinculos"] = links;
  view["tem_vinculos"] = !links.empty();
  view["provedores"] = providers;
  view["tem_provedores"] = !providers.empty();
  view["vinculada"] = r.query_value("vinculada").value_or("") == "1";
  // One directory account per person (app/accounts/auth/ldap_backend.hpp): the
  // form goes once it is linked.
  view["com_diretorio"] = accounts.has_backend("ldap") && !directory_linked;
  return page(ctx, v, status, "minha_area_contas", "oidc.contas.titulo", view);
}

// A signed-in person links an account of the provider (CSRF-checked).
http::Response start_link(WebContext& ctx, const http::Request& r) {
  const auto v = require_visitor(ctx, r);
  check_csrf(v, read_form(r));
  std::optional<std::string> url;
  try {
    url =
        ctx.desk.accounts().start_oidc(r.params.at("provedor"), "/minha-area/contas", v.actor.id());
  } catch (const DomainError& e) {
    if (e.kind() != DomainError::Kind::unavailable) throw;
    return links_page(ctx, r, v, 503, {{"erro_geral", e.what()}});
  }
  if (!url) throw not_found("Provedor de identidade desconhecido.");
  return to_provider(ctx, *url);
}

// The code a directory account's first sign-in sent (session_pages.cpp).
http::Response confirm_directory(WebContext& ctx, const http::Request& r) {
  return confirm_code(
      ctx, r, {{"acao", std::string(kDirectoryLinkPath) + "/confirmar"}},
      [&](const std::string& code) {
        return ctx.desk.accounts().confirm_directory_link(
            r.cookie(kDirectoryLinkCookie).value_or(""), code);
      },
      std::string(kDirectoryLinkCookie) + "=; Path=" + kDirectoryLinkPath +
          "; HttpOnly; Max-Age=0");
}

// A signed-in person links their directory account with its login and
// password (CSRF-checked); the errors go back to the form by field.
http::Response link_directory(WebContext& ctx, const http::Request& r) {
  const auto v = require_visitor(ctx, r);
  const Form form = read_form(r);
  check_csrf(v, form);
  const auto login = form.value("login");
  nlohmann::json view = {{"diretorio_login", login}};
  try {
    ctx.desk.accounts().link_directory(v.actor, login, form.value("senha"), r.remote_address);
  } catch (const DomainError& e) {
    using K = DomainError::Kind;
    if (e.kind() == K::validation && !e.fields().empty()) {
      view[e.fields()[0].field == "login" ? "erro_diretorio_login" : "erro_diretorio_senha"] =
          e.what();
      return links_page(ctx, r, v, 422, view);
    }
    const int status = e.kind() == K::conflict       ? 409
                       : e.kind() == K::rate_limited ? 429
                       : e.kind() == K::unavailable  ? 503
                                                     : 0;
    if (status == 0) throw;
    view["erro_geral"] = e.what();
    return links_page(ctx, r, v, status, view);
  }
  return see_other("/minha-area/contas?vinculada=1");
}

}  // namespace

void add_oidc_pages(WebContext& ctx, std::vector<http::Route>& routes) {
  routes.push_back({"GET", "/entrar/oidc/:provedor", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return start(ctx, r); });
                    }});
  routes.push_back({"GET", "/entrar/oidc/:provedor/retorno", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return callback(ctx, r, false); });
                    }});
  routes.push_back({"POST", "/entrar/oidc/:provedor/retorno", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return callback(ctx, r, true); });
                    }});
  routes.push_back(
      {"GET", "/entrar/oidc/:provedor/confirmar", [&ctx](const http::Request& r) {
         return guarded_page(ctx, r, [&] {
           return confirm_page(ctx, r, 200, {{"para", r.query_value("para").value_or("")}});
         });
       }});
  routes.push_back({"POST", "/entrar/oidc/:provedor/confirmar", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return confirm(ctx, r); });
                    }});
  routes.push_back({"GET", "/entrar/diretorio/confirmar", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] {
                        return confirm_page(
                            ctx, r, 200,
                            {{"para", r.query_value("para").value_or("")},
                             {"acao", std::string(kDirectoryLinkPath) + "/confirmar"}});
                      });
                    }});
  routes.push_back({"POST", "/entrar/diretorio/confirmar", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return confirm_directory(ctx, r); });
                    }});
  routes.push_back({"GET", "/minha-area/contas", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] {
                        const auto v = require_visitor(ctx, r);
                        return links_page(ctx, r, v, 200, nlohmann::json::object());
                      });
                    }});
  routes.push_back(
      {"POST", "/minha-area/contas/:provedor/vincular", [&ctx](const http::Request& r) {
         return guarded_page(ctx, r, [&] { return start_link(ctx, r); });
       }});
  routes.push_back(
      {"POST", "/minha-area/contas/vincular-diretorio", [&ctx](const http::Request& r) {
         return guarded_page(ctx, r, [&] { return link_directory(ctx, r); });
       }});
  routes.push_back({"POST", "/minha-area/contas/desvincular", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] {
                        const auto v = require_visitor(ctx, r);
                        const Form form = read_form(r);
                        check_csrf(v, form);
                        try {
                          ctx.desk.accounts().unlink_external(v.actor, form.value("emissor"),
                                                              form.value("sujeito"));
                        } catch (const DomainError& e) {
                          if (e.kind() != DomainError::Kind::validation) throw;
                          return links_page(ctx, r, v, 422, {{"erro_geral", e.what()}});
                        }
                        return see_other("/minha-area/contas");
                      });
                    }});
}

}  // namespace guiche::web
