// A multipart upload is one request: when any of its files cannot be kept at
// all (past the largest size kept, empty, a bad name), none of them is kept.
// A file the desk's policy refuses (type, size) is kept, held, and the answer
// says which and why (issue 17: no silent loss). Blob files may stay only if
// they are content-addressed and no row references them.
#include <gmock/gmock.h>

#include <filesystem>
#include <fstream>

#include "store/attachment_blobs.hpp"
#include "support/api_world.hpp"
#include "support/db_fingerprint.hpp"

namespace guiche::testing {
namespace {

using nlohmann::json;

constexpr const char* kBatchBoundary = "----lote-de-anexos-Xq81";
constexpr std::int64_t kLimit = 32 * 1024;

std::string part(const std::string& filename, const std::string& bytes) {
  return std::string("--") + kBatchBoundary +
         "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename +
         "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + bytes + "\r\n";
}

std::string batch(const std::vector<std::string>& parts) {
  std::string body;
  for (const auto& p : parts) body += p;
  return body + "--" + kBatchBoundary + "--\r\n";
}

const std::string kFirst = "Primeiro arquivo do lote: log da aplicação.\r\n";
const std::string kThird = "Terceiro arquivo do lote.\r\n";
const std::string kElf = std::string(
                             "\x7f"
                             "ELF\x02\x01\x01",
                             7) +
                         std::string(57, '\0');

class UploadBatchApiTest : public ApiTest {
 protected:
  app::DeskConfig desk_config() override {
    auto config = ApiTest::desk_config();
    config.max_attachment_bytes = kLimit;
    config.max_held_attachment_bytes = 2 * kLimit;
    return config;
  }
  HttpResult upload(const Browser& b, std::int64_t ticket_id, const std::string& body) {
    return raw("POST", "/api/v1/tickets/" + std::to_string(ticket_id) + "/attachments",
               {{"Cookie", b.cookie},
                {"X-CSRF-Token", b.csrf},
                {"Content-Type", std::string("multipart/form-data; boundary=") + kBatchBoundary}},
               body);
  }
  // Blob files no attachment row names: allowed to stay, since the next
  // upload of the same bytes reuses them, but only if content-addressed.
  void expect_leftovers_are_content_addressed() {
    namespace fs = std::filesystem;
    const fs::path dir = fs::path(database->data_dir()) / "attachments";
    if (!fs::exists(dir)) return;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
      if (!entry.is_regular_file()) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      const std::string bytes((std::istreambuf_iterator<char>(in)), {});
      EXPECT_EQ(entry.path().filename().string(), store::sha256_hex(bytes)) << entry.path();
    }
  }

  void expect_refused_whole(const std::vector<std::string>& parts, int status) {
    Browser maria = sign_in(w.requester_seger);
    const Ticket t = register_sis(w.requester_seger);
    const auto rows_before = count("attachments");
    const auto events_before = count("ticket_events");
    auto r = upload(maria, t.id, batch(parts));
    EXPECT_EQ(r.status, status) << r.body;
    EXPECT_EQ(r.headers["content-type"], "application/problem+json");
    EXPECT_FALSE(r.json().value("detail", "").empty());
    EXPECT_EQ(count("attachments"), rows_before) << "a file of a refused upload was kept";
    EXPECT_EQ(count("ticket_events"), events_before);
    EXPECT_EQ(call("GET", "/api/v1/tickets/" + std::to_string(t.id) + "/attachments", maria)
                  .json()["items"]
                  .size(),
              0u);
    expect_leftovers_are_content_addressed();
  }
};

TEST_P(UploadBatchApiTest, RefusedFilesAreKeptHeldAndTheAnswerSaysWhy) {
  Browser maria = sign_in(w.requester_seger);
  const Ticket t = register_sis(w.requester_seger);
  auto r = upload(maria, t.id,
                  batch({part("log.txt", kFirst), part("setup.pdf", kElf), part("c.txt", kThird),
                         part("grande.txt", std::string(kLimit + 1, 'a'))}));
  ASSERT_EQ(r.status, 201) << r.body;
  const auto receipt = r.json();
  EXPECT_EQ(receipt["items"].size(), 2u);
  ASSERT_EQ(receipt["not_accepted"].size(), 2u);
  EXPECT_EQ(receipt["not_accepted"][0]["filename"], "setup.pdf");
  EXPECT_THAT(receipt["not_accepted"][0]["reason"].get<std::string>(),
              ::testing::HasSubstr("tipo de arquivo não permitido"));
  EXPECT_EQ(receipt["not_accepted"][1]["filename"], "grande.txt");
  EXPECT_THAT(receipt["not_accepted"][1]["reason"].get<std::string>(),
              ::testing::HasSubstr("excede o limite de 32 KB"));
  EXPECT_EQ(count("attachments"), 4) << "every file is kept";
  // The requester's list shows the two accepted; staff see all four, with the reasons.
  const std::string list = "/api/v1/tickets/" + std::to_string(t.id) + "/attachments";
  EXPECT_EQ(call("GET", list, maria).json()["items"].size(), 2u);
  Browser agent = sign_in(w.attendant);
  const auto staff = call("GET", list, agent).json()["items"];
  ASSERT_EQ(staff.size(), 4u);
  EXPECT_EQ(staff[1]["held"], true);
  EXPECT_EQ(staff[1]["held_reason"], receipt["not_accepted"][0]["reason"]);
  EXPECT_EQ(staff[0]["held"], false);
  // Held files are never served to the requester.
  const auto held_id = receipt["not_accepted"][0]["id"].get<std::int64_t>();
  EXPECT_EQ(call("GET", "/api/v1/attachments/" + std::to_string(held_id), maria).status, 404);
}

TEST_P(UploadBatchApiTest, ASecondFilePastWhatTheDeskKeepsKeepsNothing) {
  expect_refused_whole(
      {part("log.txt", kFirst), part("grande.txt", std::string(2 * kLimit + 1, 'a'))}, 413);
}

TEST_P(UploadBatchApiTest, EmptySecondFileKeepsNothing) {
  expect_refused_whole({part("log.txt", kFirst), part("vazio.txt", "")}, 422);
}

TEST_P(UploadBatchApiTest, BadNameInTheLastFileKeepsNothing) {
  expect_refused_whole({part("log.txt", kFirst), part("c.txt", kThird), part("..", kThird)}, 422);
}

TEST_P(UploadBatchApiTest, AGoodBatchKeepsEveryFileInOneStep) {
  Browser maria = sign_in(w.requester_seger);
  const Ticket t = register_sis(w.requester_seger);
  const auto before = database_fingerprint(*database);
  auto r = upload(maria, t.id, batch({part("a.txt", kFirst), part("c.txt", kThird)}));
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json()["items"].size(), 2u);
  EXPECT_NE(database_fingerprint(*database), before);
  EXPECT_EQ(count("attachments"), 2);
  // The ticket moved by one version per file, in one transaction.
  auto events = call("GET", "/api/v1/tickets/" + std::to_string(t.id) + "/events", maria);
  EXPECT_EQ(events.json()["items"].size(), 3u);
}

GUICHE_ON_BOTH_ENGINES(UploadBatchApiTest);

}  // namespace
}  // namespace guiche::testing
