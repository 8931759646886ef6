#include "api/routes.hpp"

#include "api/route_groups.hpp"

namespace guiche::api {

std::vector<http::Route> api_routes(ApiContext& ctx) {
  std::vector<http::Route> routes;
  add_health_routes(ctx, routes);
  add_metrics_routes(ctx, routes);
  add_session_routes(ctx, routes);
  add_ticket_routes(ctx, routes);
  add_ticket_action_routes(ctx, routes);
  add_ticket_merge_routes(ctx, routes);
  add_custody_routes(ctx, routes);
  add_manifestation_routes(ctx, routes);
  add_directory_routes(ctx, routes);
  add_token_routes(ctx, routes);
  add_attachment_routes(ctx, routes);
  add_calendar_routes(ctx, routes);
  add_outbox_routes(ctx, routes);
  add_mail_routes(ctx, routes);
  add_sla_routes(ctx, routes);
  add_webhook_routes(ctx, routes);
  add_sign_in_settings_routes(ctx, routes);
  add_knowledge_routes(ctx, routes);
  add_notice_routes(ctx, routes);
  add_monitoring_routes(ctx, routes);
  add_whatsapp_webhook_routes(ctx, routes);
  add_access_log_routes(ctx, routes);
  add_report_routes(ctx, routes);
  add_satisfaction_report_routes(ctx, routes);
  add_report_subscription_routes(ctx, routes);
  add_incident_report_routes(ctx, routes);
  add_manifestation_report_routes(ctx, routes);
  add_answer_routes(ctx, routes);
  return routes;
}

}  // namespace guiche::api
