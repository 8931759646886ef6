// The pontos facultativos file of `guiche calendar optional-days`
// (cli/optional_days_file.cpp): a bad file is a DomainError naming its lines,
// a good one closures that are well formed.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "cli/optional_days_file.hpp"
#include "domain/error.hpp"
#include "sla/closure_text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  try {
    const auto file = guiche::cli::parse_optional_days(in, "fuzz.csv");
    if (file.days.size() != file.lines.size()) __builtin_trap();
    for (const auto& day : file.days) {
      if (day.name.empty() || !guiche::sla::is_well_formed(day.closure)) __builtin_trap();
    }
  } catch (const guiche::DomainError&) {
  }
  return 0;
}
