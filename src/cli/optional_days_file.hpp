#pragma once
// The CSV file `guiche calendar optional-days` loads: one closure per line,
// "data;nome;fechamento" (see kOptionalDaysFormat).
#include <istream>
#include <string>
#include <vector>

#include "sla/holiday_rules.hpp"

namespace guiche::cli {

// The format, in pt-BR, for --help.
extern const char* const kOptionalDaysFormat;

struct OptionalDaysFile {
  std::vector<sla::DatedClosure> days;
  std::vector<int> lines;  // lines[i]: the line of days[i] in the file
};

// Reads and parses `path`. Throws DomainError (validation) listing every bad
// line ("linha 4: ...") as a field, so nothing is stored from a bad file.
OptionalDaysFile read_optional_days_file(const std::string& path);
// The same from an open stream; `path` only names it in the messages.
OptionalDaysFile parse_optional_days(std::istream& in, const std::string& path);

}  // namespace guiche::cli
