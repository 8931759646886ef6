// `guiche backup` while `guiche serve` keeps registering tickets with files:
// the archive restored elsewhere holds every ticket acknowledged before the
// backup began, with its file byte for byte, and passes `guiche check`. On
// PostgreSQL the archive carries the files and names the pg_dump to pair.
#include <gmock/gmock.h>
#include <signal.h>

#include <atomic>
#include <filesystem>
#include <mutex>
#include <thread>

#include "cli/backup_world.hpp"
#include "operations/archive_reader.hpp"
#include "operations/backup_manifest.hpp"
#include "operations/blob_references.hpp"
#include "store/attachment_blobs.hpp"
#include "store/attachment_rows.hpp"
#include "store/ticket_rows.hpp"
#include "support/child_process.hpp"
#include "support/http_client.hpp"
#include "support/served_desk.hpp"

namespace guiche::testing {
namespace {

namespace fs = std::filesystem;
using Headers = std::vector<std::pair<std::string, std::string>>;
using ::testing::HasSubstr;
using Clock = std::chrono::steady_clock;

constexpr const char* kBoundary = "----guiche-backup-teste-Q7x";

struct Acknowledged {
  std::string protocol;
  std::string bytes;  // its file
  Clock::time_point at;
};

// Registers a ticket and attaches a file of its own; the acknowledgment once
// both answered 201, or nullopt.
std::optional<Acknowledged> register_with_file(unsigned short port, const Headers& browser,
                                               const std::string& tag) {
  auto json_headers = browser;
  json_headers.emplace_back("Content-Type", "application/json");
  auto created = http_request(port, "POST", "/api/v1/tickets", json_headers,
                              R"({"service_code":"SUP-TEC","subject":"Impressora sem rede )" + tag +
                                  R"(","description":"A impressora do setor parou.",)"
                                  R"("form_answers":{"tipo":"Falha técnica","retorno":"E-mail"}})");
  if (created.status != 201) return std::nullopt;
  const auto ticket = created.json();
  const std::string bytes = "%PDF-1.4\n% foto da impressora " + tag + "\n" +
                            std::string(2000 + tag.size() * 7, 'p') + "\n%%EOF\n";
  auto upload_headers = browser;
  upload_headers.emplace_back("Content-Type",
                              std::string("multipart/form-data; boundary=") + kBoundary);
  const std::string body = std::string("--") + kBoundary +
                           "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"foto-" +
                           tag + ".pdf\"\r\nContent-Type: application/pdf\r\n\r\n" + bytes +
                           "\r\n--" + kBoundary + "--\r\n";
  auto uploaded = http_request(
      port, "POST", "/api/v1/tickets/" + std::to_string(ticket.value("id", 0)) + "/attachments",
      upload_headers, body);
  if (uploaded.status != 201) return std::nullopt;
  return Acknowledged{ticket.value("protocol", ""), bytes, Clock::now()};
}

TEST(BackupUnderLoadTest, EveryTicketAcknowledgedBeforeTheBackupComesBackWithItsFile) {
  const std::string root = make_temp_dir("guiche-backup-load-");
  const std::string a = root + "/a", b = root + "/b", archive = root + "/desk.tar.zst";
  const auto port = free_loopback_port();
  std::vector<Acknowledged> acknowledged;
  std::mutex mutex;
  std::atomic<int> failures{0};
  Clock::time_point began, ended;
  {
    Child server({"serve", "--listen", "127.0.0.1:" + std::to_string(port), "--data", a, "--demo"},
                 root + "/serve.log");
    ASSERT_TRUE(wait_until_accepting(server, port)) << server.output();
    const Headers browser = sign_in_over_http(port);
    ASSERT_FALSE(browser.empty()) << server.output();

    std::atomic<bool> stop{false};
    std::vector<std::thread> clients;
    for (int c = 0; c < 4; ++c) {
      clients.emplace_back([&, c] {
        for (int i = 0; !stop.load() && i < 2000; ++i) {
          auto ack = register_with_file(port, browser, std::to_string(c) + "-" + std::to_string(i));
          if (!ack) {
            ++failures;
            continue;
          }
          std::lock_guard lock(mutex);
          acknowledged.push_back(std::move(*ack));
        }
      });
    }
    auto count = [&] {
      std::lock_guard lock(mutex);
      return acknowledged.size();
    };
    for (int i = 0; i < 3000 && count() < 30; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    began = Clock::now();
    const auto backup = run_guiche({"backup", "--data", a, "--to", archive});
    ended = Clock::now();
    const auto at_end = count();
    // The server went on answering after the backup, too.
    for (int i = 0; i < 3000 && count() < at_end + 8; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    stop = true;
    for (auto& t : clients) t.join();
    ASSERT_EQ(backup.exit_code, 0) << backup.output;
    EXPECT_THAT(backup.output, HasSubstr("backup gravado em " + archive));
    server.signal(SIGTERM);
    EXPECT_EQ(server.wait_exit(std::chrono::seconds(20)), 0) << server.output();
  }
  EXPECT_EQ(failures.load(), 0);

  std::vector<Acknowledged> before, during;
  for (const auto& ack : acknowledged) {
    if (ack.at < began) before.push_back(ack);
    if (ack.at >= began && ack.at <= ended) during.push_back(ack);
  }
  ASSERT_GE(before.size(), 30u);
  EXPECT_GT(acknowledged.size(), before.size() + during.size()) << "served after the backup";
  std::cout << "[ info ] " << before.size() << " acknowledged before the backup, " << during.size()
            << " while it ran\n";

  const auto restore = run_guiche({"restore", "--from", archive, "--data", b});
  ASSERT_EQ(restore.exit_code, 0) << restore.output;
  {
    auto db = store::open_sqlite(b + "/guiche.db");
    db->read([&](store::Connection& c) {
      for (const auto& ack : before) {
        const auto ticket = store::load_ticket_by_protocol(c, ack.protocol);
        ASSERT_TRUE(ticket) << ack.protocol;
        const auto files = store::attachments_of_ticket(c, ticket->id);
        ASSERT_EQ(files.size(), 1u) << ack.protocol;
        EXPECT_EQ(files[0].sha256, store::sha256_hex(ack.bytes));
        EXPECT_EQ(read_file(b + "/" + operations::blob_member_name(files[0].sha256)), ack.bytes)
            << ack.protocol;
      }
    });
  }
  const auto check = run_guiche({"check", "--data", b});
  EXPECT_EQ(check.exit_code, 0) << check.output;
  fs::remove_all(root);
}

class BackupTest : public BackupDeskTest {};

TEST_P(BackupTest, AnInterruptedOrRefusedBackupLeavesNoArchive) {
  // A file gone from the data folder: the backup refuses, and writes nothing.
  fs::remove(blob_path(filed[0]));
  auto args = store_args();
  args.insert(args.begin(), "backup");
  args.insert(args.end(), {"--to", scratch + "/falho.tar.zst"});
  const auto run = run_guiche(args);
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_THAT(run.output, HasSubstr("falta o arquivo attachments/" + filed[0].sha256.substr(0, 2)));
  EXPECT_THAT(run.output, HasSubstr("veja guiche check"));
  EXPECT_EQ(std::distance(fs::directory_iterator(scratch), {}), 0) << "no partial file left";
}

TEST_P(BackupTest, TheArchiveCarriesAManifestOfEveryMember) {
  const std::string archive = backup_to("desk.tar.zst");
  const std::string folder = scratch + "/aberto";
  fs::create_directories(folder);
  const auto members = operations::extract_archive(archive, folder);
  ASSERT_FALSE(members.empty());
  EXPECT_EQ(members.back().name, "manifest.json") << "written last";
  const auto manifest = operations::parse_manifest(read_file(folder + "/manifest.json"));
  EXPECT_EQ(manifest.format_version, operations::kBackupFormatVersion);
  EXPECT_GT(manifest.schema_version, 20);
  EXPECT_FALSE(manifest.created_at.empty());
  // Four distinct files (one shared by two tickets), and the database on SQLite.
  const bool sqlite = GetParam() == Engine::sqlite;
  EXPECT_EQ(manifest.engine, sqlite ? "sqlite" : "postgresql");
  EXPECT_EQ(manifest.members.size(), sqlite ? 5u : 4u);
  for (const auto& m : manifest.members) {
    const std::string bytes = read_file(folder + "/" + m.name);
    EXPECT_EQ(static_cast<std::int64_t>(bytes.size()), m.size) << m.name;
    EXPECT_EQ(store::sha256_hex(bytes), m.sha256) << m.name;
  }
}

GUICHE_ON_BOTH_ENGINES(BackupTest);

class PostgresBackupTest : public BackupDeskTest {};

TEST_P(PostgresBackupTest, TheFilesGoAndThePgDumpIsNamed) {
  auto args = store_args();
  args.insert(args.begin(), "backup");
  args.insert(args.end(), {"--to", scratch + "/anexos.tar.zst"});
  const auto run = run_guiche(args);
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_THAT(run.output, HasSubstr("backup dos anexos gravado em"));
  EXPECT_THAT(run.output,
              HasSubstr("pg_dump --format=custom --file='" + scratch + "/anexos.pgdump'"));
  const std::string target = scratch + "/restaurado";
  const auto restore =
      run_guiche({"restore", "--from", scratch + "/anexos.tar.zst", "--data", target});
  ASSERT_EQ(restore.exit_code, 0) << restore.output;
  EXPECT_THAT(restore.output, HasSubstr("pg_restore"));
  for (const auto& f : filed) {
    EXPECT_EQ(read_file(target + "/" + operations::blob_member_name(f.sha256)), f.bytes);
  }
  EXPECT_FALSE(fs::exists(target + "/guiche.db"));
}

INSTANTIATE_TEST_SUITE_P(Postgres, PostgresBackupTest, ::testing::Values(Engine::postgres),
                         engine_name);

}  // namespace
}  // namespace guiche::testing
