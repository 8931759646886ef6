#include "support/whatsapp_fake.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <random>
#include <thread>

#include "support/http_client.hpp"

namespace guiche::testing {

WhatsAppFake::WhatsAppFake() {
  std::random_device random;
  phone_number_id_ = "1" + std::to_string(std::uniform_int_distribution<std::uint64_t>(
                               100'000'000'000'000ULL, 999'999'999'999'999ULL)(random));
  if (const char* port = std::getenv("GUICHE_TEST_WHATSAPP_PORT"); port && *port) {
    port_ = static_cast<unsigned short>(std::atoi(port));
  } else {
    port_ = free_loopback_port();
    std::vector<std::string> args = {"/usr/bin/python3",    GUICHE_WHATSAPP_CLOUD,
                                     std::to_string(port_), token(),
                                     "--templates",         GUICHE_WHATSAPP_TEMPLATES};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_ = ::fork();
    if (pid_ == 0) {
      const int quiet = ::open("/dev/null", O_WRONLY);
      ::dup2(quiet, 1);
      ::execv(argv[0], argv.data());
      ::_exit(127);
    }
  }
  for (int i = 0; i < 200; ++i) {
    if (http_request(port_, "GET", "/health").status == 200) {
      control("reset");
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  ADD_FAILURE() << "the fake WhatsApp Cloud API did not answer on port " << port_;
}

WhatsAppFake::~WhatsAppFake() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGTERM);
  ::waitpid(pid_, nullptr, 0);
}

std::string WhatsAppFake::api_url() const {
  return "http://127.0.0.1:" + std::to_string(port_) + "/v21.0";
}

std::string WhatsAppFake::sink_url() const {
  return "http://127.0.0.1:" + std::to_string(port_) + "/_control/" + phone_number_id_ + "/sink";
}

nlohmann::json WhatsAppFake::control(const std::string& what, const nlohmann::json& body) {
  const auto r = http_request(port_, "POST", "/_control/" + phone_number_id_ + "/" + what,
                              {{"Content-Type", "application/json"}}, body.dump());
  EXPECT_EQ(r.status, 200) << what << ": " << r.body;
  return r.json();
}

nlohmann::json WhatsAppFake::get(const std::string& what) {
  const auto r = http_request(port_, "GET", "/_control/" + phone_number_id_ + "/" + what);
  EXPECT_EQ(r.status, 200) << what << ": " << r.body;
  return r.json();
}

std::vector<nlohmann::json> WhatsAppFake::sent() {
  const auto answer = get("sent");
  std::vector<nlohmann::json> out;
  for (const auto& m : answer["messages"]) out.push_back(m);
  return out;
}

int WhatsAppFake::attempts() {
  const auto answer = get("attempts");
  return answer["count"].get<int>();
}

void WhatsAppFake::down(const std::string& mode) {
  control("down", {{"mode", mode.empty() ? nlohmann::json() : nlohmann::json(mode)}});
}

}  // namespace guiche::testing
