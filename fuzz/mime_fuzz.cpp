// An e-mail as the intake reads it (mail/inbound_parse.cpp, GMime): any bytes
// a mail server may pipe to `guiche mailgate`. A message too broken to read
// is UnparseableMessage (kept in quarantine); anything else must come out as
// valid fields, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "mail/inbound_message.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const auto message = guiche::mail::parse_inbound({reinterpret_cast<const char*>(data), size});
    for (const auto& a : message.attachments) {
      if (a.file_name.empty()) __builtin_trap();  // documented: never empty
    }
  } catch (const guiche::mail::UnparseableMessage&) {
  }
  return 0;
}
