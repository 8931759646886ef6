#include "support/webhook_receiver.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "support/http_client.hpp"
#include "support/test_database.hpp"

namespace guiche::testing {

WebhookReceiver::WebhookReceiver(std::string secret) : secret_(std::move(secret)) {
  log_path_ = make_temp_dir("guiche-webhook-receiver") + "/received.jsonl";
  port_ = free_loopback_port();
  start();
}

WebhookReceiver::~WebhookReceiver() {
  stop();
  std::filesystem::remove_all(std::filesystem::path(log_path_).parent_path());
}

void WebhookReceiver::start() {
  if (pid_ > 0) return;
  std::vector<std::string> args = {"/usr/bin/python3", GUICHE_WEBHOOK_RECEIVER,
                                   std::to_string(port_), secret_, log_path_};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_ = ::fork();
  if (pid_ == 0) {
    // The port it prints is known already.
    const int quiet = ::open("/dev/null", O_WRONLY);
    ::dup2(quiet, 1);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  // Ready once it answers (its control path, which records nothing).
  for (int i = 0; i < 200; ++i) {
    if (http_request(port_, "POST", "/_control", {{"Content-Type", "application/json"}},
                     R"({"status":0})")
            .status == 204) {
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  ADD_FAILURE() << "the webhook receiver did not start on port " << port_;
}

void WebhookReceiver::stop() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGTERM);
  ::waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

void WebhookReceiver::answer(int status) {
  auto r = http_request(port_, "POST", "/_control", {{"Content-Type", "application/json"}},
                        "{\"status\":" + std::to_string(status) + "}");
  EXPECT_EQ(r.status, 204);
}

std::string WebhookReceiver::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + path;
}

std::vector<nlohmann::json> WebhookReceiver::received() const {
  std::vector<nlohmann::json> out;
  std::ifstream in(log_path_);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(nlohmann::json::parse(line));
  }
  return out;
}

}  // namespace guiche::testing
