#include "imap_server.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

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
  const std::string file = dir + "/seed.eml";
  std::ofstream(file, std::ios::binary | std::ios::trunc) << raw;
  run("doveadm -c " + dir + "/dovecot.conf save -u " + user + " -m '" + mailbox + "' <" + file);
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
