#include "support/smtp_sink.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace guiche::testing {
namespace {

std::string sink_header_value(const std::string& message, const std::string& name) {
  std::istringstream in(message);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) break;  // end of the header
    if (line.size() > name.size() && strncasecmp(line.c_str(), name.c_str(), name.size()) == 0 &&
        line[name.size()] == ':') {
      auto value = line.substr(name.size() + 1);
      return value.substr(value.find_first_not_of(' '));
    }
  }
  return "";
}

template <typename Fn>
void each_sink_message(const std::string& maildir, Fn fn) {
  for (const char* sub : {"new", "cur"}) {
    const auto dir = std::filesystem::path(maildir) / sub;
    if (!std::filesystem::exists(dir)) continue;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      std::ifstream file(entry.path(), std::ios::binary);
      std::stringstream body;
      body << file.rdbuf();
      fn(body.str());
    }
  }
}

}  // namespace

SmtpSink shared_sink() {
  const char* port = std::getenv("GUICHE_TEST_SMTP_PORT");
  const char* maildir = std::getenv("GUICHE_TEST_SMTP_MAILDIR");
  if (!port || !maildir) {
    ADD_FAILURE()
        << "GUICHE_TEST_SMTP_PORT/GUICHE_TEST_SMTP_MAILDIR are not set: run "
           "`read GUICHE_TEST_SMTP_PORT GUICHE_TEST_SMTP_MAILDIR < <(scripts/test-servers/"
           "smtp.sh start)` and export both (scripts/run-tests.sh does)";
    return {};
  }
  return {std::atoi(port), maildir, GUICHE_SMTP_SCRIPT};
}

std::map<std::string, int> received_message_ids(const std::string& maildir) {
  std::map<std::string, int> ids;
  each_sink_message(maildir,
                    [&](const std::string& m) { ++ids[sink_header_value(m, "Message-ID")]; });
  return ids;
}

std::map<std::string, std::vector<std::string>> received_recipients(const std::string& maildir) {
  std::map<std::string, std::vector<std::string>> out;
  each_sink_message(maildir, [&](const std::string& m) {
    out[sink_header_value(m, "Message-ID")].push_back(sink_header_value(m, "X-RcptTo"));
  });
  return out;
}

std::string received_message(const std::string& maildir, const std::string& message_id) {
  std::string found;
  each_sink_message(maildir, [&](const std::string& m) {
    if (sink_header_value(m, "Message-ID") == message_id) found = m;
  });
  return found;
}

std::string run_sink_script(const SmtpSink& shared, int port, const std::string& verb) {
  const std::string command =
      "GUICHE_TEST_SMTP_PORT=" + std::to_string(port) + " " + shared.script + " " + verb;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return "";
  char buffer[512];
  std::string out;
  while (fgets(buffer, sizeof buffer, pipe)) out += buffer;
  EXPECT_EQ(pclose(pipe), 0) << command;
  const auto space = out.find(' ');
  if (space == std::string::npos) return "";
  std::string dir = out.substr(space + 1);
  while (!dir.empty() && (dir.back() == '\n' || dir.back() == '\r')) dir.pop_back();
  return dir;
}

}  // namespace guiche::testing
