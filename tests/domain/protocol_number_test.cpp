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

}  // namespace
}  // namespace guiche::testing
