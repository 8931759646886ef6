#include "web/anonymous_form_token.hpp"

#include "support/hmac_sha256.hpp"

namespace guiche::web {

std::string anonymous_form_token(const http::Request& r, const std::string& name) {
  auto token = r.cookie(name).value_or("");
  return token.size() == 32 ? token : random_token();
}

void set_anonymous_form_cookie(WebContext& ctx, http::Response& response, const std::string& name,
                               const std::string& path, const std::string& token) {
  std::string cookie =
      name + "=" + token + "; Path=" + path + "; HttpOnly; SameSite=Strict; Max-Age=7200";
  if (ctx.secure_cookies) cookie += "; Secure";
  response.headers.emplace_back("Set-Cookie", cookie);
}

bool anonymous_form_ok(const http::Request& r, const Form& form, const std::string& name) {
  const auto cookie = r.cookie(name).value_or("");
  const auto sent = form.value("csrf");
  return !cookie.empty() && equal_in_constant_time(sent, cookie);
}

}  // namespace guiche::web
