#pragma once
// Each group of pages lives in its own file and adds itself here.
#include <vector>

#include "http/message.hpp"
#include "web/web_context.hpp"

namespace guiche::web {

void add_session_pages(WebContext& ctx, std::vector<http::Route>& routes);
// Signing in with OpenID Connect providers, and the links on Minha Área (oidc_pages.cpp).
void add_oidc_pages(WebContext& ctx, std::vector<http::Route>& routes);
void add_password_link_pages(WebContext& ctx, std::vector<http::Route>& routes);
void add_catalog_pages(WebContext& ctx, std::vector<http::Route>& routes);
void add_request_pages(WebContext& ctx, std::vector<http::Route>& routes);
void add_incident_report_pages(WebContext& ctx, std::vector<http::Route>& routes);
void add_language_pages(WebContext& ctx, std::vector<http::Route>& routes);
void add_admin_pages(WebContext& ctx, std::vector<http::Route>& routes);  // admin_index.cpp
void add_agent_pages(WebContext& ctx, std::vector<http::Route>& routes);
void add_agent_queue_pages(WebContext& ctx, std::vector<http::Route>& routes);
void add_agent_ticket_pages(WebContext& ctx, std::vector<http::Route>& routes);
void add_agent_custody_pages(WebContext& ctx, std::vector<http::Route>& routes);
void add_agent_phone_pages(WebContext& ctx, std::vector<http::Route>& routes);
void add_agent_quarantine_pages(WebContext& ctx, std::vector<http::Route>& routes);
void add_agent_notice_pages(WebContext& ctx, std::vector<http::Route>& routes);
void add_agent_following_pages(WebContext& ctx, std::vector<http::Route>& routes);
// Answer templates and macros (issue 19, items 2 and 4): the ticket page's
// pickers, bulk actions on queues, and keeping them.
void add_agent_answer_pages(WebContext& ctx, std::vector<http::Route>& routes);
void add_agent_bulk_pages(WebContext& ctx, std::vector<http::Route>& routes);
void add_answer_admin_pages(WebContext& ctx, std::vector<http::Route>& routes);
void add_status_pages(WebContext& ctx, std::vector<http::Route>& routes);   // status/
void add_charter_pages(WebContext& ctx, std::vector<http::Route>& routes);  // charter/
void add_charter_exports(WebContext& ctx, std::vector<http::Route>& routes);
void add_charter_pdf(WebContext& ctx, std::vector<http::Route>& routes);
void add_status_subscription_pages(WebContext& ctx, std::vector<http::Route>& routes);
void add_manifestation_pages(WebContext& ctx, std::vector<http::Route>& routes);  // ouvidoria/
void add_ouvidoria_pages(WebContext& ctx, std::vector<http::Route>& routes);
void add_privacy_pages(WebContext& ctx,
                       std::vector<http::Route>& routes);                   // privacy_pages.cpp
void add_header_search(WebContext& ctx, std::vector<http::Route>& routes);  // header_search.cpp
void add_report_pages(WebContext& ctx, std::vector<http::Route>& routes);   // reports/
void add_satisfaction_report_pages(WebContext& ctx, std::vector<http::Route>& routes);
void add_charter_panel_pages(WebContext& ctx, std::vector<http::Route>& routes);
void add_report_subscription_pages(WebContext& ctx, std::vector<http::Route>& routes);
void add_incident_report_area_pages(WebContext& ctx, std::vector<http::Route>& routes);
void add_manifestation_report_pages(WebContext& ctx, std::vector<http::Route>& routes);
void add_knowledge_pages(WebContext& ctx, std::vector<http::Route>& routes);  // knowledge/
void add_knowledge_editor_pages(WebContext& ctx, std::vector<http::Route>& routes);
// Last of all: unknown addresses (unknown_pages.cpp).
void add_unknown_pages(WebContext& ctx, std::vector<http::Route>& routes);
void add_live_routes(WebContext& ctx, std::vector<http::Route>& routes);

// Every page of the portal and its static files.
std::vector<http::Route> web_routes(WebContext& ctx);

}  // namespace guiche::web
