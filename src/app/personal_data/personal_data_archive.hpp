#pragma once
// One zip archive built in memory (libarchive, as the backups use): the LGPD
// export a person downloads. Zip because every system the people of a public
// desk use opens it without installing anything.
#include <string>
#include <string_view>
#include <vector>

namespace guiche::app {

struct ArchiveMember {
  std::string name;  // "dados.json", "anexos/12-foto.png"
  std::string bytes;
};

// The zip of `members`, in order (deflated).
std::string zip_archive(const std::vector<ArchiveMember>& members);

}  // namespace guiche::app
