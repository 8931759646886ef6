#pragma once
// HMAC-SHA256 as webhooks sign their bodies: ours going out
// (transports/webhook/signature.hpp) and WhatsApp's coming in
// (app/whatsapp/webhook_signature.hpp).
#include <string>
#include <string_view>

namespace guiche {

// Lowercase hex of HMAC-SHA256(key, message); the key may be of any length.
std::string hmac_sha256_hex(std::string_view key, std::string_view message);
// Whether `a` and `b` are equal, in a time that does not depend on where
// they first differ (only on their lengths).
bool equal_in_constant_time(std::string_view a, std::string_view b);

}  // namespace guiche
