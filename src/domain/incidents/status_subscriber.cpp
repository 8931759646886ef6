#include "domain/incidents/status_subscriber.hpp"

#include <algorithm>
#include <charconv>

namespace guiche {

std::string_view subscriber_state_code(SubscriberState s) {
  switch (s) {
    case SubscriberState::pending:
      return "pending";
    case SubscriberState::confirmed:
      return "confirmed";
    case SubscriberState::unsubscribed:
      return "unsubscribed";
  }
  return "pending";
}

std::optional<SubscriberState> parse_subscriber_state(std::string_view code) {
  for (auto s :
       {SubscriberState::pending, SubscriberState::confirmed, SubscriberState::unsubscribed}) {
    if (subscriber_state_code(s) == code) return s;
  }
  return std::nullopt;
}

SubscriptionChoice normalized_choice(SubscriptionChoice c) {
  if (c.all) {
    c.component_ids.clear();
    return c;
  }
  std::sort(c.component_ids.begin(), c.component_ids.end());
  c.component_ids.erase(std::unique(c.component_ids.begin(), c.component_ids.end()),
                        c.component_ids.end());
  return c;
}

std::string choice_code(const SubscriptionChoice& c) {
  if (c.all) return "all";
  std::string out;
  for (auto id : c.component_ids) out += (out.empty() ? "" : ",") + std::to_string(id);
  return out;
}

std::optional<SubscriptionChoice> parse_choice_code(std::string_view code) {
  SubscriptionChoice c;
  if (code == "all") {
    c.all = true;
    return c;
  }
  if (code.empty()) return std::nullopt;
  for (;;) {
    const auto comma = code.find(',');
    const auto piece = code.substr(0, comma);
    std::int64_t id = 0;
    const auto [end, error] = std::from_chars(piece.data(), piece.data() + piece.size(), id);
    if (piece.empty() || error != std::errc() || end != piece.data() + piece.size() || id <= 0) {
      return std::nullopt;
    }
    c.component_ids.push_back(id);
    if (comma == std::string_view::npos) break;
    code.remove_prefix(comma + 1);
  }
  if (c.component_ids.empty()) return std::nullopt;
  return normalized_choice(c);
}

SubscriptionRequestOutcome decide_subscription_request(
    const std::optional<StatusSubscriber>& existing, const SubscriptionChoice& asked) {
  if (existing && existing->state == SubscriberState::confirmed &&
      existing->confirmed == normalized_choice(asked)) {
    return SubscriptionRequestOutcome::nothing_to_do;
  }
  return SubscriptionRequestOutcome::send_confirmation;
}

}  // namespace guiche
