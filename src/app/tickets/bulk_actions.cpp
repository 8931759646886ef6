#include "app/tickets/bulk_actions.hpp"

#include <algorithm>

#include "app/access_policy.hpp"
#include "app/answers/macros.hpp"
#include "app/incidents/notice_tickets.hpp"
#include "app/tickets/ticket_work.hpp"
#include "domain/error.hpp"

namespace guiche::app {

std::optional<BulkAction::Kind> parse_bulk_kind(const std::string& code) {
  using K = BulkAction::Kind;
  if (code == "assign") return K::assign;
  if (code == "route") return K::route;
  if (code == "status") return K::status;
  if (code == "notice") return K::notice;
  if (code == "macro") return K::macro;
  return std::nullopt;
}

BulkReport BulkActions::apply(const Actor& a, const std::vector<std::int64_t>& ticket_ids,
                              const BulkAction& action) {
  require_active(a);
  if (!is_staff(a.person)) throw forbidden("Somente a equipe age sobre vários chamados.");
  std::vector<std::int64_t> ids;
  for (auto id : ticket_ids) {
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  }
  if (ids.empty()) throw invalid_field("ticket_ids", "Escolha ao menos um chamado.");
  if (ids.size() > kMaxTickets) {
    throw invalid_field("ticket_ids", "Escolha no máximo " + std::to_string(kMaxTickets) +
                                          " chamados de cada vez.");
  }
  BulkReport report;
  for (auto id : ids) {
    BulkOutcome o;
    o.ticket_id = id;
    ctx_.db.read([&](store::Connection& c) {
      if (auto t = ctx_.visible_ticket(c, a, id)) o.protocol = t->protocol;
    });
    try {
      if (o.protocol.empty()) throw not_found("Chamado não encontrado.");
      switch (action.kind) {
        case BulkAction::Kind::assign:
          work_.assign(a, id, action.assignee_id);
          break;
        case BulkAction::Kind::route:
          work_.route(a, id, action.unit_id, std::nullopt);
          break;
        case BulkAction::Kind::status:
          work_.change_status(a, id, action.status, action.reason);
          break;
        case BulkAction::Kind::notice:
          notices_.link_ticket(a, action.notice_id, id);
          break;
        case BulkAction::Kind::macro:
          macros_.apply(a, action.macro_id, id);
          break;
      }
      o.done = true;
      ++report.done;
    } catch (const DomainError& e) {
      o.reason = e.what();
      ++report.skipped;
    }
    report.tickets.push_back(std::move(o));
  }
  return report;
}

}  // namespace guiche::app
