#pragma once
// Who a session or API token stands for, and the unit tree, remembered for a
// moment so that a burst of requests does not re-read the same person, roles
// and units for every one of them.
//
// Changes made through this desk clear the cache at once. Changes made by
// another node sharing the database (a sign-out, a revoked token, a role
// removed) are seen here within `ttl`: that is the price of the cache, and
// why the default is short.
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/person.hpp"
#include "domain/ticket_status.hpp"
#include "domain/time.hpp"
#include "domain/unit.hpp"

namespace guiche::app {

class CredentialCache {
 public:
  struct Credential {
    Person person;
    Channel channel = Channel::portal;
    std::string csrf_token;                  // sessions only
    Instant expires_at{};                    // sessions; tokens never expire by themselves
    std::optional<std::int64_t> token_id{};  // tokens
  };
  using Units = std::shared_ptr<const std::vector<Unit>>;

  // A ttl of zero turns the cache off.
  CredentialCache(std::chrono::milliseconds ttl, std::size_t capacity);

  // The generation to pass to remember(): a clear() in between makes the
  // remembered value stale, so it is dropped instead of stored.
  std::uint64_t generation() const;

  std::optional<Credential> find(const std::string& key, Instant now);
  void remember(const std::string& key, Credential credential, Instant now,
                std::uint64_t generation);
  void forget(const std::string& key);

  Units units(Instant now);
  void remember_units(Units units, Instant now, std::uint64_t generation);

  // Forget everything: something about people, roles, tokens or units changed.
  void clear();

 private:
  struct Entry {
    Credential credential;
    Instant fetched_at;
  };
  const std::chrono::milliseconds ttl_;
  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::uint64_t generation_ = 0;
  std::unordered_map<std::string, Entry> entries_;
  Units units_;
  Instant units_fetched_at_{};
};

}  // namespace guiche::app
