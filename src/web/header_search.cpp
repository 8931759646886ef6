// The header's search (GET /busca?q=): a protocol number as people quote it
// ("2026-000123", "[SA 2026-000123]") opens that ticket, on the agent's page
// for staff and on the request's page for everyone else; any other text is
// searched where the person works (the queue for staff, Minha Área for
// requesters). A protocol the person may not see is searched like text, so
// the answer tells nothing of other people's tickets.
#include "app/access_policy.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "domain/protocol_number.hpp"
#include "web/agent/agent_common.hpp"
#include "web/page_routes.hpp"

namespace guiche::web {
namespace {

std::string trimmed_query(const std::string& q) {
  const auto first = q.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return q.substr(first, q.find_last_not_of(" \t") - first + 1);
}

http::Response header_search(WebContext& ctx, const http::Request& r) {
  const auto v = require_visitor(ctx, r);
  const auto q = trimmed_query(r.query_value("q").value_or(""));
  const bool staff = app::is_staff(v.actor.person);
  if (q.empty()) return see_other(home_path(v.actor.person));
  if (const auto number = parse_protocol(q)) {
    const auto protocol = format_protocol(number->year, number->sequence);
    try {
      const auto t = ctx.desk.tickets().ticket_by_protocol(v.actor, protocol);
      const bool own = app::is_requester_side(v.actor.person, t);
      return see_other(staff && !own ? agent_ticket_url(t.protocol) : ticket_path(t.protocol));
    } catch (const DomainError& e) {
      if (e.kind() != DomainError::Kind::not_found) throw;
    }
    if (!staff) return see_other("/minha-area?protocolo=" + url_encode(protocol));
  }
  return see_other((staff ? "/atendimento?q=" : "/minha-area?q=") + url_encode(q));
}

}  // namespace

void add_header_search(WebContext& ctx, std::vector<http::Route>& routes) {
  routes.push_back({"GET", "/busca", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return header_search(ctx, r); });
                    }});
}

}  // namespace guiche::web
