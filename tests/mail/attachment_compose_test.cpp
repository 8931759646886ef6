// Files attached to an outgoing e-mail (a scheduled report's CSV): composed
// under multipart/mixed in base64 and read back whole by the desk's own
// inbound parser (GMime), text and HTML untouched beside them; and carried
// through the outbox row's payload (mail/attachment_payload.hpp).
#include <gmock/gmock.h>

#include "mail/attachment_payload.hpp"
#include "mail/inbound_message.hpp"
#include "mail/mime.hpp"

namespace guiche::mail {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

Message report_message() {
  Message m;
  m.from = {"Guichê", "guiche@prodest.es.gov.br"};
  m.to = {"Lia Diretora", "lia@prodest.es.gov.br"};
  m.subject = "Relatório: Cumprimento de SLA — 01/11/2026 a 30/11/2026";
  m.text = "Com prazo no período: 12\nCumpridos: 10";
  m.html = "<p>Com prazo no período: 12</p>";
  m.message_id = "<1.abc@prodest.es.gov.br>";
  // A CSV longer than a base64 line, with a BOM, accents and `;`.
  std::string csv = "\xEF\xBB\xBFSeveridade;Com prazo;% cumpridos\r\n";
  for (int i = 0; i < 40; ++i) csv += "Crítica;" + std::to_string(i) + ";87,5 %\r\n";
  m.attachments = {{"sla-severidades-2026-11.csv", "text/csv; charset=UTF-8", csv},
                   {"sla-servicos-2026-11.csv", "text/csv; charset=UTF-8", "Serviço;1\r\n"}};
  return m;
}

TEST(AttachmentCompose, FilesGoInBase64UnderMultipartMixedAndReadBackWhole) {
  const auto m = report_message();
  const std::string raw = compose(m);
  EXPECT_THAT(raw, HasSubstr("Content-Type: multipart/mixed; boundary="));
  EXPECT_THAT(raw, HasSubstr("Content-Disposition: attachment; "
                             "filename=\"sla-severidades-2026-11.csv\""));
  // 7-bit and short lines in the body, as every SMTP server carries them.
  std::size_t line_start = raw.find("\r\n\r\n");
  ASSERT_NE(line_start, std::string::npos);
  for (std::size_t i = 0; i < raw.size(); ++i) {
    ASSERT_LT(static_cast<unsigned char>(raw[i]), 0x80) << "at " << i;
    if (raw[i] == '\n' && i > line_start) {
      EXPECT_LE(i - line_start, 79u);
      line_start = i + 1;
    }
  }
  const auto read = parse_inbound(raw);
  ASSERT_EQ(read.attachments.size(), 2u);
  EXPECT_EQ(read.attachments[0].file_name, "sla-severidades-2026-11.csv");
  EXPECT_EQ(read.attachments[0].content_type, "text/csv");
  EXPECT_EQ(read.attachments[0].bytes, m.attachments[0].content);
  EXPECT_EQ(read.attachments[1].bytes, "Serviço;1\r\n");
  EXPECT_THAT(read.text, HasSubstr("Cumpridos: 10"));
  EXPECT_EQ(read.subject, m.subject);
}

TEST(AttachmentCompose, AMessageWithoutFilesIsAsBefore) {
  auto m = report_message();
  m.attachments.clear();
  EXPECT_THAT(compose(m), Not(HasSubstr("multipart/mixed")));
}

TEST(AttachmentCompose, TheOutboxPayloadKeepsTheFilesAndIgnoresOthers) {
  const auto files = report_message().attachments;
  const auto back = attachments_from_payload(attachments_payload(files));
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back[0].filename, files[0].filename);
  EXPECT_EQ(back[0].content, files[0].content);
  EXPECT_EQ(back[1].content_type, "text/csv; charset=UTF-8");
  // A WhatsApp row's payload, or none at all, carries no files.
  EXPECT_TRUE(attachments_from_payload(R"({"text":"Olá"})").empty());
  EXPECT_TRUE(attachments_from_payload("não é JSON").empty());
}

TEST(AttachmentCompose, AFileNameCannotBreakItsHeader) {
  auto m = report_message();
  m.attachments = {{"a\"b\r\nBcc: x@y.csv", "text/csv", "x"}};
  const std::string raw = compose(m);
  EXPECT_THAT(raw, HasSubstr("filename=\"a\\\"b  Bcc: x@y.csv\""));
  EXPECT_THAT(raw, Not(HasSubstr("\r\nBcc:")));
}

}  // namespace
}  // namespace guiche::mail
