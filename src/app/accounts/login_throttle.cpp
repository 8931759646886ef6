#include "app/accounts/login_throttle.hpp"

#include <algorithm>

#include "domain/error.hpp"

namespace guiche::app {

// Three free tries, then 1 s, 2 s, 4 s ... capped at 5 minutes. An address
// gets ten free tries: an office behind one NAT address shares them.
std::chrono::seconds LoginThrottle::delay_after(int failures) {
  if (failures <= 0) return std::chrono::seconds(0);
  return std::chrono::seconds(std::min<long>(300, 1L << std::min(failures - 1, 9)));
}

void LoginThrottle::require_no_wait(const std::string& login, const std::string& address,
                                    Instant now) {
  if (auto wait = wait_needed(login, address, now)) {
    throw DomainError(DomainError::Kind::rate_limited,
                      "Muitas tentativas de acesso. Tente novamente em " +
                          std::to_string(wait->count()) + " segundos.");
  }
}

std::optional<std::chrono::seconds> LoginThrottle::wait_needed(const std::string& login,
                                                               const std::string& address,
                                                               Instant now) {
  std::lock_guard lock(mutex_);
  std::chrono::milliseconds wait{0};
  auto check = [&](const std::map<std::string, Failures>& table, const std::string& key,
                   int free_tries) {
    auto it = table.find(key);
    if (it == table.end()) return;
    auto until = it->second.last + delay_after(it->second.count - free_tries);
    if (it->second.count > free_tries && until > now) {
      wait = std::max(wait, std::chrono::duration_cast<std::chrono::milliseconds>(until - now));
    }
  };
  check(by_login_, login, 3);
  check(by_address_, address, 10);
  if (wait.count() <= 0) return std::nullopt;
  return std::chrono::ceil<std::chrono::seconds>(wait);
}

void LoginThrottle::record_failure(const std::string& login, const std::string& address,
                                   Instant now) {
  std::lock_guard lock(mutex_);
  for (auto* f : {&by_login_[login], &by_address_[address]}) {
    // Failures long past are forgiven, so an office's typos do not add up forever.
    if (now - f->last > std::chrono::minutes(15)) f->count = 0;
    f->count += 1;
    f->last = now;
  }
}

void LoginThrottle::record_success(const std::string& login, const std::string& address) {
  std::lock_guard lock(mutex_);
  by_login_.erase(login);
  // The address keeps its count (it decays with time): one right password
  // must not reset a password spray from that address.
  (void)address;
}

}  // namespace guiche::app
