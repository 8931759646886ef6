#pragma once
// Each group of routes lives in its own file and adds itself here.
#include <vector>

#include "api/api_context.hpp"
#include "http/message.hpp"

namespace guiche::api {

void add_health_routes(ApiContext& ctx, std::vector<http::Route>& routes);
void add_session_routes(ApiContext& ctx, std::vector<http::Route>& routes);
void add_ticket_routes(ApiContext& ctx, std::vector<http::Route>& routes);
void add_ticket_action_routes(ApiContext& ctx, std::vector<http::Route>& routes);
// ticket_merge_routes.cpp: merge, unmerge, split, followers, notifications
void add_ticket_merge_routes(ApiContext& ctx, std::vector<http::Route>& routes);
void add_custody_routes(ApiContext& ctx, std::vector<http::Route>& routes);  // custody_routes.cpp
void add_manifestation_routes(ApiContext& ctx,
                              std::vector<http::Route>& routes);  // manifestation_routes.cpp
void add_directory_routes(ApiContext& ctx, std::vector<http::Route>& routes);
void add_token_routes(ApiContext& ctx, std::vector<http::Route>& routes);
void add_attachment_routes(ApiContext& ctx, std::vector<http::Route>& routes);
void add_calendar_routes(ApiContext& ctx, std::vector<http::Route>& routes);
void add_sla_routes(ApiContext& ctx, std::vector<http::Route>& routes);
void add_outbox_routes(ApiContext& ctx, std::vector<http::Route>& routes);
void add_mail_routes(ApiContext& ctx, std::vector<http::Route>& routes);
void add_notice_routes(ApiContext& ctx, std::vector<http::Route>& routes);  // notice_routes.cpp
void add_monitoring_routes(ApiContext& ctx,
                           std::vector<http::Route>& routes);  // monitoring_routes.cpp
void add_webhook_routes(ApiContext& ctx, std::vector<http::Route>& routes);  // webhook_routes.cpp
void add_metrics_routes(ApiContext& ctx, std::vector<http::Route>& routes);  // metrics_routes.cpp
void add_access_log_routes(ApiContext& ctx,
                           std::vector<http::Route>& routes);               // access_log_routes.cpp
void add_report_routes(ApiContext& ctx, std::vector<http::Route>& routes);  // report_routes.cpp
// satisfaction_report_routes.cpp
void add_satisfaction_report_routes(ApiContext& ctx, std::vector<http::Route>& routes);
void add_report_subscription_routes(ApiContext& ctx, std::vector<http::Route>& routes);
void add_incident_report_routes(ApiContext& ctx, std::vector<http::Route>& routes);
void add_manifestation_report_routes(ApiContext& ctx, std::vector<http::Route>& routes);
void add_sign_in_settings_routes(ApiContext& ctx,
                                 std::vector<http::Route>& routes);  // sign_in_settings_routes.cpp
// answer_routes.cpp: answer templates, macros, bulk actions.
void add_answer_routes(ApiContext& ctx, std::vector<http::Route>& routes);
void add_knowledge_routes(ApiContext& ctx,
                          std::vector<http::Route>& routes);  // knowledge_routes.cpp
void add_whatsapp_webhook_routes(ApiContext& ctx,
                                 std::vector<http::Route>& routes);  // whatsapp_webhook_routes.cpp

}  // namespace guiche::api
