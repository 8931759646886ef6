#pragma once
// The webhook receiver of scripts/test-servers/webhook_receiver.py, run by a
// test on 127.0.0.1: it checks each delivery's signature with the secret and
// records it; the test may tell it which status to answer, stop it and start
// it again on the same port.
#include <sys/types.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace guiche::testing {

class WebhookReceiver {
 public:
  explicit WebhookReceiver(std::string secret);
  ~WebhookReceiver();  // stops it and removes its log
  WebhookReceiver(const WebhookReceiver&) = delete;
  WebhookReceiver& operator=(const WebhookReceiver&) = delete;

  void start();  // on the same port each time
  void stop();
  // The status to answer from now on; 0: 204 when the signature is right, else 401.
  void answer(int status);
  std::string url(const std::string& path = "/hook") const;
  // Every request it received, in order (parsed log lines).
  std::vector<nlohmann::json> received() const;

 private:
  std::string secret_;
  std::string log_path_;
  unsigned short port_ = 0;
  pid_t pid_ = -1;
};

}  // namespace guiche::testing
