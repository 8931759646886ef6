// Attachments over HTTP: multipart upload, list, download with the stored
// type and a safe Content-Disposition, and rejections that store nothing.
#include <gmock/gmock.h>

#include <filesystem>

#include "app/tickets/ticket_work.hpp"
#include "http/multipart.hpp"
#include "support/api_world.hpp"

namespace guiche::testing {
namespace {

using nlohmann::json;

constexpr const char* kBoundary = "----guiche-teste-7MA4YWxkTrZu0gW";
// Small, so the oversized cases need not send 25 MB.
constexpr std::int64_t kLimit = 64 * 1024;

std::string multipart_type() {
  return std::string("multipart/form-data; boundary=") + kBoundary;
}

std::string file_part(const std::string& disposition, const std::string& bytes,
                      const std::string& type = "application/octet-stream") {
  return std::string("--") + kBoundary + "\r\nContent-Disposition: form-data; name=\"file\"; " +
         disposition + "\r\nContent-Type: " + type + "\r\n\r\n" + bytes + "\r\n";
}

std::string field_part(const std::string& name, const std::string& value) {
  return std::string("--") + kBoundary + "\r\nContent-Disposition: form-data; name=\"" + name +
         "\"\r\n\r\n" + value + "\r\n";
}

std::string closing() {
  return std::string("--") + kBoundary + "--\r\n";
}

// A PDF with binary bytes, CRLFs and a near-boundary inside, to catch any
// mangling on the way in or out.
const std::string kPdf =
    std::string("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n") + std::string("\0\x01\xff\r\n--", 7) +
    "----guiche\r\n" + "1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
const std::string kText = "Log do erro:\r\nORA-01017: usuário ou senha inválidos\r\n";
const std::string kElf = std::string(
                             "\x7f"
                             "ELF\x02\x01\x01",
                             7) +
                         std::string(57, '\0');

class AttachmentApiTest : public ApiTest {
 protected:
  app::DeskConfig desk_config() override {
    auto config = ApiTest::desk_config();
    config.max_attachment_bytes = kLimit;
    config.max_held_attachment_bytes = kLimit;  // past the policy's size, nothing is kept
    return config;
  }

  HttpResult upload(const Browser& b, std::int64_t ticket_id, const std::string& body,
                    const std::string& content_type = multipart_type()) {
    return raw("POST", "/api/v1/tickets/" + std::to_string(ticket_id) + "/attachments",
               {{"Cookie", b.cookie}, {"X-CSRF-Token", b.csrf}, {"Content-Type", content_type}},
               body);
  }
  json list(const Browser& b, std::int64_t ticket_id, int expected = 200) {
    auto r = call("GET", "/api/v1/tickets/" + std::to_string(ticket_id) + "/attachments", b);
    EXPECT_EQ(r.status, expected) << r.body;
    return r.json();
  }
  HttpResult download(const Browser& b, const json& attachment) {
    return call("GET",
                "/api/v1/attachments/" + std::to_string(attachment["id"].get<std::int64_t>()), b);
  }
  json uploaded(const Browser& b, std::int64_t ticket_id, const std::string& body) {
    auto r = upload(b, ticket_id, body);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json()["items"];
  }

  // What a rejected upload must leave as it was: rows, events and blob files.
  std::vector<std::int64_t> footprint() {
    namespace fs = std::filesystem;
    std::int64_t blobs = 0;
    const fs::path dir = fs::path(database->data_dir()) / "attachments";
    if (fs::exists(dir)) {
      for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        blobs += entry.is_regular_file() ? 1 : 0;
      }
    }
    return {count("attachments"), count("ticket_events"), blobs};
  }
};

TEST_P(AttachmentApiTest, RequesterUploadsAndDownloadsBackByteIdentical) {
  Browser maria = sign_in(w.requester_seger);
  const Ticket t = register_sis(w.requester_seger);
  json items = uploaded(maria, t.id,
                        file_part("filename=\"relatorio.pdf\"", kPdf, "application/pdf") +
                            file_part("filename=\"erro.txt\"", kText, "text/plain") + closing());
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0]["filename"], "relatorio.pdf");
  EXPECT_EQ(items[0]["content_type"], "application/pdf");
  EXPECT_EQ(items[0]["size_bytes"], kPdf.size());
  EXPECT_EQ(items[0]["public"], true);
  EXPECT_EQ(items[1]["content_type"], "text/plain");
  EXPECT_EQ(list(maria, t.id)["items"].size(), 2u);

  auto pdf = download(maria, items[0]);
  EXPECT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.body, kPdf);
  EXPECT_EQ(pdf.headers["content-type"], "application/pdf");
  EXPECT_EQ(pdf.headers["content-length"], std::to_string(kPdf.size()));
  EXPECT_EQ(pdf.headers["content-disposition"],
            "attachment; filename=\"relatorio.pdf\"; filename*=UTF-8''relatorio.pdf");
  EXPECT_EQ(pdf.headers["x-content-type-options"], "nosniff");
  auto text = download(maria, items[1]);
  EXPECT_EQ(text.body, kText);
  EXPECT_EQ(text.headers["content-type"], "text/plain");
}

TEST_P(AttachmentApiTest, FilenamesWithAccentsAndQuotesAreHandledSafely) {
  Browser maria = sign_in(w.requester_seger);
  const Ticket t = register_sis(w.requester_seger);
  // filename* (RFC 5987) wins over the ASCII filename; the desk drops quotes.
  json items =
      uploaded(maria, t.id,
               file_part("filename=\"relatorio.txt\"; "
                         "filename*=UTF-8''relat%C3%B3rio%20%22final%22.txt",
                         kText) +
                   // curl escapes quotes; a browser sends raw UTF-8
                   file_part("filename=\"a \\\"b\\\"; c.txt\"", kText) +
                   file_part("filename=\"ação.txt\"", kText) +
                   // browsers and curl: WHATWG escapes for quotes
                   file_part("filename=\"nota %22fiscal%22 100%.txt\"", kText) + closing());
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[3]["filename"], "nota fiscal 100%.txt");
  EXPECT_EQ(items[0]["filename"], "relatório final.txt");
  EXPECT_EQ(items[1]["filename"], "a b; c.txt");
  EXPECT_EQ(items[2]["filename"], "ação.txt");
  EXPECT_EQ(download(maria, items[0]).headers["content-disposition"],
            "attachment; filename=\"relat_rio final.txt\"; "
            "filename*=UTF-8''relat%C3%B3rio%20final.txt");
  EXPECT_EQ(download(maria, items[1]).headers["content-disposition"],
            "attachment; filename=\"a b; c.txt\"; filename*=UTF-8''a%20b%3B%20c.txt");
  EXPECT_EQ(download(maria, items[2]).headers["content-disposition"],
            "attachment; filename=\"a__o.txt\"; filename*=UTF-8''a%C3%A7%C3%A3o.txt");
  EXPECT_EQ(download(maria, items[3]).headers["content-disposition"],
            "attachment; filename=\"nota fiscal 100_.txt\"; "
            "filename*=UTF-8''nota%20fiscal%20100%25.txt");
}

TEST_P(AttachmentApiTest, AnotherOrganizationsRequesterGetsNotFound) {
  Browser maria = sign_in(w.requester_seger);
  Browser paulo = sign_in(w.requester_sesa);
  const Ticket t = register_sis(w.requester_seger);
  json items = uploaded(maria, t.id, file_part("filename=\"r.pdf\"", kPdf) + closing());
  const auto before = footprint();
  list(paulo, t.id, 404);
  EXPECT_EQ(download(paulo, items[0]).status, 404);
  EXPECT_EQ(upload(paulo, t.id, file_part("filename=\"x.txt\"", kText) + closing()).status, 404);
  // Even a broken body: the ticket's existence is not revealed by a 400.
  EXPECT_EQ(upload(paulo, t.id, "lixo").status, 404);
  EXPECT_EQ(call("GET", "/api/v1/attachments/abc", maria).status, 404);
  EXPECT_EQ(call("GET", "/api/v1/attachments/999999", maria).status, 404);
  EXPECT_EQ(footprint(), before);
}

TEST_P(AttachmentApiTest, InternalAttachmentIsInvisibleToTheRequester) {
  const std::int64_t id = register_sis(w.requester_seger).id;
  desk->work().route(as(w.attendant), id, w.sgsis.id, w.analyst_sis.id);
  Browser sofia = sign_in(w.analyst_sis);
  Browser maria = sign_in(w.requester_seger);
  json internal = uploaded(sofia, id,
                           field_part("public", "false") +
                               file_part("filename=\"diagnostico.txt\"", kText) + closing())[0];
  EXPECT_EQ(internal["public"], false);
  // A requester's files are public whatever the form says.
  json mine = uploaded(
      maria, id,
      file_part("filename=\"print.pdf\"", kPdf) + field_part("public", "false") + closing())[0];
  EXPECT_EQ(mine["public"], true);

  json seen = list(maria, id)["items"];
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0]["id"], mine["id"]);
  EXPECT_EQ(download(maria, internal).status, 404);
  EXPECT_EQ(list(sofia, id)["items"].size(), 2u);
  EXPECT_EQ(download(sofia, internal).body, kText);
}

TEST_P(AttachmentApiTest, OversizedUploadsAre413AndStoreNothing) {
  Browser maria = sign_in(w.requester_seger);
  const Ticket t = register_sis(w.requester_seger);
  const auto before = footprint();
  const std::string big(kLimit + 1, 'a');
  auto r = upload(maria, t.id, file_part("filename=\"grande.txt\"", big) + closing());
  EXPECT_EQ(r.status, 413) << r.body;
  EXPECT_EQ(r.headers["content-type"], "application/problem+json");
  // A small file next to a big one is not stored either.
  r = upload(
      maria, t.id,
      file_part("filename=\"ok.txt\"", kText) + file_part("filename=\"g.txt\"", big) + closing());
  EXPECT_EQ(r.status, 413) << r.body;
  // Past the limit plus the multipart allowance, refused before parsing.
  EXPECT_EQ(upload(maria, t.id, std::string(kLimit + 1024 * 1024 + 1, 'x')).status, 413);
  EXPECT_EQ(footprint(), before);
}

TEST_P(AttachmentApiTest, ExecutablesAreHeldAndOtherBodiesAre415) {
  Browser maria = sign_in(w.requester_seger);
  const Ticket t = register_sis(w.requester_seger);
  // Declared as a PDF: the sniffed type decides. Kept, held, never served to
  // the requester; the answer says it was not accepted and why.
  auto r = upload(maria, t.id,
                  file_part("filename=\"manual.pdf\"", kElf, "application/pdf") + closing());
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json()["items"].size(), 0u);
  ASSERT_EQ(r.json()["not_accepted"].size(), 1u);
  EXPECT_THAT(r.json()["not_accepted"][0]["reason"].get<std::string>(),
              ::testing::HasSubstr("tipo de arquivo não permitido"));
  EXPECT_EQ(list(maria, t.id)["items"].size(), 0u);
  const auto before = footprint();
  EXPECT_EQ(upload(maria, t.id, R"({"file":"x"})", "application/json").status, 415);
  EXPECT_EQ(upload(maria, t.id, kPdf, "application/pdf").status, 415);
  EXPECT_EQ(footprint(), before);
}

TEST_P(AttachmentApiTest, UploadWithoutCsrfIs403) {
  Browser maria = sign_in(w.requester_seger);
  const Ticket t = register_sis(w.requester_seger);
  const auto before = footprint();
  auto r = raw("POST", "/api/v1/tickets/" + std::to_string(t.id) + "/attachments",
               {{"Cookie", maria.cookie}, {"Content-Type", multipart_type()}},
               file_part("filename=\"r.pdf\"", kPdf) + closing());
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_EQ(raw("GET", "/api/v1/tickets/" + std::to_string(t.id) + "/attachments").status, 401);
  EXPECT_EQ(footprint(), before);
}

TEST_P(AttachmentApiTest, MalformedMultipartIs400) {
  Browser maria = sign_in(w.requester_seger);
  const Ticket t = register_sis(w.requester_seger);
  const auto before = footprint();
  const std::string good = file_part("filename=\"r.txt\"", kText) + closing();
  const std::string part_without_disposition =
      std::string("--") + kBoundary + "\r\nContent-Type: text/plain\r\n\r\n" + kText + "\r\n";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"multipart/form-data", good},                                 // no boundary
      {"multipart/form-data; boundary=", good},                      // empty boundary
      {"multipart/form-data; boundary=outro", good},                 // another boundary
      {multipart_type(), "isto não é multipart"},                    // no delimiter at all
      {multipart_type(), file_part("filename=\"r.txt\"", kText)},    // never closed
      {multipart_type(), part_without_disposition + closing()},      // no Content-Disposition
      {multipart_type(), field_part("public", "true") + closing()},  // no file part
      {multipart_type(), field_part("file", "texto") + closing()},   // file without filename
      {multipart_type(), closing()},                                 // no parts
      {multipart_type(), std::string("--") + kBoundary +
                             "\r\nContent-Disposition: attachment; "
                             "name=\"file\"\r\n\r\nx\r\n" +
                             closing()},  // not form-data
  };
  for (const auto& [type, body] : cases) {
    auto r = upload(maria, t.id, body, type);
    EXPECT_EQ(r.status, 400) << type << "\n" << body << "\n" << r.body;
    EXPECT_EQ(r.headers["content-type"], "application/problem+json");
  }
  // Well-formed, but fields the API does not know or cannot read: 422.
  EXPECT_EQ(upload(maria, t.id, field_part("arquivo", "x") + good).status, 422);
  EXPECT_EQ(upload(maria, t.id, field_part("public", "talvez") + good).status, 422);
  EXPECT_EQ(upload(maria, t.id, file_part("filename=\"../\"", kText) + closing()).status, 422);
  EXPECT_EQ(footprint(), before);
}

GUICHE_ON_BOTH_ENGINES(AttachmentApiTest);

// The parser alone, for what the HTTP cases do not reach.
TEST(MultipartParser, AcceptsWhatRfcsAllowAndClientsSend) {
  const std::string type = multipart_type();
  // Preamble, no CRLF after the close delimiter, a quoted boundary, ISO-8859-1 filename*.
  auto parts = http::parse_multipart(
      std::string("multipart/form-data; boundary=\"") + kBoundary + "\"",
      "preâmbulo ignorado\r\n" + field_part("public", "true") +
          file_part("filename*=iso-8859-1'pt'a%E7%E3o.txt", "x") + "--" + kBoundary + "--");
  ASSERT_TRUE(parts);
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_EQ((*parts)[0].name, "public");
  EXPECT_FALSE((*parts)[0].filename);
  EXPECT_EQ((*parts)[0].bytes, "true");
  EXPECT_EQ((*parts)[1].filename, "ação.txt");
  EXPECT_EQ((*parts)[1].content_type, "application/octet-stream");
  // An unreadable filename* falls back to filename; alone, it is malformed.
  parts = http::parse_multipart(
      type, file_part("filename=\"a.txt\"; filename*=koi8-r''x.txt", "x") + closing());
  ASSERT_TRUE(parts);
  EXPECT_EQ((*parts)[0].filename, "a.txt");
  EXPECT_FALSE(http::parse_multipart(type, file_part("filename*=koi8-r''x.txt", "x") + closing()));

  EXPECT_TRUE(http::is_multipart_form_data("Multipart/Form-Data ; boundary=x"));
  EXPECT_FALSE(http::is_multipart_form_data("multipart/mixed; boundary=x"));
  EXPECT_FALSE(http::is_multipart_form_data(""));
}

}  // namespace
}  // namespace guiche::testing
