#include "support/test_password.hpp"

#include <sodium.h>

#include <cstring>
#include <stdexcept>

namespace guiche::testing {

const std::string& test_password_hash() {
  static const std::string hash = [] {
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialize");
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, kTestPassword, std::strlen(kTestPassword),
                              crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN,
                              crypto_pwhash_ALG_ARGON2ID13) != 0) {
      throw std::runtime_error("out of memory while hashing the test password");
    }
    return std::string(out);
  }();
  return hash;
}

}  // namespace guiche::testing
