#include "imap_server.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>

namespace guiche::testing {
namespace {

std::string run(const std::string& command) {
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return "";
  std::string out;
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  EXPECT_EQ(::pclose(pipe), 0) << command << "\n" << out;
  return out;
}

}  // namespace

std::string ImapServer::url(const std::string& mailbox) const {
  return "imap://127.0.0.1:" + std::to_string(port) + "/" + mailbox;
}

void ImapServer::create_mailbox(const std::string& mailbox) const {
  run("doveadm -c " + dir + "/dovecot.conf mailbox create -u " + user + " '" + mailbox + "'");
}

void ImapServer::save(const std::string& mailbox, const std::string& raw) const {
  // Straight into doveadm's standard input: tests run in parallel, and a
  // seed file shared between them once delivered one test's message twice.
  const std::string command =
      "doveadm -c " + dir + "/dovecot.conf save -u " + user + " -m '" + mailbox + "'";
  FILE* pipe = ::popen(command.c_str(), "w");
  ASSERT_NE(pipe, nullptr) << command;
  EXPECT_EQ(std::fwrite(raw.data(), 1, raw.size(), pipe), raw.size()) << command;
  EXPECT_EQ(::pclose(pipe), 0) << command;
}

int ImapServer::count(const std::string& mailbox, const std::string& query) const {
  const std::string out = run("doveadm -c " + dir + "/dovecot.conf search -u " + user +
                              " mailbox '" + mailbox + "' " + query);
  int lines = 0;
  for (char ch : out) lines += ch == '\n';
  return lines;
}

ImapServer shared_imap() {
  const char* port = std::getenv("GUICHE_TEST_IMAP_PORT");
  const char* user = std::getenv("GUICHE_TEST_IMAP_USER");
  const char* password = std::getenv("GUICHE_TEST_IMAP_PASSWORD");
  const char* dir = std::getenv("GUICHE_TEST_IMAP_DIR");
  if (!port || !user || !password || !dir) {
    ADD_FAILURE() << "GUICHE_TEST_IMAP_PORT/_USER/_PASSWORD/_DIR are not set: run `read "
                     "GUICHE_TEST_IMAP_PORT GUICHE_TEST_IMAP_USER GUICHE_TEST_IMAP_PASSWORD "
                     "GUICHE_TEST_IMAP_DIR < <(scripts/test-servers/imap.sh start)` and export "
                     "them (scripts/run-tests.sh does)";
    return {};
  }
  return {std::atoi(port), user, password, dir};
}

}  // namespace guiche::testing
