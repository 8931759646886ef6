// Subscribing to the status page by e-mail (docs/domain.md, "Subscribers"):
// the form's own page and its answer (/status/assinatura), the confirmation
// link's page (/status/assinatura/confirmar?token=…) and the unsubscribe
// link's (/status/assinatura/cancelar?token=…). No sign-in, no JavaScript.
//
// A link's GET only shows what it would do and a button: mail scanners and
// link previews follow links, and must neither confirm a subscription that
// someone else asked for nor cancel one. The button POSTs. The unsubscribe
// POST needs no CSRF token: it is also RFC 8058's one-click, posted by mail
// clients with no page in between ("List-Unsubscribe=One-Click"); the
// token in the link is the authority, and all it can do is unsubscribe.
#include "app/incidents/status_subscriptions.hpp"
#include "web/page.hpp"
#include "web/page_routes.hpp"
#include "web/status/subscription_form.hpp"

namespace guiche::web {
namespace {

std::string joined(WebContext& ctx, const app::SubscriptionView& s) {
  if (s.all) return text(ctx, "status.assinatura.todos_componentes");
  std::string out;
  for (const auto& name : s.component_names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

std::string token_of(const http::Request& r, const Form* form = nullptr) {
  if (auto t = r.query_value("token")) return *t;
  return form ? form->value("token") : "";
}

// One of the link pages: `mode` is the section the template shows.
http::Response link_page(WebContext& ctx, const http::Request& r, int status,
                         const std::string& mode, nlohmann::json view) {
  view[mode] = true;
  return page(ctx, current_visitor(ctx, r), status, "status_assinatura", "status.assinatura.titulo",
              std::move(view));
}

// A bad link: unknown or used (404), expired (410), in pt-BR.
http::Response refused_link(WebContext& ctx, const http::Request& r, const DomainError& e) {
  const int status = e.kind() == DomainError::Kind::conflict ? 410 : 404;
  if (e.kind() != DomainError::Kind::conflict && e.kind() != DomainError::Kind::not_found) throw;
  return link_page(ctx, r, status, "recusado", {{"erro", e.what()}});
}

http::Response form_page(WebContext& ctx, const http::Request& r, int status,
                         const std::string& token, const Form* sent,
                         const std::map<std::string, std::string>& errors) {
  nlohmann::json view = {{"assinatura", subscription_form(ctx, token, sent, errors)}};
  auto response = page(ctx, current_visitor(ctx, r), status, "status_assinar",
                       "status.assinatura.titulo", std::move(view));
  set_subscription_cookie(ctx, response, token);
  return response;
}

http::Response subscribe(WebContext& ctx, const http::Request& r) {
  const Form form = read_form(r);
  if (!subscription_csrf_ok(r, form)) {
    return form_page(ctx, r, 403, random_token(), &form,
                     {{"geral", text(ctx, "status.assinatura.expirou")}});
  }
  app::SubscriptionRequest request;
  request.email = form.value("email");
  request.all = !form.value("todos").empty();
  for (const auto& [name, value] : form.fields) {
    if (name.rfind("componente_", 0) != 0 || value.empty()) continue;
    try {
      request.component_ids.push_back(std::stoll(name.substr(11)));
    } catch (const std::exception&) {
      request.component_ids.push_back(-1);  // refused below as an unknown component
    }
  }
  request.client_ip = r.remote_address;
  const auto token = form.value("csrf");
  try {
    ctx.desk.status_subscriptions().request(request);
  } catch (const DomainError& e) {
    if (e.kind() == DomainError::Kind::rate_limited) {
      return form_page(ctx, r, 429, token, &form, {{"geral", e.what()}});
    }
    if (e.kind() != DomainError::Kind::validation) throw;
    return form_page(ctx, r, 422, token, &form,
                     field_errors(e, {{"email", "email"}, {"component_ids", "componentes"}}));
  }
  // The same answer whatever the address's state: the form tells no one who subscribes.
  return link_page(ctx, r, 200, "pedida", {{"email", request.email}});
}

http::Response confirmation_page(WebContext& ctx, const http::Request& r) {
  const auto token = token_of(r);
  try {
    const auto s = ctx.desk.status_subscriptions().confirmation(token);
    return link_page(ctx, r, 200, "confirmar",
                     {{"token", token}, {"email", s.address}, {"componentes", joined(ctx, s)}});
  } catch (const DomainError& e) {
    return refused_link(ctx, r, e);
  }
}

http::Response confirm(WebContext& ctx, const http::Request& r) {
  const Form form = read_form(r);
  try {
    const auto s = ctx.desk.status_subscriptions().confirm(token_of(r, &form));
    return link_page(ctx, r, 200, "confirmada",
                     {{"email", s.address}, {"componentes", joined(ctx, s)}});
  } catch (const DomainError& e) {
    return refused_link(ctx, r, e);
  }
}

http::Response unsubscribe_page(WebContext& ctx, const http::Request& r) {
  const auto token = token_of(r);
  try {
    const auto s = ctx.desk.status_subscriptions().subscription(token);
    if (s.state == SubscriberState::unsubscribed) {
      return link_page(ctx, r, 200, "cancelada", {{"email", s.address}});
    }
    return link_page(ctx, r, 200, "cancelar",
                     {{"token", token}, {"email", s.address}, {"componentes", joined(ctx, s)}});
  } catch (const DomainError& e) {
    return refused_link(ctx, r, e);
  }
}

http::Response unsubscribe(WebContext& ctx, const http::Request& r) {
  const Form form = read_form(r);
  try {
    const auto s = ctx.desk.status_subscriptions().unsubscribe(token_of(r, &form));
    return link_page(ctx, r, 200, "cancelada", {{"email", s.address}});
  } catch (const DomainError& e) {
    return refused_link(ctx, r, e);
  }
}

}  // namespace

void add_status_subscription_pages(WebContext& ctx, std::vector<http::Route>& routes) {
  routes.push_back({"GET", "/status/assinatura", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] {
                        return form_page(ctx, r, 200, subscription_token(r), nullptr, {});
                      });
                    }});
  routes.push_back({"POST", "/status/assinatura", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return subscribe(ctx, r); });
                    }});
  routes.push_back({"GET", "/status/assinatura/confirmar", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return confirmation_page(ctx, r); });
                    }});
  routes.push_back({"POST", "/status/assinatura/confirmar", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return confirm(ctx, r); });
                    }});
  routes.push_back({"GET", "/status/assinatura/cancelar", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return unsubscribe_page(ctx, r); });
                    }});
  routes.push_back({"POST", "/status/assinatura/cancelar", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return unsubscribe(ctx, r); });
                    }});
}

}  // namespace guiche::web
