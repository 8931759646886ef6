#include "domain/protocol_number.hpp"

#include <cstdio>

namespace guiche {
namespace {

// Read by hand, one pass, no recursion: std::regex's executor recursed once
// per character, and a subject of a few hundred kilobytes of spaces overflowed
// the stack (found fuzzing, fuzz/protocol_fuzz.cpp).

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_alnum(char c) {
  return is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

std::size_t skip_spaces(std::string_view text, std::size_t at) {
  while (at < text.size() && is_space(text[at])) ++at;
  return at;
}

// "AAAA-N..." from `at`: the year and the sequence's digits, or nullopt. The
// sequence is zero-padded to six digits; past 999,999 it simply grows (nine
// digits at most: far beyond any year's count, and within a long), so a
// longer one never starts with a zero. `padded`: exactly six digits or more
// (as written by the desk); otherwise people may drop the padding (1 to 6).
struct Digits {
  std::string_view year, sequence;
};
std::optional<Digits> number_at(std::string_view text, std::size_t& at, bool padded) {
  if (text.size() - at < 6) return std::nullopt;
  for (std::size_t i = 0; i < 4; ++i) {
    if (!is_digit(text[at + i])) return std::nullopt;
  }
  if (text[at + 4] != '-') return std::nullopt;
  const std::size_t first = at + 5;
  std::size_t end = first;
  while (end < text.size() && is_digit(text[end])) ++end;
  const std::size_t length = end - first;
  const bool ok =
      padded ? length == 6 || (length >= 7 && length <= 9 && text[first] != '0')
             : (length >= 1 && length <= 6) || (length >= 7 && length <= 9 && text[first] != '0');
  if (!ok) return std::nullopt;
  Digits d{text.substr(at, 4), text.substr(first, length)};
  at = end;
  return d;
}

std::optional<ProtocolNumber> number_of(const Digits& d) {
  ProtocolNumber p{std::stoi(std::string(d.year)), std::stol(std::string(d.sequence))};
  if (p.sequence <= 0) return std::nullopt;
  return p;
}

}  // namespace

std::string format_protocol(int year, long sequence) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%06ld", year, sequence);
  return buffer;
}

// \s* ( \[? SA \s+ )? AAAA-N{1,9} \]? \s*, the whole text.
std::optional<ProtocolNumber> parse_protocol(std::string_view text) {
  std::size_t at = skip_spaces(text, 0);
  std::size_t tag = at;
  if (tag < text.size() && text[tag] == '[') ++tag;
  if (text.substr(tag, 2) == "SA" && tag + 2 < text.size() && is_space(text[tag + 2]))
    at = skip_spaces(text, tag + 2);
  const auto digits = number_at(text, at, false);
  if (!digits) return std::nullopt;
  if (at < text.size() && text[at] == ']') ++at;
  if (skip_spaces(text, at) != text.size()) return std::nullopt;
  return number_of(*digits);
}

// The first "SA" (any case) that starts the text or follows a character other
// than a letter or digit, perhaps after "[" and spaces, then spaces, ":" or
// "#", spaces and AAAA-NNNNNN not followed by a digit.
std::optional<std::string> protocol_in_subject(std::string_view subject) {
  for (std::size_t s = 0; s + 1 < subject.size(); ++s) {
    if ((subject[s] != 'S' && subject[s] != 's') ||
        (subject[s + 1] != 'A' && subject[s + 1] != 'a'))
      continue;
    // What may stand before the tag: spaces, then an optional "[".
    std::size_t start = s;
    while (start > 0 && is_space(subject[start - 1])) --start;
    if (start > 0 && subject[start - 1] == '[') --start;
    const bool bounded = start == 0 || start < s || !is_alnum(subject[start - 1]);
    if (!bounded) continue;
    std::size_t at = skip_spaces(subject, s + 2);
    if (at < subject.size() && (subject[at] == ':' || subject[at] == '#')) ++at;
    at = skip_spaces(subject, at);
    const auto digits = number_at(subject, at, true);
    if (!digits) continue;
    const auto number = number_of(*digits);
    if (!number) return std::nullopt;
    return format_protocol(number->year, number->sequence);
  }
  return std::nullopt;
}

}  // namespace guiche
