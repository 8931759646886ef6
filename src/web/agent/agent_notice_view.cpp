#include "web/agent/agent_notice_view.hpp"

#include "app/incidents/notice_time.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "web/agent/agent_common.hpp"
#include "web/message_paragraphs.hpp"
#include "web/request_view.hpp"

namespace guiche::web {
namespace {

// A text shown only when there is one: mustache's sections take an empty
// string as true, and a missing key would be looked up in the view around it.
nlohmann::json optional(const std::string& value) {
  return value.empty() ? nlohmann::json(nullptr) : nlohmann::json(value);
}

std::string state_text(WebContext& ctx, NoticeState s) {
  return text(ctx, "comunicados.estado." + std::string(notice_state_code(s)));
}

std::string action_text(WebContext& ctx, NoticeAction a) {
  return text(ctx, "comunicados.acao." + std::string(notice_action_code(a)));
}

std::string component_names(const app::NoticeView& n) {
  std::string names;
  for (const auto& c : n.components) names += (names.empty() ? "" : ", ") + c.name;
  return names;
}

std::string person_name(WebContext& ctx, const app::NoticeView& n, std::optional<std::int64_t> id) {
  if (!id) return text(ctx, "comunicados.monitoramento");
  auto it = n.people.find(*id);
  return it == n.people.end() ? "—" : it->second;
}

nlohmann::json event_view(WebContext& ctx, const app::NoticeView& n, const NoticeEvent& e) {
  nlohmann::json view = {
      {"quando", format_local(ctx, e.at)},
      {"quando_iso", format_utc(e.at)},
      {"acao", text(ctx, "comunicados.feito." + std::string(notice_action_code(e.action)))},
      {"quem", person_name(ctx, n, e.actor_id)},
      {"canal", text(ctx, "comunicados.canal." + std::string(channel_code(e.channel)))},
      {"situacao", state_text(ctx, e.state_after)},
      // An update's text, or the note the linked SAs were resolved with.
      {"texto", optional(data_text(e, "text") + data_text(e, "note"))},
      {"assinatura", optional(data_text(e, "signature"))},
      {"impacto", optional(data_text(e, "impact"))},
      {"mensagem", nullptr},
      {"ao_relator", false},
      {"publicada", nullptr},
      {"rascunho", false}};
  if (e.message) {
    view["mensagem"] = message_view(*e.message);
    if (e.action == NoticeAction::acknowledge) {
      view["ao_relator"] = true;
    } else if (e.published_at) {
      view["publicada"] = format_local(ctx, *e.published_at);
      view["publicada_por"] = person_name(ctx, n, e.published_by);
    } else {
      view["rascunho"] = true;
    }
  }
  return view;
}

std::string sent_or(const std::map<std::string, std::string>& sent, const std::string& key,
                    const std::string& fallback = "") {
  auto it = sent.find(key);
  return it == sent.end() ? fallback : it->second;
}

// The forms of the steps the viewer may take, each asking only for what it needs.
nlohmann::json action_views(WebContext& ctx, const Visitor& v, const app::NoticeView& n,
                            const std::map<std::string, std::string>& sent,
                            const std::optional<NoticeMessage>& preview) {
  const auto chosen = sent_or(sent, "acao");
  const auto& zone = ctx.desk.config().time_zone;
  nlohmann::json out = nlohmann::json::array();
  for (auto action : n.actions) {
    const std::string code(notice_action_code(action));
    const bool mine = chosen == code;
    nlohmann::json view = {
        {"codigo", code},
        {"rotulo", action_text(ctx, action)},
        {"explicacao", text(ctx, "comunicados.explica." + code)},
        {"previa_possivel",
         notice_message_key(action).has_value() && action != NoticeAction::acknowledge},
        {"pede_texto", action == NoticeAction::update},
        {"pede_cargo",
         action == NoticeAction::leadership_confirm || action == NoticeAction::leadership_restore},
        {"pede_impacto", action == NoticeAction::confirm_general ||
                             action == NoticeAction::confirm_organization ||
                             action == NoticeAction::update},
        {"pede_janela", action == NoticeAction::reschedule},
        {"texto", mine ? sent_or(sent, "texto") : ""},
        {"cargo", mine ? sent_or(sent, "cargo") : ""},
        {"impacto", mine ? sent_or(sent, "impacto") : n.notice.impact},
        // One main button: publishing, or the step whose message was just previewed.
        {"principal", action == NoticeAction::publish || (mine && preview)},
        {"tem_erros", false},
        {"pede_orgao", false},
        {"previa", nullptr},
        {"erros", nlohmann::json::object()},
    };
    if (action == NoticeAction::reschedule) {
      auto value = [&](const char* key, std::optional<Instant> t, bool date) {
        if (mine) return sent_or(sent, key);
        if (!t) return std::string();
        return date ? app::local_date_text(zone, *t) : app::local_clock_text(zone, *t);
      };
      view["inicio_data"] = value("inicio_data", n.notice.starts_at, true);
      view["inicio_hora"] = value("inicio_hora", n.notice.starts_at, false);
      view["fim_data"] = value("fim_data", n.notice.ends_at, true);
      view["fim_hora"] = value("fim_hora", n.notice.ends_at, false);
    }
    if (action == NoticeAction::confirm_organization) {
      const auto picked =
          mine ? sent_or(sent, "orgao")
               : (n.notice.organization_id ? std::to_string(*n.notice.organization_id)
                                           : std::string());
      nlohmann::json options = nlohmann::json::array();
      for (const auto& o : ctx.desk.status_notices().scope_organizations(v.actor)) {
        const auto id = std::to_string(o.id);
        options.push_back({{"id", id},
                           {"nome", o.acronym.empty() ? o.name : o.acronym + " — " + o.name},
                           {"marcado", id == picked}});
      }
      view["orgaos"] = options;
      view["pede_orgao"] = true;
    }
    if (mine && preview) view["previa"] = message_view(*preview);
    if (mine) {
      nlohmann::json errors = nlohmann::json::object();
      for (const auto& [key, value] : sent) {
        if (key.starts_with("erro_")) errors[key.substr(5)] = value;
      }
      view["erros"] = errors;
      view["tem_erros"] = !errors.empty();
    }
    out.push_back(view);
  }
  return out;
}

nlohmann::json ticket_views(WebContext& ctx, const app::NoticeView& n) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& t : n.tickets) {
    out.push_back({{"id", std::to_string(t.id)},
                   {"protocolo", t.protocol},
                   {"url", t.visible ? nlohmann::json(agent_ticket_url(t.protocol)) : nullptr},
                   {"assunto", t.visible ? t.subject : text(ctx, "comunicados.chamado_restrito")},
                   {"solicitante", optional(t.requester_name)},
                   {"situacao", status_text(ctx, t.status)},
                   {"aberto", status_is_open(t.status)}});
  }
  return out;
}

}  // namespace

std::string data_text(const NoticeEvent& e, const char* key) {
  if (!e.data.is_object()) return "";
  auto it = e.data.find(key);
  return it != e.data.end() && it->is_string() ? it->get<std::string>() : "";
}

std::string staff_notice_url(std::int64_t id) {
  return kNoticeBoard + "/" + std::to_string(id);
}

nlohmann::json message_view(const NoticeMessage& m) {
  return {{"titulo", m.title}, {"paragrafos", message_paragraphs(m.text)}};
}

nlohmann::json notice_line_view(WebContext& ctx, const app::NoticeView& n) {
  return {{"url", staff_notice_url(n.notice.id)},
          {"titulo", n.notice.title},
          {"tipo", text(ctx, std::string("comunicados.tipo.") +
                                 std::string(notice_kind_code(n.notice.kind)))},
          {"situacao", state_text(ctx, n.notice.state)},
          {"publica", n.notice.public_state ? state_text(ctx, *n.notice.public_state)
                                            : text(ctx, "comunicados.nao_publicado")},
          {"componentes", component_names(n)},
          {"orgao", optional(n.organization_name)},
          {"atualizado", format_local(ctx, n.notice.updated_at)},
          {"atualizado_iso", format_utc(n.notice.updated_at)},
          {"rascunho", n.has_drafts},
          {"aguarda_recebimento", n.notice.state == NoticeState::reported},
          {"monitoramento_resolveu", n.notice.monitoring_resolved_at.has_value()}};
}

nlohmann::json staff_notice_view(WebContext& ctx, const Visitor& v, const app::NoticeView& n,
                                 const std::map<std::string, std::string>& sent,
                                 const std::optional<NoticeMessage>& preview) {
  auto view = notice_line_view(ctx, n);
  const auto& s = n.notice;
  view["id"] = std::to_string(s.id);
  view["id_comunicado"] = std::to_string(s.id);
  view["impacto"] = optional(s.impact);
  view["manutencao"] = s.kind == NoticeKind::maintenance;
  view["relator"] =
      s.reported_by ? person_name(ctx, n, s.reported_by) : text(ctx, "comunicados.monitoramento");
  view["relator_tipo"] =
      text(ctx, "comunicados.relator." + std::string(reporter_kind_code(s.reporter_kind)));
  if (s.starts_at && s.ends_at) {
    view["janela"] = format_local(ctx, *s.starts_at) + " – " + format_local(ctx, *s.ends_at);
  }
  if (s.monitoring_resolved_at) {
    view["monitoramento_resolvido"] = format_local(ctx, *s.monitoring_resolved_at);
  }
  if (s.public_state) view["pagina_publica"] = "/status/comunicados/" + std::to_string(s.id);
  nlohmann::json events = nlohmann::json::array(), drafts = nlohmann::json::array();
  std::string confirmed_by;
  for (const auto& e : n.events) {
    events.push_back(event_view(ctx, n, e));
    if (e.message && !e.published_at && e.action != NoticeAction::acknowledge) {
      drafts.push_back(message_view(*e.message));
    }
    if (e.action == NoticeAction::leadership_confirm) confirmed_by = data_text(e, "signature");
  }
  view["confirmado_por"] = optional(confirmed_by);
  view["eventos"] = events;
  view["rascunhos"] = drafts;
  view["tem_rascunhos"] = !drafts.empty();
  view["acoes"] = action_views(ctx, v, n, sent, preview);
  view["tem_acoes"] = !view["acoes"].empty();
  view["chamados"] = ticket_views(ctx, n);
  view["tem_chamados"] = !n.tickets.empty();
  // Once the service is back, the linked SAs still open are offered to be
  // resolved with one note (app/incidents/notice_tickets.hpp).
  const bool back = s.state == NoticeState::restored || s.state == NoticeState::completed;
  view["pode_resolver"] =
      back && std::any_of(n.tickets.begin(), n.tickets.end(),
                          [](const app::LinkedTicket& t) { return status_is_open(t.status); });
  view["nota_resolucao"] = sent_or(sent, "nota", text(ctx, "comunicados.nota_padrao"));
  view["protocolo_vincular"] = sent_or(sent, "protocolo");
  view["erro_vincular"] = optional(sent_or(sent, "erro_vincular"));
  view["erro_resolver"] = optional(sent_or(sent, "erro_resolver"));
  return view;
}

}  // namespace guiche::web
