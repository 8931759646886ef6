#pragma once
// The password every signed-in test person has, and its hash. The hash is argon2id like the
// desk's own (app/accounts/passwords.hpp) but at libsodium's minimum cost and made once per
// process: the desk verifies a hash by the cost written in it, so signing in stays the real
// path, without the ~100 ms of the interactive cost at every sign-in of every test.
#include <string>

namespace guiche::testing {

inline constexpr const char* kTestPassword = "senha-de-teste";

// argon2id of kTestPassword at the minimum cost, the same string on every call.
const std::string& test_password_hash();

}  // namespace guiche::testing
