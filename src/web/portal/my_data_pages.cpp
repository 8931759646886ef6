// Minha Área's "Baixar meus dados" (LGPD, art. 18): the signed-in person's
// own data as one zip. A POST with the form's CSRF token: each export is
// recorded, so no other site may make a browser ask for one.
#include "api/personal_data_download.hpp"
#include "app/personal_data/personal_data.hpp"
#include "web/page.hpp"
#include "web/portal/request_pages.hpp"

namespace guiche::web {

void add_my_data_pages(WebContext& ctx, std::vector<http::Route>& routes) {
  routes.push_back({"POST", "/minha-area/meus-dados", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] {
                        const auto v = require_visitor(ctx, r);
                        check_csrf(v, read_form(r));
                        return api::personal_data_download(
                            ctx.desk.personal_data().export_data(v.actor, v.actor.id()));
                      });
                    }});
}

}  // namespace guiche::web
