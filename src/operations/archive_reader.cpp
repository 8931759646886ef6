#include "operations/archive_reader.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <set>

#include "operations/backup_manifest.hpp"
#include "operations/blob_references.hpp"
#include "operations/file_digest.hpp"
#include "operations/operation_refused.hpp"

namespace guiche::operations {

namespace fs = std::filesystem;

namespace {

bool expected_name(const std::string& name) {
  if (name == kManifestName || name == kDatabaseMemberName) return true;
  // attachments/ab/abcd... with the folder the first two digits of the name.
  const std::string prefix = "attachments/";
  if (name.rfind(prefix, 0) != 0 || name.size() != prefix.size() + 3 + 64) return false;
  const std::string blob = name.substr(prefix.size() + 3);
  return name[prefix.size() + 2] == '/' && is_blob_name(blob) &&
         name.compare(prefix.size(), 2, blob, 0, 2) == 0;
}

std::string damaged(::archive* a) {
  const char* why = archive_error_string(a);
  return std::string("o arquivo de backup está danificado ou truncado (") +
         (why ? why : "erro de leitura") + ")";
}

// One output file, closed (and removed if unfinished) on every way out.
class Output {
 public:
  explicit Output(const std::string& path) : path_(path) {
    fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
    if (fd_ < 0) throw OperationRefused("não foi possível criar " + path);
  }
  ~Output() {
    if (fd_ >= 0) ::close(fd_);
  }
  void write(const char* bytes, std::size_t size) {
    while (size > 0) {
      const ssize_t n = ::write(fd_, bytes, size);
      if (n <= 0) throw OperationRefused("não foi possível gravar " + path_);
      bytes += n;
      size -= static_cast<std::size_t>(n);
    }
  }
  void finish() {
    const bool ok = ::fsync(fd_) == 0;
    ::close(fd_);
    fd_ = -1;
    if (!ok) throw OperationRefused("não foi possível gravar " + path_ + " em disco");
  }

 private:
  std::string path_;
  int fd_ = -1;
};

}  // namespace

std::vector<ExtractedMember> extract_archive(const std::string& archive_path,
                                             const std::string& folder) {
  if (!fs::is_regular_file(archive_path)) {
    throw OperationRefused("arquivo de backup não encontrado: " + archive_path);
  }
  std::unique_ptr<::archive, int (*)(::archive*)> a(archive_read_new(), archive_read_free);
  archive_read_support_filter_all(a.get());
  archive_read_support_format_tar(a.get());
  if (archive_read_open_filename(a.get(), archive_path.c_str(), 1 << 16) != ARCHIVE_OK) {
    throw OperationRefused(damaged(a.get()));
  }
  std::vector<ExtractedMember> members;
  std::set<std::string> seen;
  std::string chunk(1 << 16, '\0');
  for (;;) {
    archive_entry* entry = nullptr;
    const int rc = archive_read_next_header(a.get(), &entry);
    if (rc == ARCHIVE_EOF) break;
    if (rc != ARCHIVE_OK) throw OperationRefused(damaged(a.get()));
    const char* raw_name = archive_entry_pathname(entry);
    const std::string name = raw_name ? raw_name : "";
    if (archive_entry_filetype(entry) != AE_IFREG || !expected_name(name)) {
      throw OperationRefused("o arquivo de backup tem um membro inesperado: " + name +
                             " (não é um backup do Guichê?)");
    }
    if (!seen.insert(name).second) {
      throw OperationRefused("o arquivo de backup traz " + name + " duas vezes");
    }
    const fs::path target = fs::path(folder) / name;
    fs::create_directories(target.parent_path());
    Output out(target.string());
    Sha256 hash;
    ExtractedMember member{name, 0, ""};
    for (;;) {
      const la_ssize_t n = archive_read_data(a.get(), chunk.data(), chunk.size());
      if (n == 0) break;
      if (n < 0) throw OperationRefused(damaged(a.get()));
      hash.add(std::string_view(chunk.data(), static_cast<std::size_t>(n)));
      out.write(chunk.data(), static_cast<std::size_t>(n));
      member.size += n;
    }
    out.finish();
    member.sha256 = hash.hex();
    members.push_back(std::move(member));
  }
  return members;
}

}  // namespace guiche::operations
