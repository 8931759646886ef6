#include "web/status/subscription_form.hpp"

#include "app/incidents/status_components.hpp"
#include "web/anonymous_form_token.hpp"

namespace guiche::web {

std::string subscription_token(const http::Request& r) {
  return anonymous_form_token(r, kSubscriptionCookie);
}

void set_subscription_cookie(WebContext& ctx, http::Response& response, const std::string& token) {
  set_anonymous_form_cookie(ctx, response, kSubscriptionCookie, "/status", token);
}

bool subscription_csrf_ok(const http::Request& r, const Form& form) {
  return anonymous_form_ok(r, form, kSubscriptionCookie);
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
