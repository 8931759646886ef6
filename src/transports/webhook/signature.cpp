#include "transports/webhook/signature.hpp"

#include "support/hmac_sha256.hpp"

namespace guiche::transports {

std::string webhook_signature(const std::string& secret, std::int64_t unix_seconds,
                              const std::string& body) {
  return "sha256=" + hmac_sha256_hex(secret, std::to_string(unix_seconds) + "." + body);
}

}  // namespace guiche::transports
