#include "operations/file_digest.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <fstream>

#include "operations/operation_refused.hpp"

namespace guiche::operations {

Sha256::Sha256() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialize");
  crypto_hash_sha256_init(&state_);
}

void Sha256::add(std::string_view bytes) {
  crypto_hash_sha256_update(&state_, reinterpret_cast<const unsigned char*>(bytes.data()),
                            bytes.size());
}

std::string Sha256::hex() {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&state_, digest);
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

FileDigest digest_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw OperationRefused("não foi possível ler " + path);
  Sha256 hash;
  FileDigest d;
  std::string chunk(1 << 16, '\0');
  while (in) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    const auto n = in.gcount();
    if (n <= 0) break;
    hash.add(std::string_view(chunk.data(), static_cast<std::size_t>(n)));
    d.size += n;
  }
  if (in.bad()) throw OperationRefused("erro ao ler " + path);
  d.sha256 = hash.hex();
  return d;
}

void sync_path(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw OperationRefused("não foi possível abrir " + path + " para gravá-lo em disco");
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) throw OperationRefused("não foi possível gravar " + path + " em disco (fsync)");
}

}  // namespace guiche::operations
