#pragma once
// The real Dovecot the IMAP tests read from (scripts/test-servers/imap.sh,
// started by scripts/run-tests.sh): where it listens, its user, and doveadm
// to seed messages without marking them \Seen (curl's APPEND would).
#include <string>

namespace guiche::testing {

struct ImapServer {
  int port = 0;
  std::string user;
  std::string password;
  std::string dir;  // holds dovecot.conf

  // imap://127.0.0.1:PORT/MAILBOX
  std::string url(const std::string& mailbox) const;
  // A new, empty mailbox (tests use their own, so runs never see each other's mail).
  void create_mailbox(const std::string& mailbox) const;
  void save(const std::string& mailbox, const std::string& raw) const;
  // UIDs matching an IMAP search query ("unseen", "seen flagged", ...).
  int count(const std::string& mailbox, const std::string& query) const;
};

// From GUICHE_TEST_IMAP_PORT/_USER/_PASSWORD/_DIR; fails the test (never
// skips) when they are missing.
ImapServer shared_imap();

}  // namespace guiche::testing
