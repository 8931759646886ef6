// Use cases of the agents who work a ticket: triage, routing, assignment,
// status, replies, notes, time, resolution, cancelling and links.
#include "app/tickets/ticket_work.hpp"
#include "app/access_policy.hpp"
#include "app/text_rules.hpp"
#include "domain/error.hpp"
#include "domain/mentions.hpp"
#include "store/person_rows.hpp"
#include "store/service_rows.hpp"
#include "store/ticket_follower_rows.hpp"
#include "store/ticket_rows.hpp"

namespace guiche::app {
namespace {

void require_work(const Actor& a, const Ticket& t, const std::vector<Unit>& units) {
  if (!can_work_ticket(a.person, t, units)) {
    throw forbidden("Você não atua na unidade responsável por este chamado.");
  }
}

// Giving the ticket to someone else, or removing someone else from it, is
// for those who distribute the work (can_assign_others); whoever works the
// ticket may take it for themself or let it go.
void require_assign_others(const Actor& a, std::optional<std::int64_t> to,
                           std::optional<std::int64_t> current, std::int64_t unit_id,
                           const std::vector<Unit>& units) {
  const bool others = to ? *to != a.id() : current && *current != a.id();
  if (others && !can_assign_others(a.person, unit_id, units)) {
    throw forbidden(
        "Somente a central de serviços, a Relação com Clientes e a gerência da unidade atribuem "
        "chamados a outra pessoa; você pode atribuir o chamado a si.");
  }
}

// The person a ticket of `unit_id` is given to must work in that unit.
void require_assignable(store::Connection& c, std::optional<std::int64_t> assignee_id,
                        std::int64_t unit_id, const std::vector<Unit>& units) {
  if (!assignee_id) return;
  const auto assignee = store::load_person(c, *assignee_id);
  if (!assignee || !can_be_assigned(*assignee, unit_id, units)) {
    throw invalid_field("assignee", "O responsável indicado não atua nessa unidade.");
  }
}

DomainError forbidden_transition(Status from, Status to) {
  return conflict("Não é possível passar o chamado de \"" + std::string(status_label_pt(from)) +
                  "\" para \"" + std::string(status_label_pt(to)) + "\".");
}

void require_transition(Status from, Status to, Side side) {
  if (!may_transition(from, to, side)) throw forbidden_transition(from, to);
}

nlohmann::json optional_json(const std::optional<std::int64_t>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

// How a link reads from the other ticket.
std::string reverse_link(const std::string& kind) {
  if (kind == "duplicate_of") return "duplicated_by";
  if (kind == "caused_by") return "causes";
  return kind;
}

}  // namespace

Ticket TicketWork::triage(const Actor& a, std::int64_t ticket_id, const Triage& t) {
  return ledger_.change(
      a, ticket_id, [&](LedgerWrite& w, const Ticket& ticket, const std::vector<Unit>& units) {
        auto& c = w.connection();
        require_work(a, ticket, units);
        if (!status_is_open(ticket.status) || ticket.status == Status::pending_requester) {
          throw conflict("Só é possível classificar chamados em aberto.");
        }
        nlohmann::json data = nlohmann::json::object();
        if (t.service_code) {
          auto service = store::find_service_by_code(c, *t.service_code);
          if (!service || !service->active) {
            throw invalid_field("service", "Serviço desconhecido: " + *t.service_code + ".");
          }
          data["service_id"] = service->id;
        }
        if (t.category) data["category"] = category_code(*t.category);
        for (auto [value, field, label] : {std::tuple{t.impact, "impact", "O impacto"},
                                           std::tuple{t.urgency, "urgency", "A urgência"}}) {
          if (!value) continue;
          if (*value < 1 || *value > 3) {
            throw invalid_field(field, std::string(label) + " deve ser 1, 2 ou 3.");
          }
          data[field] = *value;
        }
        if (t.agreed_deadline) data["agreed_deadline"] = to_millis(*t.agreed_deadline);
        return std::vector<EventDraft>{{EventKind::triaged, data}};
      });
}

Ticket TicketWork::route(const Actor& a, std::int64_t ticket_id, std::int64_t unit_id,
                         std::optional<std::int64_t> assignee_id, const std::string& note) {
  return in_one_write(
      [&](LedgerWrite& w) { return route_in(w, a, ticket_id, unit_id, assignee_id, note); });
}

Ticket TicketWork::route_in(LedgerWrite& outer, const Actor& a, std::int64_t ticket_id,
                            std::int64_t unit_id, std::optional<std::int64_t> assignee_id,
                            const std::string& note) {
  return ledger_.change_in(
      outer, a, ticket_id,
      [&](LedgerWrite& w, const Ticket& ticket, const std::vector<Unit>& units) {
        auto& c = w.connection();
        require_work(a, ticket, units);
        require_transition(ticket.status, Status::assigned, Side::agent);
        // A request from outside the service's audience is client relations'
        // to decide (docs/domain.md): nobody else may send it to a technical unit.
        const bool decides_audience = !ticket.audience_admitted;
        if (decides_audience && !a.person.has_role(Role::client_relations)) {
          throw forbidden(
              "Solicitações fora do público do serviço são decididas pelo relacionamento com "
              "clientes.");
        }
        const Unit* target = nullptr;
        for (const auto& u : units) {
          if (u.id == unit_id) target = &u;
        }
        if (!target) throw invalid_field("unit", "Unidade desconhecida.");
        if (!target->active) throw invalid_field("unit", "A unidade está inativa.");
        require_assignable(c, assignee_id, unit_id, units);
        require_assign_others(a, assignee_id, std::nullopt, unit_id, units);
        nlohmann::json data{{"unit_id", unit_id},
                            {"unit_code", target->code},
                            {"assignee_id", optional_json(assignee_id)},
                            {"status", status_code(Status::assigned)}};
        if (!note.empty()) data["note"] = required_text(note, "note", "A observação", 2000);
        if (decides_audience) data["audience_accepted_by"] = a.id();
        return std::vector<EventDraft>{{EventKind::routed, data}};
      });
}

Ticket TicketWork::assign(const Actor& a, std::int64_t ticket_id,
                          std::optional<std::int64_t> assignee_id) {
  return in_one_write([&](LedgerWrite& w) { return assign_in(w, a, ticket_id, assignee_id); });
}

Ticket TicketWork::assign_in(LedgerWrite& outer, const Actor& a, std::int64_t ticket_id,
                             std::optional<std::int64_t> assignee_id) {
  return ledger_.change_in(
      outer, a, ticket_id,
      [&](LedgerWrite& w, const Ticket& ticket, const std::vector<Unit>& units) {
        auto& c = w.connection();
        require_work(a, ticket, units);
        if (!status_is_open(ticket.status)) throw conflict("O chamado não está em aberto.");
        if (!ticket.unit_id)
          throw conflict("Encaminhe o chamado a uma unidade antes de atribuí-lo.");
        require_assignable(c, assignee_id, *ticket.unit_id, units);
        require_assign_others(a, assignee_id, ticket.assignee_id, *ticket.unit_id, units);
        Status next = (ticket.status == Status::new_ || ticket.status == Status::triage)
                          ? Status::assigned
                          : ticket.status;
        return std::vector<EventDraft>{
            {EventKind::assigned,
             {{"assignee_id", optional_json(assignee_id)}, {"status", status_code(next)}}}};
      });
}

bool TicketWork::may_assign_others(const Actor& a, std::int64_t unit_id) {
  require_active(a);
  std::shared_ptr<const std::vector<Unit>> tree;
  ctx_.db.read([&](store::Connection& c) { tree = ctx_.unit_tree(c); });
  return can_assign_others(a.person, unit_id, *tree);
}

bool TicketWork::may_take(const Actor& a, const Ticket& ticket) {
  require_active(a);
  if (!status_is_open(ticket.status) || !ticket.unit_id) return false;
  std::shared_ptr<const std::vector<Unit>> tree;
  ctx_.db.read([&](store::Connection& c) { tree = ctx_.unit_tree(c); });
  return can_work_ticket(a.person, ticket, *tree) &&
         can_be_assigned(a.person, *ticket.unit_id, *tree);
}

Ticket TicketWork::change_status(const Actor& a, std::int64_t ticket_id, Status to,
                                 const std::string& reason) {
  return in_one_write(
      [&](LedgerWrite& w) { return change_status_in(w, a, ticket_id, to, reason); });
}

Ticket TicketWork::change_status_in(LedgerWrite& w, const Actor& a, std::int64_t ticket_id,
                                    Status to, const std::string& reason) {
  return ledger_.change_in(
      w, a, ticket_id, [&](LedgerWrite&, const Ticket& ticket, const std::vector<Unit>& units) {
        // Resolving, reopening, closing and cancelling carry data: their own use cases.
        if (to == Status::resolved || to == Status::reopened || to == Status::closed ||
            to == Status::cancelled || to == Status::new_ || to == Status::triage) {
          throw invalid_field("status", "Use a ação própria para esta situação.");
        }
        require_work(a, ticket, units);
        require_transition(ticket.status, to, Side::agent);
        nlohmann::json data{{"from", status_code(ticket.status)}, {"to", status_code(to)}};
        if (!reason.empty()) data["reason"] = required_text(reason, "reason", "O motivo", 2000);
        return std::vector<EventDraft>{{EventKind::status_changed, data}};
      });
}

Ticket TicketWork::reply(const Actor& a, std::int64_t ticket_id, const std::string& text,
                         bool asks_requester) {
  Ticket result;
  ledger_.write([&](LedgerWrite& w) { result = reply_in(w, a, ticket_id, text, asks_requester); });
  return result;
}

Ticket TicketWork::reply_in(LedgerWrite& w, const Actor& a, std::int64_t ticket_id,
                            const std::string& text, bool asks_requester) {
  const std::string body = required_text(text, "text", "A mensagem", 20000);
  return ledger_.change_in(
      w, a, ticket_id, [&](LedgerWrite&, const Ticket& ticket, const std::vector<Unit>& units) {
        if (status_is_final(ticket.status)) {
          throw conflict("O chamado está encerrado; registre uma nova solicitação.");
        }
        std::vector<EventDraft> drafts;
        nlohmann::json data{{"text", body}};
        if (is_requester_side(a.person, ticket) && !can_work_ticket(a.person, ticket, units)) {
          if (asks_requester) throw forbidden("Somente a equipe pede informações ao solicitante.");
          if (ticket.status == Status::pending_requester)
            data["status"] = status_code(Status::in_progress);
          data["from_agent"] = false;
          drafts.push_back({EventKind::public_reply, data});
          return drafts;
        }
        require_work(a, ticket, units);
        data["from_agent"] = true;
        if (asks_requester) {
          Status from = ticket.status;
          if (from == Status::assigned || from == Status::reopened) {
            // Asking the requester is working on it: the ticket starts first.
            drafts.push_back(
                {EventKind::status_changed,
                 {{"from", status_code(from)}, {"to", status_code(Status::in_progress)}}});
            from = Status::in_progress;
          }
          require_transition(from, Status::pending_requester, Side::agent);
          data["status"] = status_code(Status::pending_requester);
        }
        drafts.push_back({EventKind::public_reply, data});
        return drafts;
      });
}

Ticket TicketWork::add_internal_note(const Actor& a, std::int64_t ticket_id,
                                     const std::string& text) {
  const std::string body = required_text(text, "text", "A nota", 20000);
  return ledger_.change(
      a, ticket_id, [&](LedgerWrite& w, const Ticket& ticket, const std::vector<Unit>& units) {
        require_work(a, ticket, units);
        nlohmann::json data{{"text", body}};
        // "@login" notifies a colleague who may see the ticket, who then
        // follows it (app/notices/follower_notices.cpp); others are named as
        // not notified.
        nlohmann::json mentioned = nlohmann::json::array(), skipped = nlohmann::json::array();
        for (const auto& login : mentioned_logins(body)) {
          auto p = store::find_person_by_login(w.connection(), login);
          if (!p || !p->active || !is_staff(*p) || !can_view_ticket(*p, ticket, units)) {
            skipped.push_back(login);
            continue;
          }
          mentioned.push_back({{"id", p->id}, {"login", login}, {"name", p->name}});
          store::add_ticket_follower(w.connection(),
                                     {ticket.id, store::kWatcher, p->id, 0, "", w.now()});
        }
        if (!mentioned.empty()) data["mentions"] = mentioned;
        if (!skipped.empty()) data["mentions_skipped"] = skipped;
        return std::vector<EventDraft>{{EventKind::internal_note, data, false}};
      });
}

Ticket TicketWork::log_time(const Actor& a, std::int64_t ticket_id, int minutes,
                            const std::string& note) {
  return in_one_write([&](LedgerWrite& w) { return log_time_in(w, a, ticket_id, minutes, note); });
}

Ticket TicketWork::log_time_in(LedgerWrite& w, const Actor& a, std::int64_t ticket_id, int minutes,
                               const std::string& note) {
  if (minutes < 1 || minutes > 100000) {
    throw invalid_field("minutes", "Informe o tempo gasto em minutos (1 a 100000).");
  }
  return ledger_.change_in(w, a, ticket_id,
                           [&](LedgerWrite&, const Ticket& ticket, const std::vector<Unit>& units) {
                             require_work(a, ticket, units);
                             if (status_is_final(ticket.status))
                               throw conflict("O chamado está encerrado.");
                             nlohmann::json data{{"minutes", minutes}};
                             if (!note.empty())
                               data["note"] = required_text(note, "note", "A descrição", 2000);
                             return std::vector<EventDraft>{{EventKind::time_logged, data, false}};
                           });
}

Ticket TicketWork::resolve(const Actor& a, std::int64_t ticket_id, const std::string& resolution,
                           int time_spent_minutes) {
  return in_one_write(
      [&](LedgerWrite& w) { return resolve_in(w, a, ticket_id, resolution, time_spent_minutes); });
}

Ticket TicketWork::resolve_in(LedgerWrite& w, const Actor& a, std::int64_t ticket_id,
                              const std::string& resolution, int time_spent_minutes) {
  const std::string text = required_text(resolution, "resolution", "A solução", 20000);
  if (time_spent_minutes < 1 || time_spent_minutes > 100000) {
    throw invalid_field("time_spent_minutes",
                        "Informe o tempo gasto no atendimento em minutos (1 a 100000).");
  }
  return ledger_.change_in(
      w, a, ticket_id, [&](LedgerWrite&, const Ticket& ticket, const std::vector<Unit>& units) {
        require_work(a, ticket, units);
        require_transition(ticket.status, Status::resolved, Side::agent);
        return std::vector<EventDraft>{
            {EventKind::resolved,
             {{"resolution", text}, {"time_spent_minutes", time_spent_minutes}}}};
      });
}

Ticket TicketWork::cancel(const Actor& a, std::int64_t ticket_id, const std::string& reason) {
  const std::string text = required_text(reason, "reason", "O motivo", 2000);
  return ledger_.change(
      a, ticket_id, [&](LedgerWrite&, const Ticket& ticket, const std::vector<Unit>& units) {
        Side side = can_work_ticket(a.person, ticket, units) ? Side::agent : Side::requester;
        if (side == Side::requester && !is_requester_side(a.person, ticket)) {
          throw forbidden("Você não pode cancelar este chamado.");
        }
        require_transition(ticket.status, Status::cancelled, side);
        return std::vector<EventDraft>{{EventKind::cancelled, {{"reason", text}}}};
      });
}

Ticket TicketWork::link(const Actor& a, std::int64_t ticket_id, std::int64_t other_id,
                        const std::string& kind) {
  if (kind != "related" && kind != "duplicate_of" && kind != "caused_by") {
    throw invalid_field("kind", "Tipo de vínculo inválido (related, duplicate_of, caused_by).");
  }  // their reverses (duplicated_by, causes) are written on the other ticket
  if (other_id == ticket_id) throw invalid_field("other", "Um chamado não se vincula a si mesmo.");
  return ledger_.change(a, ticket_id,
                        [&](LedgerWrite& w, const Ticket& ticket, const std::vector<Unit>& units) {
                          auto& c = w.connection();
                          require_work(a, ticket, units);
                          auto other = store::load_ticket(c, other_id, true);
                          if (!other || !can_view_ticket(a.person, *other, units)) {
                            throw not_found("Chamado vinculado não encontrado.");
                          }
                          for (const auto& l : ticket.links) {
                            if (l.other_ticket_id == other_id)
                              throw conflict("Os chamados já estão vinculados.");
                          }
                          // Both tickets tell the story, in the same transaction. Links are the
                          // desk's bookkeeping and may name another organization's ticket, so
                          // their events are internal.
                          w.record(*other, {link_draft(ticket, reverse_link(kind))}, a);
                          return std::vector<EventDraft>{link_draft(*other, kind)};
                        });
}

Ticket TicketWork::in_one_write(const std::function<Ticket(LedgerWrite&)>& change) {
  Ticket result;
  ledger_.write([&](LedgerWrite& w) { result = change(w); });
  return result;
}

}  // namespace guiche::app
