// The language switch: /idioma/en keeps the choice in a cookie and goes back
// to the page it was clicked on (?volta=, else the same-origin Referer). It changes nothing on the
// server, so a plain link (GET) is enough and needs no CSRF token.
#include "web/page.hpp"
#include "web/page_routes.hpp"

namespace guiche::web {
namespace {

// The path of a Referer that names this very host; "" for any other.
std::string referer_path(const http::Request& r) {
  const auto referer = r.header("referer").value_or("");
  const auto host = r.header("host").value_or("");
  for (const char* scheme : {"http://", "https://"}) {
    const auto origin = scheme + host;
    if (!host.empty() && referer.rfind(origin, 0) == 0 && referer.size() > origin.size() &&
        referer[origin.size()] == '/')
      return referer.substr(origin.size());
  }
  return "";
}

}  // namespace

void add_language_pages(WebContext& ctx, std::vector<http::Route>& routes) {
  routes.push_back({"GET", "/idioma/:codigo", [&ctx](const http::Request& r) {
                      const auto code = r.params.at("codigo");
                      const auto back =
                          safe_return_path(r.query_value("volta").value_or(referer_path(r)), "/");
                      auto response = see_other(back);
                      if (!ctx.texts.has(code)) return response;
                      std::string cookie = std::string(kLanguageCookie) + "=" + code +
                                           "; Path=/; SameSite=Lax; Max-Age=31536000";
                      if (ctx.secure_cookies) cookie += "; Secure";
                      response.headers.emplace_back("Set-Cookie", cookie);
                      return response;
                    }});
}

}  // namespace guiche::web
