#pragma once
// Protocol numbers (docs/domain.md, "Protocol numbers") are "AAAA-NNNNNN": the
// registration year and a sequence that restarts each year with no gaps,
// written with at least six digits (more once a year passes 999,999).
// This file is the one place that grammar is written down.
#include <optional>
#include <string>
#include <string_view>

namespace guiche {

std::string format_protocol(int year, long sequence);

struct ProtocolNumber {
  int year;
  long sequence;
};
// The whole text is a protocol number: also the e-mail subject form
// "[SA 2026-000123]" and a shortened "2026-123" as people type it.
std::optional<ProtocolNumber> parse_protocol(std::string_view text);
// The protocol an e-mail subject names with the desk's tag ("Re: [SA
// 2026-000123] ...", "SA: 2026-1000000"), as written in full; formatted.
std::optional<std::string> protocol_in_subject(std::string_view subject);

}  // namespace guiche
