// Nothing in the outbox is sent twice across a crash, on either engine: a
// message is committed `sending` before its transport sees it, a crash then
// leaves it in doubt for an admin (never resent by itself), and the other
// due messages go out at once (store/outbox_rows.hpp, settle_in_doubt).
#include <gmock/gmock.h>

#include <functional>

#include "app/expect_error.hpp"
#include "app/outbox/outbox_admin.hpp"
#include "domain/error.hpp"
#include "store/outbox_rows.hpp"
#include "support/desk_world.hpp"
#include "transports/outbox_worker.hpp"

namespace guiche::testing {
namespace {

using namespace std::chrono_literals;

// Sends by remembering; `on_send` runs first and may end the "process".
class RecordingTransport final : public transports::NoticeTransport {
 public:
  RecordingTransport(std::vector<std::int64_t>& sent, std::function<void(std::int64_t)> on_send)
      : sent_(sent), on_send_(std::move(on_send)) {}
  std::string_view channel() const override { return "email"; }
  transports::SendOutcome send(const store::OutboxMessage& m) override {
    if (on_send_) on_send_(m.id);
    sent_.push_back(m.id);
    return transports::SendOutcome::sent();
  }

 private:
  std::vector<std::int64_t>& sent_;
  std::function<void(std::int64_t)> on_send_;
};

// What a SIGKILL does to the worker's thread: it never comes back.
struct Killed {};

class OutboxInDoubtTest : public DeskTest {
 protected:
  transports::WorkerConfig config() {
    transports::WorkerConfig c;
    c.batch = 100;
    c.lease = 1min;
    return c;
  }
  std::unique_ptr<transports::OutboxWorker> worker(std::function<void(std::int64_t)> on_send = {}) {
    return std::make_unique<transports::OutboxWorker>(
        database->db(), clock, std::make_unique<RecordingTransport>(sent, std::move(on_send)),
        config(), false);
  }
  std::string status_of(std::int64_t id) {
    std::string s;
    database->db().read([&](store::Connection& c) { s = store::load_message(c, id)->status; });
    return s;
  }
  std::vector<std::int64_t> sent;
};

TEST_P(OutboxInDoubtTest, AMessageIsCommittedSendingBeforeItsTransportSeesIt) {
  register_sis(w.requester_seger);
  const auto pending = count("outbox WHERE channel = 'email' AND status = 'pending'");
  ASSERT_GT(pending, 0);
  std::vector<std::string> seen;
  // The check reads through another connection: only a committed status shows there.
  auto w1 = worker([&](std::int64_t id) { seen.push_back(status_of(id)); });
  EXPECT_EQ(w1->deliver_due(), pending);
  EXPECT_THAT(seen, ::testing::Each(std::string("sending")));
  EXPECT_EQ(count("outbox WHERE channel = 'email' AND status = 'sent'"), pending);
}

TEST_P(OutboxInDoubtTest, AKillMidSendLeavesThatMessageInDoubtAndTheRestGoOutOnce) {
  register_sis(w.requester_seger);
  register_sis(w.requester_sesa);
  register_sis(w.requester_viana);
  const auto total = count("outbox WHERE channel = 'email'");
  ASSERT_GE(total, 3);
  // The second message reaches its receiver, then the process dies before recording it.
  int calls = 0;
  auto dying = worker([&](std::int64_t id) {
    if (++calls == 2) {
      sent.push_back(id);
      throw Killed{};
    }
  });
  EXPECT_THROW(dying->deliver_due(), Killed);
  ASSERT_EQ(sent.size(), 2u);
  const std::int64_t first = sent[0], cut_off = sent[1];
  sent.clear();
  // The first one's outcome committed with the second one's claim.
  EXPECT_EQ(status_of(first), "sent");
  EXPECT_EQ(count("outbox WHERE status = 'sending'"), 1);

  // The others go out at once, each once; the one cut off waits for its lease.
  auto next = worker();
  EXPECT_EQ(next->deliver_due(), total - 2);
  EXPECT_EQ(count("outbox WHERE status = 'sent'"), total - 1);
  EXPECT_EQ(static_cast<std::int64_t>(sent.size()), total - 2);
  EXPECT_THAT(sent, ::testing::Not(::testing::Contains(first)));
  EXPECT_THAT(sent, ::testing::Not(::testing::Contains(cut_off)));
  EXPECT_EQ(status_of(cut_off), "sending");
  // After it, it is in doubt.
  clock.advance(2min);
  EXPECT_EQ(next->deliver_due(), 0);
  EXPECT_EQ(count("outbox WHERE status = 'in_doubt'"), 1);
  std::int64_t doubtful = 0;
  database->db().read([&](store::Connection& c) {
    const auto rows = store::in_doubt_messages(c, 10);
    ASSERT_EQ(rows.size(), 1u);
    doubtful = rows[0].id;
    EXPECT_EQ(rows[0].last_error.value_or(""), store::kInDoubtNote);
  });
  EXPECT_EQ(doubtful, cut_off);
  EXPECT_THAT(sent, ::testing::Not(::testing::Contains(doubtful)));

  // Never again by itself, however long it waits.
  clock.advance(24h);
  EXPECT_EQ(next->deliver_due(), 0);
  EXPECT_EQ(status_of(doubtful), "in_doubt");

  // The admin decides: resend it (once) ...
  auto& outbox = desk->outbox();
  EXPECT_EQ(outbox.retry_outbox(as(w.admin), doubtful).status, "pending");
  EXPECT_EQ(next->deliver_due(), 1);
  EXPECT_EQ(std::count(sent.begin(), sent.end(), doubtful), 1);
  EXPECT_EQ(status_of(doubtful), "sent");
}

TEST_P(OutboxInDoubtTest, AnAdminConfirmsThatAMessageInDoubtArrived) {
  register_sis(w.requester_seger);
  auto dying = worker([&](std::int64_t) { throw Killed{}; });
  EXPECT_THROW(dying->deliver_due(), Killed);
  clock.advance(2min);
  auto next = worker();
  next->deliver_due();
  std::int64_t doubtful = 0;
  database->db().read(
      [&](store::Connection& c) { doubtful = store::in_doubt_messages(c, 10).at(0).id; });
  auto& outbox = desk->outbox();
  EXPECT_EQ(outcome([&] { outbox.confirm_delivered(as(w.attendant), doubtful); }), "forbidden");
  const auto confirmed = outbox.confirm_delivered(as(w.admin), doubtful);
  EXPECT_EQ(confirmed.status, "sent");
  EXPECT_TRUE(confirmed.sent_at.has_value());
  // Only a message in doubt can be confirmed, and a confirmed one is never sent.
  EXPECT_EQ(outcome([&] { outbox.confirm_delivered(as(w.admin), doubtful); }), "conflict");
  EXPECT_EQ(outcome([&] { outbox.confirm_delivered(as(w.admin), 999999); }), "not_found");
  clock.advance(24h);
  sent.clear();
  next->deliver_due();
  EXPECT_THAT(sent, ::testing::Not(::testing::Contains(doubtful)));
}

TEST_P(OutboxInDoubtTest, ASendLongerThanItsLeaseIsInDoubtUntilItsOutcomeArrives) {
  register_sis(w.requester_seger);
  std::unique_ptr<transports::OutboxWorker> other;
  std::vector<std::string> meanwhile;
  // While this send hangs past the lease, another node's worker runs.
  auto slow = worker([&](std::int64_t id) {
    clock.advance(2min);
    sent.push_back(-id);
    other = worker();
    EXPECT_EQ(other->deliver_due(), 0);
    meanwhile.push_back(status_of(id));
  });
  EXPECT_EQ(slow->deliver_due(), 1);
  EXPECT_THAT(meanwhile, ::testing::ElementsAre("in_doubt"));
  // The real outcome, when it comes, settles it: sent, and only once.
  EXPECT_EQ(count("outbox WHERE channel = 'email' AND status = 'sent'"), 1);
  EXPECT_EQ(count("outbox WHERE status = 'in_doubt'"), 0);
}

TEST_P(OutboxInDoubtTest, AStoppingWorkerRecordsTheMessageOutAndClaimsNoOther) {
  register_sis(w.requester_seger);
  register_sis(w.requester_sesa);
  const auto total = count("outbox WHERE channel = 'email'");
  ASSERT_GE(total, 2);
  std::unique_ptr<transports::OutboxWorker> w1;
  w1 = std::make_unique<transports::OutboxWorker>(
      database->db(), clock,
      std::make_unique<RecordingTransport>(sent, [&](std::int64_t) { w1->request_stop(); }),
      config(), false);
  EXPECT_EQ(w1->deliver_due(), 1);
  EXPECT_EQ(sent.size(), 1u);
  EXPECT_EQ(count("outbox WHERE status = 'sent'"), 1);
  EXPECT_EQ(count("outbox WHERE status = 'pending' AND attempts = 0"), total - 1);
  auto next = worker();
  EXPECT_EQ(next->deliver_due(), total - 1);
  EXPECT_EQ(count("outbox WHERE status = 'sent'"), total);
}

GUICHE_ON_BOTH_ENGINES(OutboxInDoubtTest);

}  // namespace
}  // namespace guiche::testing
