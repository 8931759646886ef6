// The IMAP poller against a real Dovecot: UNSEEN messages become tickets
// through the intake and are marked \Seen only once the intake committed
// them; a failure leaves them unseen for the next round, and a message read
// twice (a crash between commit and \Seen) is still one ticket.
#include <gmock/gmock.h>

#include <unistd.h>

#include <atomic>
#include <chrono>

#include "app/mail_intake/mail_intake.hpp"
#include "domain/error.hpp"
#include "imap_server.hpp"
#include "mail/imap_poller.hpp"
#include "support/desk_world.hpp"
#include "support/raw_mail.hpp"

namespace guiche::testing {
namespace {

class ImapPollerTest : public DeskTest {
 protected:
  void SetUp() override {
    DeskTest::SetUp();
    imap = shared_imap();
    ASSERT_NE(imap.port, 0);
    static std::atomic<int> serial{0};
    // The clock too: a process id comes back in later runs on a running server.
    mailbox = "Teste" + std::to_string(::getpid()) + "-" + std::to_string(++serial) + "-" +
              std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()) +
              (GetParam() == Engine::sqlite ? "s" : "p");
    imap.create_mailbox(mailbox);
  }
  // Small enough for a test to send a message the intake refuses for good.
  app::DeskConfig desk_config() override {
    auto c = DeskTest::desk_config();
    c.max_mail_bytes = 16 * 1024;
    return c;
  }
  mail::ImapConfig config() {
    mail::ImapConfig c;
    c.mailboxes = {imap.url(mailbox)};
    c.user = imap.user;
    c.password = imap.password;
    return c;
  }
  mail::DeliverMail to_desk() {
    return [this](const std::string& raw, const std::string& source) {
      try {
        sources.push_back(source);
        desk->mail().receive_polled_mail(raw, source);
      } catch (const DomainError& e) {
        throw mail::RefusedMessage(e.what());
      }
    };
  }
  RawMail message(int i) {
    RawMail m;
    m.subject = "Pedido " + std::to_string(i);
    m.message_id = "<imap-" + mailbox + "-" + std::to_string(i) + "@seger.es.gov.br>";
    return m;
  }

  ImapServer imap;
  std::string mailbox;
  std::vector<std::string> sources;
};

TEST_P(ImapPollerTest, UnseenMessagesBecomeTicketsAndAreMarkedSeen) {
  for (int i = 0; i < 3; ++i) imap.save(mailbox, message(i).str());
  ASSERT_EQ(imap.count(mailbox, "unseen"), 3);
  mail::ImapPoller poller(config(), to_desk(), false);
  EXPECT_EQ(poller.poll_once(), 3);
  EXPECT_EQ(count("tickets"), 3);
  EXPECT_EQ(imap.count(mailbox, "unseen"), 0);
  EXPECT_EQ(imap.count(mailbox, "seen"), 3);
  EXPECT_EQ(sources, std::vector<std::string>(3, "imap:" + mailbox));
  // Nothing new: nothing read.
  EXPECT_EQ(poller.poll_once(), 0);
  EXPECT_EQ(count("tickets"), 3);
}

TEST_P(ImapPollerTest, AFailedDeliveryLeavesTheMessageUnseenForTheNextRound) {
  imap.save(mailbox, message(1).str());
  int calls = 0;
  mail::ImapPoller failing(
      config(),
      [&](const std::string&, const std::string&) {
        ++calls;
        throw std::runtime_error("banco indisponível");
      },
      false);
  EXPECT_EQ(failing.poll_once(), 0);
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(imap.count(mailbox, "unseen"), 1);
  mail::ImapPoller poller(config(), to_desk(), false);
  EXPECT_EQ(poller.poll_once(), 1);
  EXPECT_EQ(imap.count(mailbox, "unseen"), 0);
  EXPECT_EQ(count("tickets"), 1);
}

TEST_P(ImapPollerTest, AMessageCommittedButNotMarkedIsNotProcessedTwice) {
  const RawMail m = message(7);
  imap.save(mailbox, m.str());
  // The server died after the intake's commit, before \Seen.
  desk->mail().receive_polled_mail(m.str(), "imap:" + mailbox);
  mail::ImapPoller poller(config(), to_desk(), false);
  EXPECT_EQ(poller.poll_once(), 1);
  EXPECT_EQ(imap.count(mailbox, "unseen"), 0);
  EXPECT_EQ(count("tickets"), 1);
  EXPECT_EQ(count("inbound_messages"), 1);
}

TEST_P(ImapPollerTest, ARefusedMessageIsFlaggedAndNotReadAgain) {
  RawMail huge = message(1);
  huge.body = std::string(20 * 1024, 'x');  // over the desk's limit: refused for good
  imap.save(mailbox, huge.str());
  imap.save(mailbox, message(2).str());
  mail::ImapPoller poller(config(), to_desk(), false);
  EXPECT_EQ(poller.poll_once(), 1);
  EXPECT_EQ(imap.count(mailbox, "unseen"), 0);
  EXPECT_EQ(imap.count(mailbox, "flagged"), 1);
  EXPECT_EQ(count("tickets"), 1);
}

TEST_P(ImapPollerTest, AWrongPasswordIsReportedAndChangesNothing) {
  imap.save(mailbox, message(3).str());
  auto c = config();
  c.password = "errada";
  mail::ImapPoller poller(c, to_desk(), false);
  EXPECT_EQ(poller.poll_once(), 0);
  EXPECT_EQ(imap.count(mailbox, "unseen"), 1);
  EXPECT_EQ(count("inbound_messages"), 0);
}

GUICHE_ON_BOTH_ENGINES(ImapPollerTest);

}  // namespace
}  // namespace guiche::testing
