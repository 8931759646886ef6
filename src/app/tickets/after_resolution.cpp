// Use cases after a resolution: the satisfaction survey, reopening within the
// window, and closing by the system once the window has passed.
#include "app/access_policy.hpp"
#include "app/text_rules.hpp"
#include "app/tickets/ticket_work.hpp"
#include "domain/error.hpp"
#include "domain/reopen_window.hpp"
#include "store/ticket_rows.hpp"

namespace guiche::app {

Ticket TicketWork::evaluate(const Actor& a, std::int64_t ticket_id, int rating,
                            const std::string& comment) {
  Ticket result;
  ledger_.write([&](LedgerWrite& w) { result = evaluate_in(w, a, ticket_id, rating, comment); });
  return result;
}

Ticket TicketWork::evaluate_in(LedgerWrite& w, const Actor& a, std::int64_t ticket_id, int rating,
                               const std::string& comment) {
  if (rating < 1 || rating > 5) {
    throw invalid_field("rating", "A avaliação vai de 1 a 5 estrelas.");
  }
  std::string text;
  if (comment.find_first_not_of(" \t\r\n") != std::string::npos) {
    text = required_text(comment, "comment", "O comentário", 2000);
  }
  return ledger_.change_in(
      w, a, ticket_id, [&](LedgerWrite&, const Ticket& ticket, const std::vector<Unit>&) {
        if (!is_requester_side(a.person, ticket)) {
          throw forbidden("Somente o solicitante avalia o atendimento.");
        }
        if (ticket.status != Status::resolved && ticket.status != Status::closed) {
          throw conflict("O atendimento só pode ser avaliado depois de resolvido.");
        }
        if (ticket.rating) throw conflict("Este atendimento já foi avaliado.");
        return std::vector<EventDraft>{
            {EventKind::evaluated, {{"rating", rating}, {"comment", text}}}};
      });
}

Ticket TicketWork::reopen(const Actor& a, std::int64_t ticket_id, const std::string& reason) {
  const std::string text = required_text(reason, "reason", "O motivo da reabertura", 2000);
  const Instant now = ctx_.now();
  return ledger_.change(
      a, ticket_id, [&](LedgerWrite&, const Ticket& ticket, const std::vector<Unit>&) {
        if (!is_requester_side(a.person, ticket)) {
          throw forbidden("Somente o solicitante pede a reabertura.");
        }
        if (ticket.status == Status::closed) {
          throw conflict("O prazo para reabertura terminou; registre uma nova solicitação.");
        }
        if (!may_transition(ticket.status, Status::reopened, Side::requester)) {
          throw conflict("Só é possível reabrir um chamado resolvido.");
        }
        if (!reopen_window_open(ticket, now, ctx_.config.reopen_window)) {
          throw conflict("O prazo para reabertura terminou; registre uma nova solicitação.");
        }
        return std::vector<EventDraft>{{EventKind::reopened, {{"reason", text}}}};
      });
}

int TicketWork::close_expired_resolutions() {
  const Instant now = ctx_.now();
  std::vector<std::int64_t> due;
  ctx_.db.read([&](store::Connection& c) {
    due = store::tickets_resolved_before(c, now - ctx_.config.reopen_window);
  });
  int closed = 0;
  const Actor system{Person{}, Channel::api};
  for (auto id : due) {
    ledger_.write([&](LedgerWrite& w) {
      auto ticket = w.lock(id);
      // Re-checked under the lock: a reopen may have won the race.
      if (!ticket || !reopen_window_end(*ticket, ctx_.config.reopen_window) ||
          reopen_window_open(*ticket, now, ctx_.config.reopen_window)) {
        return;
      }
      Actor as_system = system;
      as_system.channel = ticket->channel;
      w.record(*ticket, {{EventKind::closed, {{"reason", "reopen_window_ended"}}}}, as_system);
      ++closed;
    });
  }
  return closed;
}

}  // namespace guiche::app
