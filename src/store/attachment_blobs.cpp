#include "store/attachment_blobs.hpp"

#include <fcntl.h>
#include <magic.h>
#include <sodium.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace guiche::store {

namespace fs = std::filesystem;

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

AttachmentBlobs::AttachmentBlobs(std::string directory) : directory_(std::move(directory)) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialize");
  fs::create_directories(directory_);
  magic_t cookie = magic_open(MAGIC_MIME_TYPE);
  if (!cookie || magic_load(cookie, nullptr) != 0) {
    if (cookie) magic_close(cookie);
    throw std::runtime_error("libmagic failed to load its database");
  }
  magic_ = cookie;
}

AttachmentBlobs::~AttachmentBlobs() {
  magic_close(static_cast<magic_t>(magic_));
}

std::string AttachmentBlobs::sniff(std::string_view bytes) {
  std::lock_guard lock(magic_mutex_);
  const char* type = magic_buffer(static_cast<magic_t>(magic_), bytes.data(), bytes.size());
  return type ? type : "application/octet-stream";
}

std::string AttachmentBlobs::path_of(const std::string& sha256) const {
  return (fs::path(directory_) / sha256.substr(0, 2) / sha256).string();
}

StoredBlob AttachmentBlobs::put(std::string_view bytes) {
  StoredBlob blob{sha256_hex(bytes), sniff(bytes), static_cast<std::int64_t>(bytes.size())};
  const std::string final_path = path_of(blob.sha256);
  if (fs::exists(final_path)) return blob;
  fs::create_directories(fs::path(final_path).parent_path());
  std::string temp = final_path + ".tmp" + std::to_string(::getpid()) + "-" +
                     std::to_string(reinterpret_cast<std::uintptr_t>(&blob));
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
  if (fd < 0) throw std::runtime_error("cannot write attachment");
  std::size_t written = 0;
  while (written < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n <= 0) {
      ::close(fd);
      ::unlink(temp.c_str());
      throw std::runtime_error("cannot write attachment");
    }
    written += static_cast<std::size_t>(n);
  }
  // The metadata row commits after this returns, so the bytes must already be on disk.
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    ::unlink(temp.c_str());
    throw std::runtime_error("cannot sync attachment");
  }
  fs::rename(temp, final_path);
  return blob;
}

bool AttachmentBlobs::erase(const std::string& sha256) {
  const std::string path = path_of(sha256);
  int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) return false;
  // Zeros over the content before the name goes: the blocks an unlinked file
  // leaves are not handed back with the person's bytes in them (on a file
  // system that writes in place; a copy-on-write one or an SSD's remapping
  // may still keep the old blocks until reused).
  const std::string zeros(64 * 1024, '\0');
  const auto size = static_cast<std::size_t>(fs::file_size(path));
  bool ok = true;
  for (std::size_t done = 0; done < size && ok;) {
    const std::size_t n = std::min(zeros.size(), size - done);
    const ssize_t wrote = ::write(fd, zeros.data(), n);
    ok = wrote > 0;
    if (ok) done += static_cast<std::size_t>(wrote);
  }
  ok = ::fsync(fd) == 0 && ok;
  ::close(fd);
  if (::unlink(path.c_str()) != 0) throw std::runtime_error("cannot erase attachment");
  return true;
}

std::optional<std::string> AttachmentBlobs::read(const std::string& sha256) const {
  std::ifstream in(path_of(sha256), std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace guiche::store
