#include "web/status/subscription_form.hpp"

#include "app/incidents/status_components.hpp"
#include "support/hmac_sha256.hpp"

namespace guiche::web {

std::string subscription_token(const http::Request& r) {
  auto token = r.cookie(kSubscriptionCookie).value_or("");
  return token.size() == 32 ? token : random_token();
}

void set_subscription_cookie(WebContext& ctx, http::Response& response, const std::string& token) {
  std::string cookie = std::string(kSubscriptionCookie) + "=" + token +
                       "; Path=/status; HttpOnly; SameSite=Strict; Max-Age=7200";
  if (ctx.secure_cookies) cookie += "; Secure";
  response.headers.emplace_back("Set-Cookie", cookie);
}

bool subscription_csrf_ok(const http::Request& r, const Form& form) {
  const auto cookie = r.cookie(kSubscriptionCookie).value_or("");
  const auto sent = form.value("csrf");
  return !cookie.empty() && equal_in_constant_time(sent, cookie);
}

nlohmann::json subscription_form(WebContext& ctx, const std::string& token, const Form* sent,
                                 const std::map<std::string, std::string>& errors) {
  nlohmann::json components = nlohmann::json::array();
  for (const auto& c : ctx.desk.status_components().components()) {
    const std::string id = "componente_" + std::to_string(c.id);
    components.push_back({{"id", id},
                          {"nome", c.name},
                          {"grupo", c.group_name},
                          {"marcado", sent && !sent->value(id).empty()}});
  }
  nlohmann::json view = {{"csrf", token},
                         {"componentes", components},
                         {"todos", sent && !sent->value("todos").empty()},
                         {"email", sent ? sent->value("email") : ""}};
  for (const auto& [field, message] : errors) view["erro_" + field] = message;
  return view;
}

}  // namespace guiche::web
