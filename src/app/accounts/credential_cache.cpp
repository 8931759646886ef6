#include "app/accounts/credential_cache.hpp"

namespace guiche::app {

CredentialCache::CredentialCache(std::chrono::milliseconds ttl, std::size_t capacity)
    : ttl_(ttl), capacity_(capacity) {}

std::uint64_t CredentialCache::generation() const {
  std::lock_guard lock(mutex_);
  return generation_;
}

std::optional<CredentialCache::Credential> CredentialCache::find(const std::string& key,
                                                                 Instant now) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(key);
  if (it == entries_.end()) return std::nullopt;
  const auto& c = it->second.credential;
  const bool session_over = c.expires_at != Instant{} && now >= c.expires_at;
  if (now >= it->second.fetched_at + ttl_ || now < it->second.fetched_at || session_over) {
    entries_.erase(it);
    return std::nullopt;
  }
  return c;
}

void CredentialCache::remember(const std::string& key, Credential credential, Instant now,
                               std::uint64_t generation) {
  if (ttl_.count() <= 0) return;
  std::lock_guard lock(mutex_);
  if (generation != generation_) return;
  // Bounded: many distinct callers within one ttl simply start over.
  if (entries_.size() >= capacity_) entries_.clear();
  entries_.insert_or_assign(key, Entry{std::move(credential), now});
}

void CredentialCache::forget(const std::string& key) {
  std::lock_guard lock(mutex_);
  ++generation_;
  entries_.erase(key);
}

CredentialCache::Units CredentialCache::units(Instant now) {
  std::lock_guard lock(mutex_);
  if (!units_ || now >= units_fetched_at_ + ttl_ || now < units_fetched_at_) return nullptr;
  return units_;
}

void CredentialCache::remember_units(Units units, Instant now, std::uint64_t generation) {
  if (ttl_.count() <= 0) return;
  std::lock_guard lock(mutex_);
  if (generation != generation_) return;
  units_ = std::move(units);
  units_fetched_at_ = now;
}

void CredentialCache::clear() {
  std::lock_guard lock(mutex_);
  ++generation_;
  entries_.clear();
  units_.reset();
}

}  // namespace guiche::app
