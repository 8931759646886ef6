// The forms of a request's page, each a thin call into the desk: answer
// (text and files; it resumes a request pending with the requester), add
// files, evaluate (1–5 stars and a comment), ask to reopen and cancel (while
// the request waits for triage). A success
// redirects back to the page (POST/redirect/GET); a refusal renders the page
// again with what was typed and the desk's message next to the field.
#include "api/problem.hpp"
#include "app/attachments/attachments.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "app/tickets/ticket_work.hpp"
#include "web/page_routes.hpp"
#include "web/portal/request_pages.hpp"
#include "web/request_view.hpp"

namespace guiche::web {
namespace {

// What the desk said, keyed by the form's field names; a message that names
// no field of the form (a conflict, a refused file type) goes next to `main`.
std::map<std::string, std::string> errors_for(const DomainError& e,
                                              const std::map<std::string, std::string>& rename,
                                              const std::string& main) {
  auto errors = field_errors(e, rename);
  if (auto general = errors.find("_geral"); general != errors.end()) {
    auto& text = errors[main];
    text += (text.empty() ? "" : " ") + general->second;
    errors.erase("_geral");
  }
  return errors;
}

// Runs one form's use case. Errors a visitor can fix come back on the page;
// the rest (unknown request, not theirs) are guarded_page's to show.
http::Response act(
    WebContext& ctx, const http::Request& r, const std::string& name,
    const std::map<std::string, std::string>& rename, const std::string& main,
    const std::function<std::string(const Visitor&, const Ticket&, const Form&)>& use) {
  const auto v = require_visitor(ctx, r);
  const Form form = read_form(r);
  check_csrf(v, form);
  const auto protocol = r.params.at("protocol");
  const auto ticket = ctx.desk.tickets().ticket_by_protocol(v.actor, protocol);
  try {
    return see_other(use(v, ticket, form));
  } catch (const DomainError& e) {
    switch (e.kind()) {
      case DomainError::Kind::not_found:
      case DomainError::Kind::forbidden:
      case DomainError::Kind::unauthenticated:
      case DomainError::Kind::rate_limited:
        throw;
      default:
        return request_page(ctx, v, protocol, SentForm{name, form, errors_for(e, rename, main)},
                            api::status_of(e.kind()));
    }
  }
}

std::vector<app::NewAttachment> files_of(const Form& form) {
  std::vector<app::NewAttachment> files;
  for (const auto& part : form.files) files.push_back({*part.filename, part.bytes});
  return files;
}

std::string answer(WebContext& ctx, const Visitor& v, const Ticket& t, const Form& form) {
  ctx.desk.work().reply(v.actor, t.id, form.value("texto"));
  auto back = ticket_path(t.protocol) + "?feito=resposta";
  if (!form.files.empty()) {
    // The answer is kept whatever happens to its files; the page says they
    // must be sent again.
    try {
      ctx.desk.attachments().attach_all(v.actor, t.id, files_of(form));
    } catch (const DomainError& e) {
      if (e.kind() == DomainError::Kind::not_found || e.kind() == DomainError::Kind::forbidden)
        throw;
      back += "&anexos=recusados";
    }
  }
  return back + "#status";
}

int rating_of(const std::string& value) {
  // Anything but 1..5 is 0, which the desk refuses with its own message.
  return value.size() == 1 && value[0] >= '1' && value[0] <= '5' ? value[0] - '0' : 0;
}

}  // namespace

void add_request_actions(WebContext& ctx, std::vector<http::Route>& routes) {
  auto post = [&](const char* suffix, std::function<http::Response(const http::Request&)> f) {
    routes.push_back(
        {"POST", std::string("/chamados/:protocol/") + suffix,
         [&ctx, f](const http::Request& r) { return guarded_page(ctx, r, [&] { return f(r); }); }});
  };
  post("resposta", [&ctx](const http::Request& r) {
    return act(ctx, r, "resposta", {{"text", "texto"}}, "texto",
               [&](const Visitor& v, const Ticket& t, const Form& form) {
                 return answer(ctx, v, t, form);
               });
  });
  post("arquivos", [&ctx](const http::Request& r) {
    return act(ctx, r, "arquivos", {{"file", "anexos"}, {"filename", "anexos"}}, "anexos",
               [&](const Visitor& v, const Ticket& t, const Form& form) {
                 ctx.desk.attachments().attach_all(v.actor, t.id, files_of(form));
                 return ticket_path(t.protocol) + "?feito=arquivos#status";
               });
  });
  post("avaliacao", [&ctx](const http::Request& r) {
    return act(ctx, r, "avaliacao", {{"rating", "nota"}, {"comment", "comentario"}}, "nota",
               [&](const Visitor& v, const Ticket& t, const Form& form) {
                 ctx.desk.work().evaluate(v.actor, t.id, rating_of(form.value("nota")),
                                          form.value("comentario"));
                 return ticket_path(t.protocol) + "?feito=avaliacao#status";
               });
  });
  post("cancelamento", [&ctx](const http::Request& r) {
    return act(ctx, r, "cancelamento", {{"reason", "motivo"}}, "motivo",
               [&](const Visitor& v, const Ticket& t, const Form& form) {
                 ctx.desk.work().cancel(v.actor, t.id, form.value("motivo"));
                 return ticket_path(t.protocol) + "?feito=cancelamento#status";
               });
  });
  post("reabertura", [&ctx](const http::Request& r) {
    return act(ctx, r, "reabertura", {{"reason", "motivo"}}, "motivo",
               [&](const Visitor& v, const Ticket& t, const Form& form) {
                 ctx.desk.work().reopen(v.actor, t.id, form.value("motivo"));
                 return ticket_path(t.protocol) + "?feito=reabertura#status";
               });
  });
}

}  // namespace guiche::web
