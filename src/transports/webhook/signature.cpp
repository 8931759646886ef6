#include "transports/webhook/signature.hpp"

#include <sodium.h>

namespace guiche::transports {

std::string webhook_signature(const std::string& secret, std::int64_t unix_seconds,
                              const std::string& body) {
  const std::string signed_text = std::to_string(unix_seconds) + "." + body;
  // The multi-part API takes a key of any length (the one-shot API wants 32 bytes).
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(secret.data()),
                              secret.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(signed_text.data()),
                                signed_text.size());
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_final(&state, mac);
  char hex[crypto_auth_hmacsha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return std::string("sha256=") + hex;
}

}  // namespace guiche::transports
