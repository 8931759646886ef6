#pragma once
// Slows down password guessing: after a few failures for the same login or
// from the same address, further attempts are refused for a growing delay.
// In memory, per process: a restart forgives, which is acceptable for a
// throttle (the passwords themselves are argon2id hashes).
#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "domain/time.hpp"

namespace guiche::app {

class LoginThrottle {
 public:
  // How long the caller must still wait, if at all.
  std::optional<std::chrono::seconds> wait_needed(const std::string& login,
                                                  const std::string& address, Instant now);
  // Throws DomainError(rate_limited), with the wait in its pt-BR message,
  // when `login` from `address` must still wait.
  void require_no_wait(const std::string& login, const std::string& address, Instant now);
  void record_failure(const std::string& login, const std::string& address, Instant now);
  void record_success(const std::string& login, const std::string& address);

 private:
  struct Failures {
    int count = 0;
    Instant last{};
  };
  static std::chrono::seconds delay_after(int failures);
  std::mutex mutex_;
  std::map<std::string, Failures> by_login_;
  std::map<std::string, Failures> by_address_;
};

}  // namespace guiche::app
