// LGPD (app/personal_data/personal_data.hpp): a person's data as one zip, for
// the person themselves or an admin, and the anonymization an admin runs.
// Staff who may see the person get 403; anyone else 404, so ids reveal nothing.
#include "api/caller.hpp"
#include "api/directory_routes.hpp"
#include "api/json_fields.hpp"
#include "api/personal_data_download.hpp"
#include "api/problem.hpp"
#include "app/personal_data/personal_data.hpp"

namespace guiche::api {

void add_personal_data_routes(ApiContext& ctx, std::vector<http::Route>& routes) {
  app::Desk& desk = ctx.desk;
  add_guarded_route(routes, "GET", "/api/v1/people/:id/personal-data",
                    [&ctx, &desk](const http::Request& r) {
                      auto actor = require_caller(ctx, r);
                      return personal_data_download(
                          desk.personal_data().export_data(actor, path_id(r.params.at("id"))));
                    });
  add_guarded_route(
      routes, "POST", "/api/v1/people/:id/anonymize", [&ctx, &desk](const http::Request& r) {
        auto actor = require_caller(ctx, r);
        const auto done = desk.personal_data().anonymize(actor, path_id(r.params.at("id")));
        return json_response(200, {{"person_id", done.person_id},
                                   {"anonymized_at", format_utc(done.anonymized_at)},
                                   {"already_anonymized", done.already},
                                   {"tickets_rewritten", done.tickets},
                                   {"files_erased", done.files}});
      });
}

}  // namespace guiche::api
