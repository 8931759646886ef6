#include "web/agent/agent_ticket_view.hpp"
#include "web/agent/agent_ticket_merge_view.hpp"

#include "app/attachments/attachments.hpp"
#include "app/calendars/calendars.hpp"
#include "app/directory/directory.hpp"
#include "app/incidents/notice_tickets.hpp"
#include "app/tickets/ticket_following.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "app/tickets/ticket_work.hpp"
#include "web/access_reads.hpp"
#include "web/agent/agent_answers_view.hpp"
#include "web/agent/agent_custody_view.hpp"
#include "web/agent/agent_ticket_side.hpp"
#include "web/agent/agent_whatsapp_view.hpp"
#include "web/date_input.hpp"
#include "web/knowledge/knowledge_view.hpp"
#include "web/ouvidoria/manifestation_view.hpp"

#include <algorithm>

namespace guiche::web {
namespace {

std::string text_of(const nlohmann::json& data, const char* key) {
  return data.contains(key) && data[key].is_string() ? data[key].get<std::string>() : "";
}

std::string name_or_empty(WebContext& ctx, const Visitor& v, std::optional<std::int64_t> id) {
  if (!id) return "";
  try {
    return ctx.desk.directory().person(v.actor, *id).name;
  } catch (const DomainError&) {
    return "";
  }
}

// One entry of the agent's timeline: every event, internal ones marked.
nlohmann::json event_view(WebContext& ctx, const Visitor& v, const TicketEvent& e,
                          std::map<std::int64_t, std::string>& names) {
  std::string detail;
  switch (e.kind) {
    case EventKind::status_changed: {
      auto to = parse_status(text_of(e.data, "to"));
      detail = (to ? status_text(ctx, *to) : "") +
               (text_of(e.data, "reason").empty() ? "" : " — " + text_of(e.data, "reason"));
      break;
    }
    case EventKind::public_reply:
    case EventKind::internal_note:
      detail = text_of(e.data, "text");
      if (e.data.contains("mentions_skipped")) {
        std::string skipped;
        for (const auto& login : e.data["mentions_skipped"])
          skipped += (skipped.empty() ? "@" : ", @") + login.get<std::string>();
        detail += "\n\n" + fill(text(ctx, "uniao.mencao_nao_notificada"), skipped);
      }
      break;
    case EventKind::resolved:
      detail = text_of(e.data, "resolution") + " (" +
               duration_text(std::chrono::minutes(e.data.value("time_spent_minutes", 0))) + ")";
      break;
    case EventKind::time_logged:
      detail = duration_text(std::chrono::minutes(e.data.value("minutes", 0))) +
               (text_of(e.data, "note").empty() ? "" : " — " + text_of(e.data, "note"));
      break;
    case EventKind::routed:
      detail = text_of(e.data, "unit_code") +
               (text_of(e.data, "note").empty() ? "" : " — " + text_of(e.data, "note"));
      break;
    case EventKind::linked:
      detail = text(ctx, "agente.vinculo_" + text_of(e.data, "link")) + " " +
               text_of(e.data, "other_protocol");
      break;
    case EventKind::attachment_added:
    case EventKind::attachment_released:
      detail = text_of(e.data, "filename");
      break;
    case EventKind::attachment_held:
      detail = text_of(e.data, "filename") + " — " + text_of(e.data, "reason");
      break;
    case EventKind::reopened:
    case EventKind::cancelled:
      detail = text_of(e.data, "reason");
      break;
    case EventKind::merged:
      detail = fill(text(ctx, "uniao.evento_unido_a"), text_of(e.data, "into_protocol")) +
               (text_of(e.data, "note").empty() ? "" : " — " + text_of(e.data, "note"));
      break;
    case EventKind::merge_received: {
      std::string protocols;
      for (const auto& from : e.data.value("from", nlohmann::json::array()))
        protocols += (protocols.empty() ? "" : ", ") + from.value("protocol", std::string());
      detail = fill(text(ctx, "uniao.evento_recebido"), protocols);
      break;
    }
    case EventKind::merge_undone:
      detail = fill(text(ctx, "uniao.evento_desfeito"), text_of(e.data, "other_protocol"));
      break;
    case EventKind::sla_warning:
      detail = text(ctx, "agente.alerta_" + text_of(e.data, "level"));
      break;
    case EventKind::notice_linked:
    case EventKind::notice_unlinked:
      detail = text_of(e.data, "notice_title");
      break;
    case EventKind::equipment_entered:
    case EventKind::equipment_maintained:
    case EventKind::equipment_returned:
      detail = custody_event_detail(e);
      break;
    case EventKind::macro_applied:
      detail = text_of(e.data, "macro_name");
      break;
    default:
      break;
  }
  std::string who = text(ctx, "agente.sistema");
  if (e.actor_id) {
    auto it = names.find(*e.actor_id);
    if (it == names.end()) it = names.emplace(*e.actor_id, name_or_empty(ctx, v, e.actor_id)).first;
    who = it->second;
  }
  const bool file = e.kind == EventKind::attachment_added && e.data.contains("attachment_id");
  return {{"o_que", text(ctx, "agente.evento_" + std::string(event_kind_code(e.kind)))},
          {"quem", who},
          {"quando", format_local(ctx, e.at)},
          {"quando_iso", format_utc(e.at)},
          {"detalhe", detail},
          {"tem_detalhe", !detail.empty()},
          {"interno", !e.is_public},
          {"nota", e.kind == EventKind::internal_note},
          {"mensagem", e.kind == EventKind::public_reply || e.kind == EventKind::internal_note},
          {"seq", e.seq},
          {"desmembravel", e.kind == EventKind::public_reply},
          {"arquivo_url",
           file ? "/api/v1/attachments/" + std::to_string(e.data.value("attachment_id", 0LL)) : ""},
          {"tem_arquivo", file}};
}

// The section "Arquivos retidos": files the desk's policy did not accept,
// kept apart with the reason (app/attachments/attachment_policy.hpp); admins
// may download and release each.
nlohmann::json held_view(WebContext& ctx, const Visitor& v, const Ticket& t) {
  nlohmann::json items = nlohmann::json::array();
  const bool admin = v.actor.person.has_role(Role::admin);
  for (const auto& a : ctx.desk.attachments().attachments(v.actor, t.id)) {
    if (!a.held()) continue;
    items.push_back({{"id", std::to_string(a.id)},
                     {"nome", a.filename},
                     {"tipo", a.content_type},
                     {"tamanho", size_text(a.size_bytes)},
                     {"motivo", a.held_reason},
                     {"interno", !a.is_public},
                     {"url", "/api/v1/attachments/" + std::to_string(a.id)}});
  }
  return {{"mostrar", !items.empty()}, {"itens", items}, {"pode_liberar", admin}};
}

// The section "Comunicado de incidente": the notices the ticket is linked
// to (each to its public page once published), and the open ones it may be
// linked to (app/incidents/notice_tickets.hpp).
nlohmann::json notices_view(WebContext& ctx, const Visitor& v, const Ticket& t) {
  nlohmann::json linked = nlohmann::json::array();
  std::vector<std::int64_t> linked_ids;
  for (const auto& n : ctx.desk.notice_tickets().ticket_notices(v.actor, t.id)) {
    linked_ids.push_back(n.id);
    linked.push_back(
        {{"id", std::to_string(n.id)},
         {"titulo", n.title},
         {"situacao", text(ctx, "status.estado." + std::string(notice_state_code(n.state)))},
         {"publicado", n.public_state.has_value()},
         {"url", "/status/comunicados/" + std::to_string(n.id)}});
  }
  nlohmann::json open = nlohmann::json::array();
  for (const auto& n : ctx.desk.notice_tickets().linkable_notices(v.actor)) {
    if (std::find(linked_ids.begin(), linked_ids.end(), n.id) != linked_ids.end()) continue;
    open.push_back(
        {{"id", std::to_string(n.id)},
         {"nome", "#" + std::to_string(n.id) + " — " + n.title + " (" +
                      text(ctx, "status.estado." + std::string(notice_state_code(n.state))) +
                      ")"}});
  }
  return {{"vinculados", linked},
          {"tem_vinculados", !linked.empty()},
          {"abertos", open},
          {"tem_abertos", !open.empty()}};
}

nlohmann::json sla_view(WebContext& ctx, const Visitor& v, const Ticket& t, Instant now) {
  const auto timeline = ctx.desk.tickets().ticket_sla(v.actor, t.id);
  nlohmann::json view = {{"aplica", timeline.applies},        {"sem_ans", timeline.not_applied},
                         {"politica", timeline.policy_label}, {"severidade", timeline.severity},
                         {"motivo", timeline.reason},         {"calendario", timeline.calendar}};
  nlohmann::json targets = nlohmann::json::array();
  for (const auto& c : timeline.targets) {
    nlohmann::json pauses = nlohmann::json::array();
    for (const auto& p : c.pauses) {
      pauses.push_back({{"de", format_local(ctx, p.from)},
                        {"ate", p.until ? format_local(ctx, *p.until) : text(ctx, "agente.agora")},
                        {"motivo", p.reason}});
    }
    nlohmann::json closed = nlohmann::json::array();
    for (const auto& d : c.closed_days) {
      closed.push_back(
          {{"dia", format_date_input(std::chrono::year_month_day{d.day})}, {"nome", d.name}});
    }
    std::string remaining = text(ctx, "agente.pausado");
    if (c.state == sla::ClockState::running) {
      remaining = remaining_text(ctx, c.deadline,
                                 app::time_left(ctx.desk.calendars().book(), timeline.calendar,
                                                c.duration.unit, c.deadline, now),
                                 now);
    }
    if (c.state == sla::ClockState::met) remaining = text(ctx, "agente.cumprido");
    if (c.state == sla::ClockState::breached) remaining = text(ctx, "agente.descumprido");
    if (c.state == sla::ClockState::stopped) remaining = text(ctx, "agente.parado");
    targets.push_back({{"alvo", sla::target_label_pt(c.target)},
                       {"inicio", format_local(ctx, c.started)},
                       {"prazo", format_local(ctx, c.deadline)},
                       {"prazo_iso", format_utc(c.deadline)},
                       {"orcamento", duration_text(c.budget)},
                       {"decorrido", duration_text(c.elapsed)},
                       {"restante", remaining},
                       {"vencido", c.breached},
                       {"pausas", pauses},
                       {"tem_pausas", !pauses.empty()},
                       {"fechados", closed},
                       {"tem_fechados", !closed.empty()}});
  }
  view["alvos"] = targets;
  return view;
}

constexpr const char* kOrderCookie = "ordem_conversa";

// How many of the latest events the conversation shows before "show the
// earlier ones" (the page's weight budget holds with 100 messages).
constexpr std::size_t kShownEvents = 100;

// The order "?ordem=" names, if it names one.
std::optional<bool> order_asked(const http::Request& r) {
  const auto asked = r.query_value("ordem").value_or("");
  if (asked == "recentes") return true;
  if (asked == "antigas") return false;
  return std::nullopt;
}

// The kind of message the reply box has chosen: the one sent back with an
// error, else a public reply.
std::string message_kind(const std::string& form, const Form& sent) {
  const auto kind = sent.value("tipo");
  if (form == "mensagem" && (kind == "pergunta" || kind == "interna")) return kind;
  return "publica";
}

}  // namespace

TicketPageRequest ticket_page_request(const http::Request& r) {
  TicketPageRequest how;
  how.newest_first = order_asked(r).value_or(r.cookie(kOrderCookie).value_or("") == "recentes");
  how.fragment = from_htmx(r);
  how.whole_history = r.query_value("historico").value_or("") == "tudo";
  return how;
}

void remember_order(WebContext& ctx, const http::Request& r, http::Response& response) {
  const auto asked = order_asked(r);
  if (!asked) return;
  std::string cookie = std::string(kOrderCookie) + "=" + (*asked ? "recentes" : "antigas") +
                       "; Path=/atendimento; SameSite=Lax; Max-Age=31536000; HttpOnly";
  if (ctx.secure_cookies) cookie += "; Secure";
  response.headers.emplace_back("Set-Cookie", cookie);
}

http::Response agent_ticket_page(WebContext& ctx, const Visitor& v, const std::string& protocol,
                                 const std::string& form, const Form& sent,
                                 const std::map<std::string, std::string>& errors, int status,
                                 const std::string& notice, const TicketPageRequest& how) {
  const auto t = ctx.desk.tickets().ticket_by_protocol(v.actor, protocol);
  // The page shows the requester's data too: one ticket read for the log.
  note_page_read(ctx, v, t.requester_id, "ticket", t.id);
  // Seen now: the queue's mark of a requester's reply goes away.
  ctx.desk.tickets().note_seen(v.actor, t);
  ctx.desk.following().mark_read(v.actor, t.id);  // its notifications, read by opening it
  const Instant now = ctx.desk.now();
  nlohmann::json services = nlohmann::json::array();
  std::string service_label;
  for (const auto& s : ctx.desk.directory().services(v.actor)) {
    if (s.id == t.service_id) service_label = s.code + " — " + s.name;
    if (!s.active) continue;
    services.push_back(
        {{"codigo", s.code}, {"nome", s.code + " — " + s.name}, {"marcado", s.id == t.service_id}});
  }
  nlohmann::json categories = nlohmann::json::array();
  for (auto c : {Category::technical_consultation, Category::defect_with_stoppage,
                 Category::defect_without_stoppage, Category::service_request, Category::incident,
                 Category::project}) {
    categories.push_back({{"codigo", std::string(category_code(c))},
                          {"nome", category_text(ctx, c)},
                          {"orientacao", std::string(category_guidance_pt(c))},
                          {"marcada", c == t.category}});
  }
  auto scale = [&](int current) {
    nlohmann::json out = nlohmann::json::array();
    for (int i = 1; i <= 3; ++i) {
      out.push_back({{"valor", std::to_string(i)},
                     {"nome", text(ctx, "agente.nivel_" + std::to_string(i))},
                     {"marcado", i == current}});
    }
    return out;
  };
  nlohmann::json units = nlohmann::json::array();
  std::string unit_label;
  for (const auto& u : ctx.desk.directory().units(v.actor)) {
    if (t.unit_id == u.id) unit_label = u.code + " — " + u.name;
    units.push_back({{"id", std::to_string(u.id)},
                     {"nome", u.code + " — " + u.name},
                     {"marcada", t.unit_id == u.id}});
  }
  // The unit's members, for those who may give the ticket to someone else;
  // the one sent back with an error is chosen again, else the current one.
  nlohmann::json members = nlohmann::json::array();
  if (t.unit_id && status_is_open(t.status) &&
      ctx.desk.work().may_assign_others(v.actor, *t.unit_id)) {
    const auto people = ctx.desk.directory().unit_members(v.actor, *t.unit_id);
    std::string chosen = sent.value("pessoa");
    if (std::none_of(people.begin(), people.end(),
                     [&](const Person& p) { return std::to_string(p.id) == chosen; })) {
      chosen = t.assignee_id ? std::to_string(*t.assignee_id) : "";
    }
    for (const auto& p : people) {
      const auto id = std::to_string(p.id);
      members.push_back({{"id", id}, {"nome", p.name}, {"marcado", chosen == id}});
    }
  }
  nlohmann::json statuses = nlohmann::json::array();
  for (auto s : {Status::assigned, Status::in_progress, Status::pending_requester,
                 Status::pending_third_party}) {
    if (s == t.status || !may_transition(t.status, s, Side::agent)) continue;
    statuses.push_back({{"codigo", std::string(status_code(s))}, {"nome", status_text(ctx, s)}});
  }
  nlohmann::json links = nlohmann::json::array();
  std::map<std::int64_t, std::string> names;
  nlohmann::json events = nlohmann::json::array();
  const auto history = ctx.desk.tickets().history(v.actor, t.id);
  // A long history shows its latest events, the rest a link away: the page
  // keeps its weight and its time whatever the ticket's age.
  const std::size_t hidden =
      how.whole_history || history.size() <= kShownEvents ? 0 : history.size() - kShownEvents;
  for (std::size_t i = 0; i < history.size(); ++i) {
    const auto& e = history[i];
    if (e.kind == EventKind::linked) {
      links.push_back({{"tipo", text(ctx, "agente.vinculo_" + text_of(e.data, "link"))},
                       {"protocolo", text_of(e.data, "other_protocol")},
                       {"url", agent_ticket_url(text_of(e.data, "other_protocol"))}});
    }
    if (i >= hidden) events.push_back(event_view(ctx, v, e, names));
  }
  // The agent's chosen order; the history comes oldest first.
  if (how.newest_first) std::reverse(events.begin(), events.end());
  std::string organization;
  if (t.organization_id) {
    try {
      const auto o = ctx.desk.directory().organization(v.actor, *t.organization_id);
      organization = o.acronym.empty() ? o.name : o.acronym + " — " + o.name;
    } catch (const DomainError&) {
    }
  }
  const auto requester = ctx.desk.directory().person(v.actor, t.requester_id);
  nlohmann::json errors_view = nlohmann::json::object();
  for (const auto& [field, message] : errors) errors_view[field] = message;
  nlohmann::json sent_view = nlohmann::json::object();
  for (const auto& [field, value] : sent.fields) {
    if (field != "csrf") sent_view[field] = value;
  }
  nlohmann::json priorities = nlohmann::json::array();
  for (int impact = 1; impact <= 3; ++impact) {
    nlohmann::json row = {{"impacto", text(ctx, "agente.nivel_" + std::to_string(impact))}};
    nlohmann::json cells = nlohmann::json::array();
    for (int urgency = 1; urgency <= 3; ++urgency) {
      cells.push_back({{"valor", priority_from(impact, urgency)},
                       {"impacto", impact},
                       {"urgencia", urgency},
                       {"atual", impact == t.impact && urgency == t.urgency}});
    }
    row["celulas"] = cells;
    priorities.push_back(row);
  }
  nlohmann::json view = {
      {"protocolo", t.protocol},
      {"acao", agent_ticket_url(t.protocol)},
      {"assunto", t.subject},
      {"descricao", t.description},
      {"situacao", agent_status_text(ctx, t)},
      {"situacao_codigo", std::string(status_code(t.status))},
      {"prioridade", t.priority},
      {"severidade", severity_name(ctx, v, t.priority)},
      {"registrado", format_local(ctx, t.created_at)},
      {"registrado_iso", format_utc(t.created_at)},
      {"servico", service_label},
      {"categoria", category_text(ctx, t.category)},
      {"solicitante", requester.name},
      {"solicitante_email", requester.emails.empty() ? "" : requester.emails.front()},
      {"orgao", organization},
      {"unidade", unit_label},
      {"responsavel", name_or_empty(ctx, v, t.assignee_id)},
      {"pode_assumir", t.assignee_id != v.actor.id() && ctx.desk.work().may_take(v.actor, t)},
      {"canal", text(ctx, "agente.canal_" + std::string(channel_code(t.channel)))},
      {"fora_do_publico", !t.audience_admitted},
      {"motivo_publico", t.audience_reason},
      {"aberto", status_is_open(t.status)},
      {"pode_resolver", may_transition(t.status, Status::resolved, Side::agent)},
      {"servicos", services},
      {"categorias", categories},
      {"impactos", scale(t.impact)},
      {"urgencias", scale(t.urgency)},
      {"matriz", priorities},
      {"unidades", units},
      {"membros", members},
      {"tem_membros", !members.empty()},
      {"situacoes", statuses},
      {"tem_situacoes", !statuses.empty()},
      {"vinculos", links},
      {"tem_vinculos", !links.empty()},
      {"comunicados", notices_view(ctx, v, t)},
      {"uniao", merge_view(ctx, v, t)},
      {"artigos", ticket_articles_view(ctx, v, t)},
      {"retidos", held_view(ctx, v, t)},
      {"whatsapp", whatsapp_view(ctx, v, t, requester.name)},
      {"canal_resposta", reply_channel_view(ctx, t, requester)},
      {"outros", other_tickets_view(ctx, v, t)},
      {"recentes_primeiro", how.newest_first},
      {"anteriores", hidden > 0},
      {"anteriores_texto", fill(text(ctx, "agente.anteriores"), std::to_string(hidden))},
      {"url_tudo", agent_ticket_url(t.protocol) + "?historico=tudo#conversa"},
      {"tipo_" + message_kind(form, sent), true},
      {"equipamento", custody_view(ctx, v, t, requester)},
      {"manifestacoes", linked_manifestations_view(ctx, v, t)},
      {"eventos", events},
      {"tempo_total", duration_text(std::chrono::minutes(t.time_spent_minutes))},
      {"ans", sla_view(ctx, v, t, now)},
      {"erros", errors_view},
      {"tem_erros", !errors.empty()},
      {"enviado", sent_view},
      {"aviso", notice},
      {"tem_aviso", !notice.empty()},
      {"formulario_" + (form.empty() ? std::string("nenhum") : form), true}};
  // Mustache counts an empty string as present: sections test these flags.
  for (const char* key : {"solicitante_email", "orgao", "unidade", "responsavel", "severidade"}) {
    view[std::string("tem_") + key] = !view[key].get<std::string>().empty();
  }
  // The answer tools (issue 19, item 2): respostas, solucoes, macros; the
  // picker's words come as "busca" (agent_ticket_pages.cpp).
  view.update(answers_view(ctx, v, t, sent.value("busca")));
  if (how.fragment) return fragment(ctx, v, status, "_agente_chamado", view);
  return page(ctx, v, status, "agente_chamado", "agente.chamado_titulo", view);
}

}  // namespace guiche::web
