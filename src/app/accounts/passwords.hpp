#pragma once
#include <string>

namespace guiche::app {

// argon2id (libsodium crypto_pwhash_str, interactive limits). Throws
// DomainError(validation) for a password shorter than 8 or longer than 256 bytes.
std::string hash_password(const std::string& password);
bool verify_password(const std::string& hash, const std::string& password);
// A random temporary password (12 characters, ~70 bits) without look-alike
// characters, so it can be typed from a printed or dictated message.
std::string generate_password();

}  // namespace guiche::app
