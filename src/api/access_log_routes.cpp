// GET /api/v1/access-log: the personal-data access log (LGPD art. 37;
// app/privacy/access_log.hpp) for admins and the encarregado de dados,
// newest first, filtered by data subject, reader and period, paged by the
// keyset `after` (the previous page's next_after). Reading it is not logged
// again (see AccessLog::query).
#include "api/caller.hpp"
#include "api/directory_routes.hpp"
#include "api/json_fields.hpp"
#include "api/problem.hpp"
#include "api/route_groups.hpp"
#include "app/privacy/access_log.hpp"
#include "domain/error.hpp"

namespace guiche::api {
namespace {

std::optional<Instant> query_instant(const http::Request& r, const char* name) {
  const auto text = r.query_value(name);
  if (!text) return std::nullopt;
  auto at = parse_instant(*text);
  if (!at) {
    throw invalid_field(
        name, std::string(name) + " deve ser um instante ISO 8601, como 2026-03-02T12:00:00Z.");
  }
  return at;
}

nlohmann::json access_optional_json(const std::optional<std::int64_t>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json access_entry_json(const store::AccessRecord& e) {
  return {{"id", e.id},
          {"at", format_utc(e.at)},
          {"reader_person_id", access_optional_json(e.reader_person_id)},
          {"reader_name", e.reader_name},
          {"reader_token_id", access_optional_json(e.reader_token_id)},
          {"reader_address", e.reader_address},
          {"channel", e.channel},
          {"subject_person_id", e.subject_person_id},
          {"subject_name", e.subject_name},
          {"object_kind", e.object_kind},
          {"object_id", e.object_id}};
}

http::Response access_log(ApiContext& ctx, const http::Request& r) {
  auto actor = require_caller(ctx, r);
  store::AccessQuery q;
  q.subject_person_id = query_id(r.query_value("subject_person_id"), "subject_person_id");
  q.reader_person_id = query_id(r.query_value("reader_person_id"), "reader_person_id");
  q.since = query_instant(r, "since");
  q.until = query_instant(r, "until");
  q.limit = query_limit(r.query_value("limit"));
  if (auto after = r.query_value("after"); after && !after->empty()) {
    q.after = app::parse_access_cursor(*after);
    if (!q.after) throw invalid_field("after", "after deve ser o next_after da página anterior.");
  }
  const auto page = ctx.desk.access_log().query(actor, q);
  auto items = nlohmann::json::array();
  for (const auto& e : page.entries) items.push_back(access_entry_json(e));
  return json_response(
      200, {{"items", items},
            {"next_after",
             page.next_after.empty() ? nlohmann::json(nullptr) : nlohmann::json(page.next_after)}});
}

}  // namespace

void add_access_log_routes(ApiContext& ctx, std::vector<http::Route>& routes) {
  add_guarded_route(routes, "GET", "/api/v1/access-log",
                    [&ctx](const http::Request& r) { return access_log(ctx, r); });
}

}  // namespace guiche::api
