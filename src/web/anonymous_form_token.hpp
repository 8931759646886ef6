#pragma once
// CSRF for forms anyone may post without signing in (the status page's
// subscription, the manifestações): the token is a cookie the form echoes
// (double submit, like the sign-in form's); another site can neither read
// nor set it.
#include <string>

#include "web/page.hpp"

namespace guiche::web {

// The token the visitor's cookie `name` holds, or a fresh one.
std::string anonymous_form_token(const http::Request& r, const std::string& name);
// Sets cookie `name` for the pages under `path` that show the form.
void set_anonymous_form_cookie(WebContext& ctx, http::Response& response, const std::string& name,
                               const std::string& path, const std::string& token);
// Whether the form's "csrf" field echoes cookie `name`.
bool anonymous_form_ok(const http::Request& r, const Form& form, const std::string& name);

}  // namespace guiche::web
