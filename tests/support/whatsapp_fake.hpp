#pragma once
// The fake WhatsApp Cloud API (scripts/test-servers/whatsapp_cloud.py) for a
// test: the one run-tests.sh started (GUICHE_TEST_WHATSAPP_URL and _PORT),
// or else one started here for this test. Each instance speaks for its own
// phone number id, so tests running in parallel share a fake without seeing
// each other's messages; the methods are the fake's control API.
#include <sys/types.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace guiche::testing {

class WhatsAppFake {
 public:
  WhatsAppFake();
  ~WhatsAppFake();  // stops the fake it started
  WhatsAppFake(const WhatsAppFake&) = delete;
  WhatsAppFake& operator=(const WhatsAppFake&) = delete;

  std::string api_url() const;  // the base URL with its version
  const std::string& phone_number_id() const { return phone_number_id_; }
  unsigned short port() const { return port_; }
  static std::string token() { return "fake-token"; }

  // POST /_control/{id}/{what} with `body`; the answer's JSON.
  nlohmann::json control(const std::string& what,
                         const nlohmann::json& body = nlohmann::json::object());
  nlohmann::json get(const std::string& what);
  // The sends it accepted, oldest first (each {"id","to","type","request","at"}).
  std::vector<nlohmann::json> sent();
  int attempts();
  void fail(int code, int count) { control("fail", {{"code", code}, {"count", count}}); }
  // "503", "close" or "" (back up).
  void down(const std::string& mode);
  // Where the fake's own webhook receiver listens (control "sink").
  std::string sink_url() const;

 private:
  std::string phone_number_id_;
  unsigned short port_ = 0;
  pid_t pid_ = -1;
};

}  // namespace guiche::testing
