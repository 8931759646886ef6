#include "app/personal_data/personal_data_archive.hpp"

#include <archive.h>
#include <archive_entry.h>

#include <memory>
#include <stdexcept>

namespace guiche::app {
namespace {

la_ssize_t append_to_string(struct archive*, void* out, const void* bytes, size_t size) {
  static_cast<std::string*>(out)->append(static_cast<const char*>(bytes), size);
  return static_cast<la_ssize_t>(size);
}

struct ArchiveFree {
  void operator()(struct archive* a) const { archive_write_free(a); }
};
struct EntryFree {
  void operator()(archive_entry* e) const { archive_entry_free(e); }
};

}  // namespace

std::string zip_archive(const std::vector<ArchiveMember>& members) {
  std::string out;
  std::unique_ptr<struct archive, ArchiveFree> a(archive_write_new());
  const auto fail = [&](const char* what) {
    const char* detail = archive_error_string(a.get());
    throw std::runtime_error(std::string("zip: ") + what + ": " + (detail ? detail : "?"));
  };
  if (archive_write_set_format_zip(a.get()) != ARCHIVE_OK) fail("format");
  // UTF-8 names, flagged as such, so accents survive on every system.
  archive_write_set_options(a.get(), "hdrcharset=UTF-8");
  if (archive_write_set_bytes_in_last_block(a.get(), 1) != ARCHIVE_OK) fail("block");
  if (archive_write_open(a.get(), &out, nullptr, append_to_string, nullptr) != ARCHIVE_OK) {
    fail("open");
  }
  for (const auto& m : members) {
    std::unique_ptr<archive_entry, EntryFree> entry(archive_entry_new());
    archive_entry_set_pathname_utf8(entry.get(), m.name.c_str());
    archive_entry_set_size(entry.get(), static_cast<la_int64_t>(m.bytes.size()));
    archive_entry_set_filetype(entry.get(), AE_IFREG);
    archive_entry_set_perm(entry.get(), 0644);
    if (archive_write_header(a.get(), entry.get()) != ARCHIVE_OK) fail("header");
    if (!m.bytes.empty() && archive_write_data(a.get(), m.bytes.data(), m.bytes.size()) !=
                                static_cast<la_ssize_t>(m.bytes.size())) {
      fail("data");
    }
  }
  if (archive_write_close(a.get()) != ARCHIVE_OK) fail("close");
  return out;
}

}  // namespace guiche::app
