#include "app/ledger/rating_share.hpp"

namespace guiche::app {

std::optional<store::TicketRatingShare> rating_share_of(const Ticket& t,
                                                        const store::TicketReportShare& report) {
  if (!report.resolved || !report.ended_day || !t.resolved_at) return std::nullopt;
  store::TicketRatingShare s;
  s.organization_id = report.organization_id;
  s.unit_id = report.unit_id;
  s.service_id = report.service_id;
  s.severity = report.severity;
  s.channel = report.channel;
  s.category = report.category;
  s.resolved_day = *report.ended_day;
  s.resolved_at = *t.resolved_at;
  if (t.rating && *t.rating >= 1 && *t.rating <= 5) {
    s.rating = t.rating;
    s.commented = t.rating_comment.find_first_not_of(" \t\r\n") != std::string::npos;
  }
  return s;
}

void refresh_rating_share(store::Connection& c, const Ticket& ticket,
                          const store::TicketReportShare& report) {
  store::move_ticket_rating_share(c, ticket.id, store::load_ticket_rating_share(c, ticket.id),
                                  rating_share_of(ticket, report));
}

}  // namespace guiche::app
