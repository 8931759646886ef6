#pragma once
// How a webhook delivery is signed (README.md, "Outbound webhooks"): the
// receiver recomputes HMAC-SHA256 with the subscription's secret over
// "<X-Guiche-Timestamp>.<raw body>" and compares it with X-Guiche-Signature
// ("sha256=<lowercase hex>"); the timestamp lets it refuse old replays.
#include <cstdint>
#include <string>

namespace guiche::transports {

// "sha256=<hex>" of HMAC-SHA256(secret, timestamp + "." + body).
std::string webhook_signature(const std::string& secret, std::int64_t unix_seconds,
                              const std::string& body);

}  // namespace guiche::transports
