// Every message of tests/mail/corpus against its .expect file.
#include <gtest/gtest.h>

#include <chrono>
#include <sstream>

#include "mail/charset.hpp"
#include "mail/corpus_files.hpp"
#include "mail/inbound_message.hpp"

namespace guiche::mail {
namespace {

const char* automatic_name(Automatic a) {
  switch (a) {
    case Automatic::none:
      return "none";
    case Automatic::auto_reply:
      return "auto_reply";
    case Automatic::bounce:
      return "bounce";
    case Automatic::bulk:
      return "bulk";
  }
  return "?";
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string item; std::getline(in, item, sep);) {
    item.erase(0, item.find_first_not_of(' '));
    item.erase(item.find_last_not_of(' ') + 1);
    out.push_back(item);
  }
  return out;
}

std::string emails(const std::vector<Address>& list) {
  std::string out;
  for (const auto& a : list) out += (out.empty() ? "" : " ") + a.email;
  return out;
}

void check(const corpus::Case& c) {
  SCOPED_TRACE(c.eml.filename().string());
  const auto expect = corpus::read_expect(c.expect);
  const std::string raw = corpus::expand_markers(corpus::read_file(c.eml));
  for (const auto& [key, value] : expect) {
    if (key == "unparseable") {
      EXPECT_THROW(parse_inbound(raw), UnparseableMessage);
      return;
    }
  }
  const auto start = std::chrono::steady_clock::now();
  const InboundMessage m = parse_inbound(raw);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - start)
                      .count();
  std::string to, cc;
  size_t attachment_index = 0;
  bool checked_attachments = false;
  for (const auto& [key, value] : expect) {
    SCOPED_TRACE(key + ": " + value);
    if (key == "from") {
      EXPECT_EQ(m.from ? m.from->email : "(none)", value);
    } else if (key == "from_name") {
      ASSERT_TRUE(m.from);
      EXPECT_EQ(m.from->name, value);
    } else if (key == "to") {
      to += (to.empty() ? "" : " ") + value;
    } else if (key == "cc") {
      cc += (cc.empty() ? "" : " ") + value;
    } else if (key == "subject") {
      EXPECT_EQ(m.subject, value);
    } else if (key == "message_id") {
      EXPECT_EQ(m.message_id, value);
    } else if (key == "in_reply_to") {
      EXPECT_EQ(m.in_reply_to, value);
    } else if (key == "references") {
      EXPECT_EQ(m.references, split(value, ' '));
    } else if (key == "return_path") {
      EXPECT_EQ(m.return_path, value);
    } else if (key == "date") {
      EXPECT_EQ(m.date_header.value_or("(none)"), value);
    } else if (key == "automatic") {
      EXPECT_EQ(automatic_name(m.automatic), value);
    } else if (key == "text_contains") {
      EXPECT_NE(m.text.find(value), std::string::npos) << m.text;
    } else if (key == "text_not_contains") {
      EXPECT_EQ(m.text.find(value), std::string::npos) << m.text;
    } else if (key == "text_equals") {
      EXPECT_EQ(m.text, value);
    } else if (key == "trimmed_contains") {
      EXPECT_NE(m.text_trimmed.find(value), std::string::npos) << m.text_trimmed;
    } else if (key == "trimmed_not_contains") {
      EXPECT_EQ(m.text_trimmed.find(value), std::string::npos) << m.text_trimmed;
    } else if (key == "trimmed_equals") {
      EXPECT_EQ(m.text_trimmed, value);
    } else if (key == "attachments") {
      EXPECT_EQ(m.attachments.size(), std::stoul(value));
      checked_attachments = true;
    } else if (key == "attachment") {
      const auto fields = split(value, '|');
      ASSERT_GE(fields.size(), 3u);
      ASSERT_LT(attachment_index, m.attachments.size());
      const InboundAttachment& a = m.attachments[attachment_index++];
      EXPECT_EQ(a.file_name, fields[0]);
      EXPECT_EQ(a.content_type, fields[1]);
      if (fields[2] != "*") {
        EXPECT_EQ(a.bytes.size(), std::stoul(fields[2]));
      }
      EXPECT_EQ(a.is_inline, fields.size() > 3 && fields[3] == "inline");
      if (fields.size() > 4) {
        EXPECT_EQ(a.content_id, fields[4]);
      }
    } else if (key == "attachment_contains") {
      bool found = false;
      for (const auto& a : m.attachments) found = found || a.bytes.find(value) != std::string::npos;
      EXPECT_TRUE(found);
    } else if (key == "max_parse_ms") {
      EXPECT_LE(ms, std::stol(value));
      std::printf("[ corpus   ] %s parsed in %ld ms\n", c.eml.filename().c_str(),
                  static_cast<long>(ms));
    } else {
      ADD_FAILURE() << "unknown key in " << c.expect;
    }
  }
  if (!to.empty()) {
    EXPECT_EQ(emails(m.to), to);
  }
  if (!cc.empty()) {
    EXPECT_EQ(emails(m.cc), cc);
  }
  if (attachment_index > 0 && !checked_attachments) {
    EXPECT_EQ(m.attachments.size(), attachment_index);
  }
  // Whatever the message, the results are text: valid for storing and showing.
  EXPECT_TRUE(is_valid_utf8(m.subject));
  EXPECT_TRUE(is_valid_utf8(m.text));
  EXPECT_TRUE(is_valid_utf8(m.text_trimmed));
  for (const auto& a : m.attachments) {
    EXPECT_FALSE(a.file_name.empty());
    EXPECT_TRUE(is_valid_utf8(a.file_name));
  }
}

TEST(MailCorpus, EveryMessageHasItsExpectedOutcome) {
  const auto cases = corpus::cases(GUICHE_MAIL_CORPUS_DIR);
  EXPECT_GE(cases.size(), 40u);
  for (const auto& c : cases) {
    if (c.expect.empty()) {
      ADD_FAILURE() << c.eml << " has no .expect file";
      continue;
    }
    check(c);
  }
}

}  // namespace
}  // namespace guiche::mail
