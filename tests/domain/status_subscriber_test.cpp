// The rules of a status page subscription that need no storage: how a
// choice is written while it waits for its confirmation, and what a request
// does to the address it names (docs/domain.md, "Subscribers").
#include <gmock/gmock.h>

#include "domain/incidents/status_subscriber.hpp"

namespace guiche {
namespace {

TEST(SubscriptionChoice, IsWrittenAndReadBack) {
  EXPECT_EQ(choice_code({true, {3}}), "all");
  EXPECT_EQ(choice_code(normalized_choice({false, {9, 1, 5, 1}})), "1,5,9");
  EXPECT_EQ(parse_choice_code("1,5,9"), (SubscriptionChoice{false, {1, 5, 9}}));
  EXPECT_EQ(parse_choice_code("9,1,9"), (SubscriptionChoice{false, {1, 9}}));
  EXPECT_EQ(parse_choice_code("all"), (SubscriptionChoice{true, {}}));
  for (const char* bad : {"", ",", "1,", "x", "1;2", "0", "-3", "1, 2"}) {
    EXPECT_FALSE(parse_choice_code(bad)) << bad;
  }
}

TEST(SubscriptionRequest, OnlyAConfirmedAddressAskingForTheSameIsSentNothing) {
  using enum SubscriptionRequestOutcome;
  const SubscriptionChoice sigefes{false, {1}};
  StatusSubscriber s;
  s.confirmed = sigefes;
  EXPECT_EQ(decide_subscription_request(std::nullopt, sigefes), send_confirmation);
  s.state = SubscriberState::pending;
  EXPECT_EQ(decide_subscription_request(s, sigefes), send_confirmation) << "the link may be lost";
  s.state = SubscriberState::unsubscribed;
  EXPECT_EQ(decide_subscription_request(s, sigefes), send_confirmation);
  s.state = SubscriberState::confirmed;
  EXPECT_EQ(decide_subscription_request(s, sigefes), nothing_to_do);
  EXPECT_EQ(decide_subscription_request(s, {false, {1, 1}}), nothing_to_do);
  EXPECT_EQ(decide_subscription_request(s, {false, {1, 2}}), send_confirmation);
  EXPECT_EQ(decide_subscription_request(s, {true, {}}), send_confirmation);
}

TEST(SubscriberState, CodesRoundTrip) {
  for (auto s :
       {SubscriberState::pending, SubscriberState::confirmed, SubscriberState::unsubscribed}) {
    EXPECT_EQ(parse_subscriber_state(subscriber_state_code(s)), s);
  }
  EXPECT_FALSE(parse_subscriber_state("active"));
}

}  // namespace
}  // namespace guiche
