#pragma once
// The rate limit on subscription requests (docs/domain.md, "Subscribers"):
// at most DeskConfig::subscription_requests_per_address requests naming one
// address in subscription_address_window, and subscription_requests_per_ip
// from one client IP in subscription_ip_window. The first keeps anyone from
// flooding an address with confirmation links; the second, one client from
// flooding many.
//
// Kept in the database (store/status_subscriber_rows.hpp), not in memory like
// the sign-in throttle (app/accounts/login_throttle.hpp): every node of a
// cluster must count the same requests, a restart must not hand a flooder a
// fresh allowance, and the count commits with the confirmation it allowed.
// The keys are digests: the table keeps no address or IP in the clear.
#include <string>

#include "app/desk_config.hpp"
#include "domain/time.hpp"
#include "store/database.hpp"

namespace guiche::app {

// Counts this request and throws rate_limited (429) when
// the address or the IP has used its allowance.
void admit_subscription_request(store::Connection& c, const DeskConfig& config,
                                const std::string& address, const std::string& client_ip,
                                Instant now);

}  // namespace guiche::app
