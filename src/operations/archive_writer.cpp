#include "operations/archive_writer.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <unistd.h>

#include <ctime>
#include <filesystem>
#include <fstream>

#include "operations/operation_refused.hpp"

namespace guiche::operations {

namespace fs = std::filesystem;

ArchiveWriter::ArchiveWriter(std::string destination) : destination_(std::move(destination)) {
  const fs::path to(destination_);
  const fs::path folder = to.has_parent_path() ? to.parent_path() : fs::path(".");
  if (!fs::is_directory(folder)) {
    throw OperationRefused("a pasta de destino do backup não existe: " + folder.string());
  }
  temporary_ =
      (folder / ("." + to.filename().string() + ".parcial-" + std::to_string(::getpid()))).string();
  fd_ = ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd_ < 0) throw OperationRefused("não foi possível criar " + temporary_);
  archive_ = archive_write_new();
  if (!archive_ || archive_write_add_filter_zstd(archive_) != ARCHIVE_OK ||
      archive_write_set_format_pax_restricted(archive_) != ARCHIVE_OK ||
      archive_write_open_fd(archive_, fd_) != ARCHIVE_OK) {
    // No destructor runs for a constructor that throws: clean up here.
    const std::string why =
        archive_ && archive_error_string(archive_) ? archive_error_string(archive_) : "erro";
    if (archive_) archive_write_free(archive_);
    ::close(fd_);
    ::unlink(temporary_.c_str());
    throw OperationRefused("falha ao preparar o arquivo de backup: " + why);
  }
}

ArchiveWriter::~ArchiveWriter() {
  if (archive_) archive_write_free(archive_);
  if (fd_ >= 0) ::close(fd_);
  if (!committed_) ::unlink(temporary_.c_str());
}

void ArchiveWriter::fail(const std::string& context) {
  const std::string why =
      archive_ && archive_error_string(archive_) ? archive_error_string(archive_) : "erro";
  throw OperationRefused("falha ao gravar o backup (" + context + "): " + why);
}

void ArchiveWriter::header(const std::string& name, std::int64_t size) {
  archive_entry* entry = archive_entry_new();
  archive_entry_set_pathname(entry, name.c_str());
  archive_entry_set_size(entry, size);
  archive_entry_set_filetype(entry, AE_IFREG);
  archive_entry_set_perm(entry, 0640);
  archive_entry_set_mtime(entry, std::time(nullptr), 0);
  const int rc = archive_write_header(archive_, entry);
  archive_entry_free(entry);
  if (rc != ARCHIVE_OK) fail(name);
}

void ArchiveWriter::data(const char* bytes, std::size_t size) {
  while (size > 0) {
    const la_ssize_t n = archive_write_data(archive_, bytes, size);
    if (n <= 0) fail("dados");
    bytes += n;
    size -= static_cast<std::size_t>(n);
  }
}

FileDigest ArchiveWriter::add_file(const std::string& name, const std::string& path) {
  std::error_code error;
  const auto size = fs::file_size(path, error);
  std::ifstream in(path, std::ios::binary);
  if (error || !in) throw OperationRefused("não foi possível ler " + path);
  header(name, static_cast<std::int64_t>(size));
  Sha256 hash;
  FileDigest d;
  std::string chunk(1 << 16, '\0');
  while (in) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    const auto n = static_cast<std::size_t>(in.gcount());
    if (n == 0) break;
    // The header promised `size` bytes: a file that grew is not a blob.
    if (d.size + static_cast<std::int64_t>(n) > static_cast<std::int64_t>(size)) break;
    hash.add(std::string_view(chunk.data(), n));
    data(chunk.data(), n);
    d.size += static_cast<std::int64_t>(n);
  }
  if (in.bad() || d.size != static_cast<std::int64_t>(size)) {
    throw OperationRefused(path + " mudou de tamanho durante o backup");
  }
  d.sha256 = hash.hex();
  return d;
}

void ArchiveWriter::add_bytes(const std::string& name, std::string_view bytes) {
  header(name, static_cast<std::int64_t>(bytes.size()));
  data(bytes.data(), bytes.size());
}

void ArchiveWriter::commit() {
  if (archive_write_close(archive_) != ARCHIVE_OK) fail("fechar o arquivo");
  archive_write_free(archive_);
  archive_ = nullptr;
  const bool synced = ::fsync(fd_) == 0;
  const bool closed = ::close(fd_) == 0;
  fd_ = -1;
  if (!synced || !closed) throw OperationRefused("não foi possível gravar o backup em disco");
  std::error_code error;
  fs::rename(temporary_, destination_, error);
  if (error) {
    throw OperationRefused("não foi possível dar o nome final ao backup " + destination_ + ": " +
                           error.message());
  }
  committed_ = true;
  const fs::path folder = fs::path(destination_).parent_path();
  sync_path(folder.empty() ? "." : folder.string());
}

}  // namespace guiche::operations
