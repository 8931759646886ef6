#pragma once
// Delivery over SMTP with libcurl. One sender keeps one connection open
// across messages (curl reuses it), so a worker pays the handshake once.
#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace guiche::mail {

struct SmtpConfig {
  std::string host;  // empty: mail is queued but not delivered
  int port = 25;
  // none: plain SMTP; optional: STARTTLS when offered; required: refuse without it.
  enum class Tls { none, optional, required } tls = Tls::optional;
  std::string user;      // empty: no authentication
  std::string password;  // never logged nor stored
  bool verify_peer = true;
  std::chrono::seconds timeout{30};
};

// A delivery that did not succeed. `what()` is safe to store and show: it
// never carries the password.
class SmtpError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class SmtpSender {
 public:
  explicit SmtpSender(SmtpConfig config);
  ~SmtpSender();
  SmtpSender(const SmtpSender&) = delete;
  SmtpSender& operator=(const SmtpSender&) = delete;

  // Sends `data` (a whole RFC 5322 message, CRLF line ends) from the envelope
  // sender to the recipients; throws SmtpError when the server did not accept it.
  void send(const std::string& envelope_from, const std::vector<std::string>& recipients,
            const std::string& data);

 private:
  SmtpConfig config_;
  void* curl_ = nullptr;  // CURL*, kept out of this header
};

}  // namespace guiche::mail
