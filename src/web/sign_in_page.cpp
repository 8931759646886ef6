#include "web/sign_in_page.hpp"

#include "app/accounts/accounts.hpp"

namespace guiche::web {

http::Response sign_in_page(WebContext& ctx, const http::Request& r, int status,
                            const std::string& token, nlohmann::json view) {
  view["csrf_entrada"] = token;
  view["com_diretorio"] = ctx.desk.accounts().has_backend("ldap");
  // One button per OpenID Connect provider; gov.br's is the design system's "Entrar com gov.br".
  nlohmann::json buttons = nlohmann::json::array();
  for (const auto& p : ctx.desk.accounts().oidc_providers())
    buttons.push_back({{"nome", p.name}, {"rotulo", p.label}, {"govbr", p.name == "govbr"}});
  view["provedores"] = buttons;
  view["com_provedores"] = !buttons.empty();
  // No page asked for: none, so the sign-in sends each person to their start (home_path).
  view["volta"] = safe_return_path(r.query_value("volta").value_or(view.value("volta", "")), "");
  if (!view["volta"].get<std::string>().empty())
    view["volta_consulta"] = "?volta=" + url_encode(view["volta"].get<std::string>());
  auto response =
      page(ctx, std::nullopt, status, "entrar", "portal.entrar.titulo", std::move(view));
  std::string cookie = std::string(kSignInCookie) + "=" + token +
                       "; Path=/entrar; HttpOnly; SameSite=Strict; Max-Age=7200";
  if (ctx.secure_cookies) cookie += "; Secure";
  response.headers.emplace_back("Set-Cookie", cookie);
  return response;
}

}  // namespace guiche::web
