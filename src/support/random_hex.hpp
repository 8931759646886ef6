#pragma once
// Unguessable identifiers (session secrets, CSRF tokens, Message-ID parts,
// node ids): `bytes` random bytes from libsodium's CSPRNG, as lowercase hex.
#include <cstddef>
#include <string>

namespace guiche {

std::string random_hex(std::size_t bytes);

}  // namespace guiche
