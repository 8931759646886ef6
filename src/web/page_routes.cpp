#include "web/page_routes.hpp"

namespace guiche::web {

std::vector<http::Route> web_routes(WebContext& ctx) {
  std::vector<http::Route> routes;
  add_session_pages(ctx, routes);
  add_oidc_pages(ctx, routes);
  add_password_link_pages(ctx, routes);
  add_catalog_pages(ctx, routes);
  add_request_pages(ctx, routes);
  add_incident_report_pages(ctx, routes);
  add_language_pages(ctx, routes);
  add_admin_pages(ctx, routes);
  add_agent_pages(ctx, routes);
  add_status_pages(ctx, routes);
  add_charter_pages(ctx, routes);
  add_charter_exports(ctx, routes);
  add_charter_pdf(ctx, routes);
  add_status_subscription_pages(ctx, routes);
  add_manifestation_pages(ctx, routes);
  add_ouvidoria_pages(ctx, routes);
  add_privacy_pages(ctx, routes);
  add_header_search(ctx, routes);
  add_report_pages(ctx, routes);
  add_satisfaction_report_pages(ctx, routes);
  add_charter_panel_pages(ctx, routes);
  add_report_subscription_pages(ctx, routes);
  add_incident_report_area_pages(ctx, routes);
  add_manifestation_report_pages(ctx, routes);
  add_knowledge_pages(ctx, routes);
  add_knowledge_editor_pages(ctx, routes);
  ctx.assets.add_routes(routes);
  add_unknown_pages(ctx, routes);
  return routes;
}

}  // namespace guiche::web
