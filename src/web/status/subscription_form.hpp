#pragma once
// The status page's subscription form (docs/domain.md, "Subscribers"), shown
// on /status and on its own page: an e-mail address and the components as
// checkboxes ("componente_<id>", since a form field name holds one value),
// or all of them. No one is signed in, so its CSRF token is a cookie the
// form echoes (double submit, like the sign-in form's): another site can
// neither read nor set it.
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "web/page.hpp"

namespace guiche::web {

inline constexpr const char* kSubscriptionCookie = "guiche_assinatura";

// The token the visitor's cookie holds, or a fresh one.
std::string subscription_token(const http::Request& r);
// Sets the cookie (Path=/status) on a page that shows the form.
void set_subscription_cookie(WebContext& ctx, http::Response& response, const std::string& token);
// Whether the form echoes the cookie.
bool subscription_csrf_ok(const http::Request& r, const Form& form);
// The form's view: the token, the components (checked as `sent` had them),
// the address and the errors by field ("email", "componentes", "geral").
nlohmann::json subscription_form(WebContext& ctx, const std::string& token, const Form* sent,
                                 const std::map<std::string, std::string>& errors);

}  // namespace guiche::web
