// The requester's own requests: the confirmation right after sending
// (/chamados/{protocol}/registrado), Minha Área (/minha-area) and a request's
// page with its public timeline and the form as sent (/chamados/{protocol}).
#include <regex>

#include "web/page.hpp"
#include "web/page_routes.hpp"

namespace guiche::web {
namespace {

std::string deadline_text(WebContext& ctx, const Ticket& t) {
  if (t.category == Category::project || !t.estimated_deadline) return "a combinar";
  return format_local(ctx, *t.estimated_deadline);
}

std::string text_of(const nlohmann::json& data, const char* key) {
  return data.contains(key) && data[key].is_string() ? data[key].get<std::string>() : "";
}

// What the requester reads for each public event; nullopt: not shown.
std::optional<nlohmann::json> timeline_item(const TicketEvent& e) {
  std::string what;
  std::string detail;
  switch (e.kind) {
    case EventKind::created:
      what = "Solicitação registrada";
      break;
    case EventKind::triaged:
      what = "Solicitação analisada pela central";
      break;
    case EventKind::routed:
      what = "Encaminhada à equipe responsável";
      break;
    case EventKind::assigned:
      what = "Atribuída a um atendente";
      break;
    case EventKind::status_changed: {
      auto to = parse_status(text_of(e.data, "to"));
      what = "Situação: " + std::string(to ? status_label_pt(*to) : "alterada");
      detail = text_of(e.data, "reason");
      break;
    }
    case EventKind::public_reply:
      what = "Mensagem";
      detail = text_of(e.data, "text");
      break;
    case EventKind::attachment_added:
      what = "Anexo adicionado";
      detail = text_of(e.data, "filename");
      break;
    case EventKind::resolved:
      what = "Resolvida";
      detail = text_of(e.data, "resolution");
      break;
    case EventKind::evaluated:
      what = "Atendimento avaliado";
      break;
    case EventKind::reopened:
      what = "Reaberta";
      detail = text_of(e.data, "reason");
      break;
    case EventKind::closed:
      what = "Fechada";
      break;
    case EventKind::cancelled:
      what = "Cancelada";
      detail = text_of(e.data, "reason");
      break;
    default:
      return std::nullopt;
  }
  return nlohmann::json{{"o_que", what}, {"detalhe", detail}, {"quando_iso", format_utc(e.at)}};
}

std::string service_name(WebContext& ctx, const Visitor& v, std::int64_t id,
                         std::vector<FormField>* form) {
  for (const auto& s : ctx.desk.services(v.actor)) {
    if (s.id != id) continue;
    if (form) *form = s.form;
    return s.code + " — " + s.name;
  }
  return "";
}

std::string answer_text(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "Sim" : "Não";
  return value.dump();
}

http::Response registered(WebContext& ctx, const http::Request& r) {
  const auto v = require_visitor(ctx, r);
  const auto t = ctx.desk.ticket_by_protocol(v.actor, r.params.at("protocol"));
  nlohmann::json view = {{"protocolo", t.protocol},
                         {"prazo", deadline_text(ctx, t)},
                         {"url", "/chamados/" + url_encode(t.protocol)},
                         {"anexos_recusados", r.query_value("anexos") == "recusados"}};
  return page(ctx, v, 200, "registrado", "Solicitação registrada", view);
}

http::Response my_area(WebContext& ctx, const http::Request& r) {
  const auto v = require_visitor(ctx, r);
  auto q = r.query_value("protocolo").value_or("");
  q.erase(0, q.find_first_not_of(' '));
  q.erase(q.find_last_not_of(' ') + 1);
  std::vector<Ticket> tickets;
  std::string error;
  if (q.empty()) {
    store::TicketFilter filter;
    filter.requester_id = v.actor.id();
    tickets = ctx.desk.list_tickets(v.actor, filter).tickets;
  } else if (std::regex_match(q, std::regex("[0-9]{4}-[0-9]{1,6}"))) {
    // A protocol is quoted as AAAA-NNNNNN; a shorter number is padded.
    const auto dash = q.find('-');
    const auto number = q.substr(dash + 1);
    const auto protocol = q.substr(0, dash + 1) + std::string(6 - number.size(), '0') + number;
    try {
      auto t = ctx.desk.ticket_by_protocol(v.actor, protocol);
      if (t.requester_id == v.actor.id()) tickets.push_back(t);
    } catch (const DomainError& e) {
      if (e.kind() != DomainError::Kind::not_found) throw;
    }
  } else {
    error = "Informe o número do protocolo no formato AAAA-NNNNNN, por exemplo 2026-000123.";
  }
  nlohmann::json items = nlohmann::json::array();
  for (const auto& t : tickets) {
    items.push_back({{"protocolo", t.protocol},
                     {"url", "/chamados/" + url_encode(t.protocol)},
                     {"assunto", t.subject},
                     {"situacao", status_label_pt(t.status)},
                     {"aberto", status_is_open(t.status)},
                     {"registrado_em", format_local(ctx, t.created_at)}});
  }
  nlohmann::json view = {{"protocolo", q},
                         {"chamados", items},
                         {"nenhum", items.empty() && error.empty()},
                         {"buscou", !q.empty()}};
  if (!error.empty()) view["erro_protocolo"] = error;
  return page(ctx, v, error.empty() ? 200 : 422, "minha_area", "Minha Área", view);
}

http::Response request_page(WebContext& ctx, const http::Request& r) {
  const auto v = require_visitor(ctx, r);
  const auto t = ctx.desk.ticket_by_protocol(v.actor, r.params.at("protocol"));
  std::vector<FormField> form;
  const auto service = service_name(ctx, v, t.service_id, &form);
  nlohmann::json answers = nlohmann::json::array();
  for (const auto& f : form) {
    if (!t.form_answers.contains(f.key)) continue;
    answers.push_back({{"rotulo", f.label}, {"valor", answer_text(t.form_answers[f.key])}});
  }
  nlohmann::json events = nlohmann::json::array();
  for (const auto& e : ctx.desk.history(v.actor, t.id)) {
    if (!e.is_public) continue;
    if (auto item = timeline_item(e)) {
      (*item)["quando"] = format_local(ctx, e.at);
      events.push_back(*item);
    }
  }
  nlohmann::json view = {{"protocolo", t.protocol},
                         {"assunto", t.subject},
                         {"descricao", t.description},
                         {"servico", service},
                         {"situacao", status_label_pt(t.status)},
                         {"registrado_em", format_local(ctx, t.created_at)},
                         {"prazo", deadline_text(ctx, t)},
                         {"respostas", answers},
                         {"tem_respostas", !answers.empty()},
                         {"eventos", events}};
  return page(ctx, v, 200, "chamado", "Chamado " + t.protocol, view);
}

}  // namespace

void add_request_pages(WebContext& ctx, std::vector<http::Route>& routes) {
  routes.push_back({"GET", "/chamados/:protocol/registrado", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return registered(ctx, r); });
                    }});
  routes.push_back({"GET", "/minha-area", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return my_area(ctx, r); });
                    }});
  routes.push_back({"GET", "/chamados/:protocol", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return request_page(ctx, r); });
                    }});
}

}  // namespace guiche::web
