// The protocol-number grammar (domain/protocol_number.hpp), by cases: what a
// requester types, what a subject quotes, and sequences past 999,999.
#include <gtest/gtest.h>

#include "domain/protocol_number.hpp"

namespace guiche::testing {
namespace {

TEST(ProtocolGrammar, SequencesPastNineHundredNinetyNineThousandKeepTheirDigits) {
  EXPECT_EQ(format_protocol(2026, 1000000), "2026-1000000");
  auto p = parse_protocol("2026-1000000");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->sequence, 1000000);
  EXPECT_FALSE(parse_protocol("2026-0000001"));  // not how any protocol is written
}

TEST(ProtocolGrammar, ASubjectNamesTheProtocolWithTheDesksTag) {
  const std::pair<const char*, const char*> cases[] = {
      {"Re: [SA 2026-000123] Sem acesso", "2026-000123"},
      {"ENC: sa 2026-000123", "2026-000123"},
      {"Re: [SA 2026-1000000] Sem acesso", "2026-1000000"},
      {"Resposta SA: 2026-004321", "2026-004321"},
      {"SA#2026-000007 urgente", "2026-000007"},
  };
  for (auto [subject, protocol] : cases) {
    auto found = protocol_in_subject(subject);
    ASSERT_TRUE(found) << subject;
    EXPECT_EQ(*found, protocol) << subject;
  }
  for (const char* subject : {"Sem acesso ao SIGEFES", "Re: 2026-000123", "[SA 2026-123]",
                              "USA 2026-000123", "[SA 2026-0000123]", "[SA 2026-0001234567]"}) {
    EXPECT_FALSE(protocol_in_subject(subject)) << subject;
  }
}

// Found fuzzing (fuzz/protocol_fuzz.cpp): the grammar was read by std::regex, whose executor
// recurses once per character, so a long run of spaces in an e-mail subject or a typed search
// overflowed the stack and took the whole server down.
TEST(ProtocolGrammar, LongInputsCannotOverflowTheStack) {
  const std::string spaces(1 << 20, ' ');
  EXPECT_FALSE(parse_protocol(spaces));
  EXPECT_FALSE(parse_protocol("[SA" + spaces));
  EXPECT_FALSE(parse_protocol(std::string(1 << 20, '1')));
  EXPECT_FALSE(protocol_in_subject(spaces));
  EXPECT_FALSE(protocol_in_subject("SA" + spaces + "x"));
  EXPECT_FALSE(protocol_in_subject(std::string(1 << 20, 'S')));
  auto p = parse_protocol(spaces + "SA" + spaces + "2026-000123]" + spaces);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->sequence, 123);
  EXPECT_EQ(protocol_in_subject("Re:" + spaces + "[SA" + spaces + ":" + spaces + "2026-000123]"),
            "2026-000123");
}

TEST(ProtocolGrammar, TheWholeTextIsTheNumber) {
  for (const char* text : {"2026-123", " 2026-000123 ", "SA 2026-000123", "[SA 2026-000123]",
                           "[SA\t2026-1]", "2026-000123]", "2026-123456789"}) {
    EXPECT_TRUE(parse_protocol(text)) << text;
  }
  for (const char* text : {"", "2026", "2026-", "26-000123", "[2026-000123]", "SA2026-000123",
                           "sa 2026-000123", "2026-0000001", "2026-1234567890", "2026-000000",
                           "2026-000123x", "x2026-000123", "[SA 2026-000123]]", "2026 - 000123"}) {
    EXPECT_FALSE(parse_protocol(text)) << text;
  }
}

TEST(ProtocolGrammar, TheFirstTaggedNumberOfASubjectCounts) {
  EXPECT_EQ(protocol_in_subject("x SA 2026-000001 e SA 2026-000002"), "2026-000001");
  EXPECT_EQ(protocol_in_subject("USA 2026-000001 SA 2026-000002"), "2026-000002");
  EXPECT_EQ(protocol_in_subject("[ sa # 2026-000009]"), "2026-000009");
  EXPECT_EQ(protocol_in_subject("xSA 2026-000001 (SA 2026-000003)"), "2026-000003");
  // A first tagged number that is no protocol (sequence 0) ends the search.
  EXPECT_FALSE(protocol_in_subject("SA 2026-000000 SA 2026-000004"));
}

}  // namespace
}  // namespace guiche::testing
