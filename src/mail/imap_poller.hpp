#pragma once
// The IMAP poller run by `guiche serve` for agencies whose mail sits on
// Exchange or a hosted service: every interval it lists the UNSEEN messages of
// each configured mailbox (libcurl; no IDLE), reads each without marking it
// (BODY.PEEK), hands it to the intake, and marks it \Seen only after the
// intake committed it. A crash in between leaves it unseen: it is read again
// and the intake's Message-ID dedup answers "duplicate". A message the intake
// refuses for good (empty, too large) is marked \Seen and \Flagged so it does
// not come back every round; it stays in the mailbox.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "observability/heartbeats.hpp"

namespace guiche::mail {

struct ImapConfig {
  // imap://host:port/MAILBOX or imaps://host/MAILBOX, one per mailbox.
  std::vector<std::string> mailboxes;
  std::string user;
  std::string password;  // from GUICHE_IMAP_PASSWORD only
  std::chrono::milliseconds interval{60'000};
  std::chrono::seconds timeout{60};
};

class ImapError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A permanent refusal from the intake (as opposed to a temporary failure).
class RefusedMessage : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Takes one raw message from `source` ("imap:MAILBOX"); returns once it is
// durably recorded. Throws RefusedMessage for a message that will never be
// accepted, anything else for a failure worth retrying.
using DeliverMail = std::function<void(const std::string& raw, const std::string& source)>;

class ImapPoller {
 public:
  // With `start_thread` false nothing runs until poll_once() is called.
  ImapPoller(ImapConfig config, DeliverMail deliver, bool start_thread = true);
  ~ImapPoller();  // stops and joins
  ImapPoller(const ImapPoller&) = delete;
  ImapPoller& operator=(const ImapPoller&) = delete;

  // One round over every mailbox; returns how many messages were delivered.
  // A mailbox that fails is reported on stderr and skipped until the next round.
  int poll_once();

 private:
  int poll_mailbox(const std::string& url);
  void run();

  ImapConfig config_;
  DeliverMail deliver_;
  void* curl_ = nullptr;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  observability::Heartbeats::Beat beat_;  // readiness: the poller still turns
  std::thread thread_;
};

// "INBOX" from "imaps://host/INBOX" (percent-escapes left as they are).
std::string mailbox_of(const std::string& url);

}  // namespace guiche::mail
