#pragma once
// The organization page is shared by its own form and by the forms of its
// authorized requesters (admin_authorizations.cpp), which re-render it with
// their errors.
#include "domain/organization.hpp"
#include "web/admin/admin_page.hpp"

namespace guiche::web {

// What was posted to the organization page and what went wrong where.
struct OrganizationForms {
  Form sent;
  Errors organization;  // the organization's own form
  Errors grant;         // the grant form
  std::int64_t revoked_id = 0;
  Errors revoke;  // the revocation form of authorization `revoked_id`
  int status = 200;
};

// The authorized-requester section of the organization page: every record
// kept (the history), the grant form and each record's actions.
nlohmann::json authorized_view(WebContext& ctx, const Visitor& v, const Organization& o,
                               const OrganizationForms& forms);

http::Response organization_page(WebContext& ctx, const Visitor& v, const http::Request& r,
                                 const std::optional<Organization>& o,
                                 const OrganizationForms& forms);

}  // namespace guiche::web
