#include "cli/backup_world.hpp"

#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/attachments/attachments.hpp"
#include "operations/archive_writer.hpp"
#include "operations/blob_references.hpp"
#include "store/attachment_blobs.hpp"

namespace guiche::testing {

namespace fs = std::filesystem;

GuicheRun run_guiche(const std::vector<std::string>& args) {
  const char* binary = std::getenv("GUICHE_BINARY");
  std::string command = binary ? binary : "guiche";
  for (const auto& a : args) command += " '" + a + "'";
  command += " 2>&1 </dev/null";
  GuicheRun run;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return run;
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) run.output.append(buffer, n);
  const int status = ::pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream out;
  out << in.rdbuf();
  return out.str();
}

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

void repack_archive(const std::string& from, const std::string& to, const ArchiveEdit& edit) {
  const std::string folder = make_temp_dir("guiche-repack-");
  auto members = operations::extract_archive(from, folder);
  edit(folder, members);
  {
    operations::ArchiveWriter writer(to);
    for (const auto& m : members) writer.add_file(m.name, (fs::path(folder) / m.name).string());
    writer.commit();
  }
  fs::remove_all(folder);
}

std::vector<std::pair<std::string, std::string>> folder_contents(const std::string& dir) {
  std::vector<std::pair<std::string, std::string>> out;
  if (!fs::exists(dir)) return out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    out.emplace_back(fs::relative(e.path(), dir).string(),
                     e.is_regular_file() ? read_file(e.path().string()) : "<pasta>");
  }
  std::sort(out.begin(), out.end());
  return out;
}

void BackupDeskTest::SetUp() {
  DeskTest::SetUp();
  scratch = make_temp_dir("guiche-backup-test-");
  // Three tickets, each with a file of its own; the last two share a second
  // one (stored once, named by two rows).
  const std::string shared = "Planilha compartilhada;1;2;3\n";
  for (int i = 0; i < 3; ++i) {
    const Ticket t = register_sis(w.requester_seger, "Acesso ao SIGEFES " + std::to_string(i));
    std::vector<app::NewAttachment> files{
        {"laudo-" + std::to_string(i) + ".pdf", "%PDF-1.4\n% laudo " + std::to_string(i) + "\n" +
                                                    std::string(3000 + i, 'x') + "\n%%EOF\n"}};
    if (i > 0) files.push_back({"planilha.txt", shared});
    const auto records = desk->attachments().attach_all(as(w.requester_seger), t.id, files);
    filed.push_back(
        {t.id, t.protocol, records.front().id, records.front().sha256, files.front().bytes});
  }
  desk.reset();
  database->close();
}

void BackupDeskTest::TearDown() {
  fs::remove_all(scratch);
  DeskTest::TearDown();
}

std::vector<std::string> BackupDeskTest::store_args() const {
  std::vector<std::string> args{"--data", database->data_dir()};
  if (!database->url().empty()) {
    args.push_back("--database");
    args.push_back(database->url());
  }
  return args;
}

std::string BackupDeskTest::blob_path(const Filed& f) const {
  return (fs::path(database->data_dir()) / operations::blob_member_name(f.sha256)).string();
}

std::string BackupDeskTest::backup_to(const std::string& name) {
  const std::string archive = scratch + "/" + name;
  auto args = store_args();
  args.insert(args.begin(), "backup");
  args.push_back("--to");
  args.push_back(archive);
  const auto run = run_guiche(args);
  EXPECT_EQ(run.exit_code, 0) << run.output;
  return archive;
}

}  // namespace guiche::testing
