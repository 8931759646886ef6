#include "domain/incidents/notice_transitions.hpp"

#include <array>
#include <initializer_list>
#include <utility>

namespace guiche {
namespace {

constexpr std::array<std::pair<NoticeAction, std::string_view>, 19> kNoticeActions{{
    {NoticeAction::report, "report"},
    {NoticeAction::schedule, "schedule"},
    {NoticeAction::acknowledge, "acknowledge"},
    {NoticeAction::not_confirm, "not_confirm"},
    {NoticeAction::confirm_organization, "confirm_organization"},
    {NoticeAction::confirm_general, "confirm_general"},
    {NoticeAction::update, "update"},
    {NoticeAction::leadership_confirm, "leadership_confirm"},
    {NoticeAction::restore, "restore"},
    {NoticeAction::leadership_restore, "leadership_restore"},
    {NoticeAction::reschedule, "reschedule"},
    {NoticeAction::start, "start"},
    {NoticeAction::complete, "complete"},
    {NoticeAction::cancel, "cancel"},
    {NoticeAction::publish, "publish"},
    {NoticeAction::remind, "remind"},
    {NoticeAction::link_ticket, "link_ticket"},
    {NoticeAction::unlink_ticket, "unlink_ticket"},
    {NoticeAction::resolve_tickets, "resolve_tickets"},
}};

constexpr std::array<std::pair<NoticeAction, std::string_view>, 19> kActionLabels{{
    {NoticeAction::report, "Relatar incidente"},
    {NoticeAction::schedule, "Programar manutenção"},
    {NoticeAction::acknowledge, "Confirmar o recebimento"},
    {NoticeAction::not_confirm, "Não confirmar"},
    {NoticeAction::confirm_organization, "Confirmar no órgão"},
    {NoticeAction::confirm_general, "Confirmar em geral"},
    {NoticeAction::update, "Atualizar"},
    {NoticeAction::leadership_confirm, "Confirmar em nome da direção"},
    {NoticeAction::restore, "Restabelecer"},
    {NoticeAction::leadership_restore, "Anunciar o restabelecimento em nome da direção"},
    {NoticeAction::reschedule, "Reprogramar"},
    {NoticeAction::start, "Iniciar a manutenção"},
    {NoticeAction::complete, "Concluir a manutenção"},
    {NoticeAction::cancel, "Cancelar a manutenção"},
    {NoticeAction::publish, "Publicar"},
    {NoticeAction::remind, "Lembrete"},
    {NoticeAction::link_ticket, "Vincular chamado"},
    {NoticeAction::unlink_ticket, "Desvincular chamado"},
    {NoticeAction::resolve_tickets, "Resolver os chamados vinculados"},
}};

using S = NoticeState;
bool in(NoticeState s, std::initializer_list<NoticeState> states) {
  for (auto x : states) {
    if (x == s) return true;
  }
  return false;
}

// Whether the actor's standing allows the action at all.
bool may(NoticeAction a, const NoticeStanding& who) {
  switch (a) {
    case NoticeAction::report:
      return who.client_manager || who.staff || who.monitoring;
    case NoticeAction::schedule:
    case NoticeAction::update:
      return who.team || who.communications;
    case NoticeAction::acknowledge:
    case NoticeAction::publish:
      return who.communications;
    case NoticeAction::leadership_confirm:
    case NoticeAction::leadership_restore:
      return who.leadership;
    case NoticeAction::not_confirm:
    case NoticeAction::confirm_organization:
    case NoticeAction::confirm_general:
    case NoticeAction::restore:
    case NoticeAction::reschedule:
    case NoticeAction::start:
    case NoticeAction::complete:
    case NoticeAction::cancel:
      return who.team;
    case NoticeAction::remind:
      return false;  // the desk's own, when due
    // Anyone of the desk keeps the links; whether they may see or work each
    // ticket is the ticket's own rule (app/access_policy.hpp).
    case NoticeAction::link_ticket:
    case NoticeAction::unlink_ticket:
    case NoticeAction::resolve_tickets:
      return who.staff;
  }
  return false;
}

// The state the action leads to from `s`, or nullopt where it does not apply.
std::optional<NoticeState> after(NoticeKind kind, NoticeState s, NoticeAction a) {
  const bool incident = kind == NoticeKind::incident;
  const bool open_incident = in(s, {S::confirmed_organization, S::confirmed_general});
  switch (a) {
    case NoticeAction::report:
      return incident ? std::optional(S::reported) : std::nullopt;
    case NoticeAction::schedule:
      return incident ? std::nullopt : std::optional(S::scheduled);
    case NoticeAction::acknowledge:
      return s == S::reported ? std::optional(S::acknowledged) : std::nullopt;
    case NoticeAction::not_confirm:
      return in(s, {S::reported, S::acknowledged}) ? std::optional(S::not_confirmed) : std::nullopt;
    case NoticeAction::confirm_organization:
      return in(s, {S::reported, S::acknowledged}) ? std::optional(S::confirmed_organization)
                                                   : std::nullopt;
    case NoticeAction::confirm_general:
      return in(s, {S::reported, S::acknowledged, S::confirmed_organization})
                 ? std::optional(S::confirmed_general)
                 : std::nullopt;
    case NoticeAction::update:
      return open_incident || in(s, {S::scheduled, S::in_progress}) ? std::optional(s)
                                                                    : std::nullopt;
    case NoticeAction::leadership_confirm:
      return open_incident ? std::optional(s) : std::nullopt;
    case NoticeAction::restore:
      return open_incident ? std::optional(S::restored) : std::nullopt;
    case NoticeAction::leadership_restore:
      return s == S::restored ? std::optional(s) : std::nullopt;
    case NoticeAction::reschedule:
      return s == S::scheduled ? std::optional(s) : std::nullopt;
    case NoticeAction::start:
      return s == S::scheduled ? std::optional(S::in_progress) : std::nullopt;
    case NoticeAction::complete:
      return s == S::in_progress ? std::optional(S::completed) : std::nullopt;
    case NoticeAction::cancel:
      return s == S::scheduled ? std::optional(S::cancelled) : std::nullopt;
    case NoticeAction::publish:
      return s;  // whether there is anything to publish is the use case's to say
    case NoticeAction::remind:
      return s;
    case NoticeAction::link_ticket:
    case NoticeAction::unlink_ticket:
      return s;  // an SA may arrive, or be found unrelated, at any time
    case NoticeAction::resolve_tickets:
      // Only when the service is back: an incident restored, a maintenance done.
      return in(s, {S::restored, S::completed}) ? std::optional(s) : std::nullopt;
  }
  return std::nullopt;
}

std::string who_may(NoticeAction a) {
  switch (a) {
    case NoticeAction::report:
      return "Somente gestores dos órgãos clientes e a equipe relatam incidentes.";
    case NoticeAction::acknowledge:
    case NoticeAction::publish:
      return "Somente a assessoria de comunicação confirma o recebimento e publica comunicados.";
    case NoticeAction::leadership_confirm:
    case NoticeAction::leadership_restore:
      return "Somente a presidência, a diretoria e as gerências falam em nome próprio.";
    case NoticeAction::schedule:
    case NoticeAction::update:
      return "Somente a equipe responsável e a assessoria de comunicação fazem isto.";
    case NoticeAction::remind:
      return "Os lembretes são enviados pela própria central, na hora prevista.";
    case NoticeAction::link_ticket:
    case NoticeAction::unlink_ticket:
    case NoticeAction::resolve_tickets:
      return "Somente a equipe de atendimento vincula e resolve chamados de um comunicado.";
    default:
      return "Somente a equipe responsável pelo componente muda a situação técnica.";
  }
}

}  // namespace

std::string_view notice_action_code(NoticeAction a) {
  for (const auto& [value, code] : kNoticeActions) {
    if (value == a) return code;
  }
  return "";
}

std::string_view notice_action_label_pt(NoticeAction a) {
  for (const auto& [value, label] : kActionLabels) {
    if (value == a) return label;
  }
  return "";
}

bool is_ticket_bookkeeping(NoticeAction a) {
  return a == NoticeAction::link_ticket || a == NoticeAction::unlink_ticket ||
         a == NoticeAction::resolve_tickets;
}

std::optional<NoticeAction> parse_notice_action(std::string_view code) {
  for (const auto& [value, text] : kNoticeActions) {
    if (text == code) return value;
  }
  return std::nullopt;
}

NoticeDecision decide_notice_action(NoticeKind kind, NoticeState state, NoticeAction action,
                                    const NoticeStanding& who) {
  NoticeDecision d;
  if (!may(action, who)) {
    d.outcome = NoticeDecision::Outcome::forbidden;
    d.reason = who_may(action);
    return d;
  }
  const auto next = after(kind, state, action);
  if (!next) {
    d.outcome = NoticeDecision::Outcome::conflict;
    d.reason = "A ação \"" + std::string(notice_action_label_pt(action)) +
               "\" não se aplica a um comunicado na situação \"" +
               std::string(notice_state_label_pt(state)) + "\".";
    return d;
  }
  d.outcome = NoticeDecision::Outcome::allowed;
  d.next = *next;
  return d;
}

std::optional<std::string_view> notice_message_key(NoticeAction action) {
  switch (action) {
    case NoticeAction::acknowledge:
      return "incident_receipt";  // 6.1
    case NoticeAction::not_confirm:
      return "incident_not_confirmed";  // 6.2
    case NoticeAction::confirm_general:
      return "incident_confirmed";  // 6.3
    case NoticeAction::restore:
      return "incident_restored";  // 6.4
    case NoticeAction::schedule:
      return "maintenance_scheduled";  // 6.5
    case NoticeAction::confirm_organization:
      return "incident_confirmed_organization";  // 6.6
    case NoticeAction::update:
      return "notice_update";
    case NoticeAction::leadership_confirm:
      return "leadership_confirmation";
    case NoticeAction::leadership_restore:
      return "leadership_restoration";
    case NoticeAction::reschedule:
      return "maintenance_rescheduled";
    case NoticeAction::cancel:
      return "maintenance_cancelled";
    case NoticeAction::complete:
      return "maintenance_completed";
    case NoticeAction::remind:
      return std::nullopt;  // which reminder, the use case says
    case NoticeAction::report:
    case NoticeAction::start:
    case NoticeAction::publish:
    case NoticeAction::link_ticket:
    case NoticeAction::unlink_ticket:
    case NoticeAction::resolve_tickets:
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace guiche
