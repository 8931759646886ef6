// The server-sent event streams (/ao-vivo/...) over a real socket: an agent's
// queue stream hears a change, nobody hears what they may not see, a client
// that went away is forgotten, and stopping the server ends open streams.
#include <gmock/gmock.h>

#include <chrono>
#include <thread>

#include "app/live/live_updates.hpp"
#include "app/tickets/ticket_work.hpp"
#include "support/http_client.hpp"
#include "support/stream_client.hpp"
#include "support/web_server_test.hpp"

namespace guiche::testing {
namespace {

using namespace std::chrono_literals;

class LiveStreamTest : public WebServerTest {
 protected:
  http::ServeOptions serve_options() override { return {.stream_ping = 100ms}; }
  std::string cookie_of(const Person& p) { return sign_in(p).cookie; }
  // Until the hub holds `n` subscriptions (streams open asynchronously).
  bool subscribers_become(std::size_t n) {
    for (int i = 0; i < 200; ++i) {
      if (desk->live().hub().subscribers() == n) return true;
      std::this_thread::sleep_for(10ms);
    }
    return false;
  }
};

TEST_P(LiveStreamTest, AnAgentsQueueStreamHearsAChangeAnotherUnitDoesNot) {
  StreamClient attendant(port, "/ao-vivo/filas", cookie_of(w.attendant));
  StreamClient dba(port, "/ao-vivo/filas", cookie_of(w.analyst_dba));
  ASSERT_TRUE(attendant.wait_for("retry:"));
  EXPECT_THAT(attendant.received, ::testing::HasSubstr("Content-Type: text/event-stream"));
  ASSERT_TRUE(dba.wait_for("retry:"));
  ASSERT_TRUE(subscribers_become(2));
  const auto t = register_sis(w.requester_seger);
  EXPECT_TRUE(attendant.wait_for("event: fila\ndata: " + t.protocol + "\n\n"));
  // The DBA analyst gets keep-alive comments only.
  EXPECT_TRUE(dba.wait_for(": ping"));
  EXPECT_THAT(dba.received, ::testing::Not(::testing::HasSubstr("event:")));
}

TEST_P(LiveStreamTest, OnlyThoseWhoMaySeeATicketFollowIt) {
  const auto t = register_sis(w.requester_seger);
  // Another organization's requester: the ticket does not exist for them.
  EXPECT_EQ(http_request(port, "GET", "/ao-vivo/chamados/" + t.protocol,
                         {{"Cookie", cookie_of(w.requester_sesa)}})
                .status,
            404);
  EXPECT_EQ(http_request(port, "GET", "/ao-vivo/chamados/" + t.protocol).status, 401);
  EXPECT_EQ(http_request(port, "GET", "/ao-vivo/filas", {{"Cookie", cookie_of(w.requester_seger)}})
                .status,
            403);
  EXPECT_EQ(desk->live().hub().subscribers(), 0u);

  StreamClient owner(port, "/ao-vivo/chamados/" + t.protocol, cookie_of(w.requester_seger));
  ASSERT_TRUE(owner.wait_for("retry:"));
  ASSERT_TRUE(subscribers_become(1));
  desk->work().add_internal_note(as(w.attendant), t.id, "Só para a equipe.");
  desk->work().reply(as(w.attendant), t.id, "Recebemos seu pedido.");
  ASSERT_TRUE(owner.wait_for("event: chamado\n"));
  // One event: the internal note was not announced to the requester.
  const auto first = owner.received.find("event: chamado");
  EXPECT_EQ(owner.received.find("event: chamado", first + 1), std::string::npos);
}

TEST_P(LiveStreamTest, AClientThatWentAwayIsForgotten) {
  StreamClient attendant(port, "/ao-vivo/filas", cookie_of(w.attendant));
  ASSERT_TRUE(attendant.wait_for("retry:"));
  ASSERT_TRUE(subscribers_become(1));
  attendant.close();
  // The next keep-alive write fails and the subscription ends.
  EXPECT_TRUE(subscribers_become(0));
}

TEST_P(LiveStreamTest, StoppingTheServerEndsOpenStreamsPromptly) {
  StreamClient attendant(port, "/ao-vivo/filas", cookie_of(w.attendant));
  ASSERT_TRUE(attendant.wait_for("retry:"));
  ASSERT_TRUE(subscribers_become(1));
  const auto started = std::chrono::steady_clock::now();
  stop();
  EXPECT_LT(std::chrono::steady_clock::now() - started, 3s);
  EXPECT_EQ(desk->live().hub().subscribers(), 0u);
  attendant.wait_for("never arrives", 2s);
  EXPECT_TRUE(attendant.closed_by_server);
}

GUICHE_ON_BOTH_ENGINES(LiveStreamTest);

}  // namespace
}  // namespace guiche::testing
