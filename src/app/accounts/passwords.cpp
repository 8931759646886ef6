#include "app/accounts/passwords.hpp"

#include <sodium.h>

#include <stdexcept>

#include "domain/error.hpp"

namespace guiche::app {

std::string hash_password(const std::string& password) {
  if (password.size() < 8) {
    throw invalid_field("password", "A senha deve ter ao menos 8 caracteres.");
  }
  if (password.size() > 256) throw invalid_field("password", "A senha é longa demais.");
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialize");
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(),
                            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("out of memory while hashing a password");
  }
  return out;
}

bool verify_password(const std::string& hash, const std::string& password) {
  if (sodium_init() < 0) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string generate_password() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialize");
  static constexpr char kAlphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::string out;
  for (int i = 0; i < 12; ++i) out += kAlphabet[randombytes_uniform(sizeof(kAlphabet) - 1)];
  return out;
}

}  // namespace guiche::app
