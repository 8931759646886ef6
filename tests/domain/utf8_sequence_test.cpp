// One UTF-8 character at a time (domain/utf8_sequence.hpp).
#include "domain/utf8_sequence.hpp"

#include <gtest/gtest.h>

#include <string>

namespace guiche {
namespace {

TEST(Utf8Sequence, ValidCharactersHaveTheirLengthAndEveryInvalidFormNone) {
  struct Case {
    std::string bytes;
    std::size_t length;
  };
  const Case cases[] = {
      {"a", 1},
      {"\xC3\xA7", 2},          // ç
      {"\xE2\x82\xAC", 3},      // €
      {"\xF0\x9F\x98\x80", 4},  // an emoji
      {"\x80", 0},              // a stray continuation byte
      {"\xC3", 0},              // truncated
      {"\xC0\xAF", 0},          // overlong '/'
      {"\xE0\x80\xAF", 0},      // overlong
      {"\xED\xA0\x80", 0},      // a surrogate
      {"\xF4\x90\x80\x80", 0},  // beyond U+10FFFF
      {"\xC3(", 0},             // not a continuation
  };
  for (const auto& c : cases) EXPECT_EQ(utf8_sequence_length(c.bytes, 0), c.length) << c.bytes;
}

}  // namespace
}  // namespace guiche
