// Addresses no route answers. A browser asking for a page gets the portal's
// page "Página não encontrada" in its language, with the menu to go on from;
// API clients (anything under /api, or not asking for HTML) keep getting
// problem+json, as the server answers every other unknown request.
#include <nlohmann/json.hpp>

#include "web/page.hpp"
#include "web/page_routes.hpp"

namespace guiche::web {
namespace {

bool asks_for_html(const http::Request& r) {
  if (r.path == "/api" || r.path.rfind("/api/", 0) == 0) return false;
  const auto accept = r.header("accept");
  return accept && accept->find("text/html") != std::string::npos;
}

http::Response unknown_for_api() {
  nlohmann::ordered_json body = {{"type", "about:blank"},
                                 {"title", "Não encontrado"},
                                 {"status", 404},
                                 {"detail", "Recurso não encontrado."}};
  return {404, "application/problem+json", body.dump(), {}};
}

}  // namespace

void add_unknown_pages(WebContext& ctx, std::vector<http::Route>& routes) {
  // Registered last: every other GET route matches before it.
  routes.push_back({"GET", "/:desconhecida(.*)", [&ctx](const http::Request& r) {
                      if (!asks_for_html(r)) return unknown_for_api();
                      return guarded_page(ctx, r, [&]() -> http::Response {
                        throw not_found(text(ctx, "portal.erro.endereco_desconhecido"));
                      });
                    }});
}

}  // namespace guiche::web
