#pragma once
// The real SMTP sink the tests deliver to (scripts/test-servers/smtp.sh,
// started by scripts/run-tests.sh): its port and the Message-IDs it received.
#include <map>
#include <string>
#include <vector>

namespace guiche::testing {

struct SmtpSink {
  int port = 0;
  std::string maildir;
  std::string script;  // smtp.sh, to start and stop a sink of one's own
};

// From GUICHE_TEST_SMTP_PORT and GUICHE_TEST_SMTP_MAILDIR; fails the test
// (never skips) when they are missing.
SmtpSink shared_sink();
// Message-ID -> how many messages with it the maildir holds.
std::map<std::string, int> received_message_ids(const std::string& maildir);
// Message-ID -> the envelope recipient (X-RcptTo, as the sink writes it) of
// each copy received.
std::map<std::string, std::vector<std::string>> received_recipients(const std::string& maildir);
// The whole file of the message with this Message-ID ("" when none).
std::string received_message(const std::string& maildir, const std::string& message_id);
// Runs `smtp.sh start|stop` for a sink of its own on `port`; returns its maildir.
std::string run_sink_script(const SmtpSink& shared, int port, const std::string& verb);

}  // namespace guiche::testing
