#pragma once
// Shared by the backup, restore and check tests (tests/cli/): running the
// guiche binary to its end, a small desk with attached files, and rewriting
// a backup archive the way damage or a careless hand would.
#include <functional>
#include <string>
#include <vector>

#include "operations/archive_reader.hpp"
#include "support/desk_world.hpp"

namespace guiche::testing {

struct GuicheRun {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

// Runs GUICHE_BINARY with `args` (no shell quoting needed: test paths have no spaces).
GuicheRun run_guiche(const std::vector<std::string>& args);

// Extracts `from`, lets `edit` change the files under the folder and the list
// of members, and writes what is left, in that order, as a new archive `to`.
using ArchiveEdit =
    std::function<void(const std::string& folder, std::vector<operations::ExtractedMember>&)>;
void repack_archive(const std::string& from, const std::string& to, const ArchiveEdit& edit);

// Every file under `dir` with its bytes, for "left as it was" checks.
std::vector<std::pair<std::string, std::string>> folder_contents(const std::string& dir);

std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& bytes);

// A desk (DeskTest's world) with tickets that carry files, then closed, so
// the guiche binary can work on it.
class BackupDeskTest : public DeskTest {
 protected:
  struct Filed {
    std::int64_t ticket_id = 0;
    std::string protocol;
    std::int64_t attachment_id = 0;
    std::string sha256;
    std::string bytes;
  };

  void SetUp() override;
  void TearDown() override;
  // --data DIR, and --database URL on PostgreSQL.
  std::vector<std::string> store_args() const;
  // The path of a filed attachment's blob in the desk's data folder.
  std::string blob_path(const Filed& f) const;
  // `guiche backup` of the desk into scratch/name; asserts it worked.
  std::string backup_to(const std::string& name);

  std::vector<Filed> filed;
  std::string scratch;  // archives and restore targets
};

}  // namespace guiche::testing
