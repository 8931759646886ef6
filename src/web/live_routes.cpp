// Live updates as server-sent events, for the pages' htmx SSE extension.
//   GET /ao-vivo/filas              event "fila" (data: the protocol) whenever
//                                   a ticket the agent may list changes.
//   GET /ao-vivo/chamados/{protocol} event "chamado" (data: the protocol) when
//                                   that ticket changes; requesters hear only
//                                   of public changes.
// Who may listen is decided at connect, with the pages' own visibility; the
// stream ends when the client goes away or the server stops.
#include "app/live/live_updates.hpp"
#include "web/agent/agent_common.hpp"
#include "web/page_routes.hpp"

namespace guiche::web {
namespace {

http::Response refusal(int status, const std::string& message) {
  http::Response r{status, "text/plain; charset=utf-8", message, {}};
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

// Follows with `follow` (which authorizes) and ties the subscription's end to
// the stream's; errors become plain refusals (EventSource does not read them).
std::optional<http::Response> open_stream(
    WebContext& ctx, const http::Request& r, const std::shared_ptr<http::EventStream>& stream,
    const std::function<std::uint64_t(const Visitor&, app::TicketEventsHub::Listener)>& follow,
    const std::string& event) {
  const auto v = current_visitor(ctx, r);
  if (!v || v->actor.person.must_change_password) return refusal(401, "Entre para acompanhar.");
  std::uint64_t subscription = 0;
  try {
    subscription = follow(*v, [stream, event](const app::TicketChange& change) {
      stream->send(event, change.protocol);
    });
  } catch (const DomainError& e) {
    const int status = e.kind() == DomainError::Kind::forbidden   ? 403
                       : e.kind() == DomainError::Kind::not_found ? 404
                                                                  : 400;
    return refusal(status, e.what());
  }
  stream->on_close([&ctx, subscription] { ctx.desk.live().unfollow(subscription); });
  return std::nullopt;
}

}  // namespace

void add_live_routes(WebContext& ctx, std::vector<http::Route>& routes) {
  routes.push_back({"GET", "/ao-vivo/filas", nullptr,
                    [&ctx](const http::Request& r, const std::shared_ptr<http::EventStream>& s) {
                      return open_stream(
                          ctx, r, s,
                          [&ctx](const Visitor& v, app::TicketEventsHub::Listener l) {
                            if (!app::is_staff(v.actor.person)) {
                              throw forbidden("Somente a equipe acompanha as filas.");
                            }
                            return ctx.desk.live().follow_queues(v.actor, std::move(l));
                          },
                          "fila");
                    }});
  routes.push_back({"GET", "/ao-vivo/chamados/:protocol", nullptr,
                    [&ctx](const http::Request& r, const std::shared_ptr<http::EventStream>& s) {
                      const auto protocol = r.params.at("protocol");
                      return open_stream(
                          ctx, r, s,
                          [&ctx, protocol](const Visitor& v, app::TicketEventsHub::Listener l) {
                            return ctx.desk.live().follow_ticket(v.actor, protocol, std::move(l));
                          },
                          "chamado");
                    }});
}

}  // namespace guiche::web
