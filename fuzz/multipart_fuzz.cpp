// multipart/form-data bodies (http/multipart.cpp), as uploads send them. The
// input's first line is the Content-Type header's value, the rest the body.
#include <cstddef>
#include <cstdint>
#include <string>

#include "http/multipart.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const auto newline = input.find('\n');
  const std::string content_type = input.substr(0, newline);
  const std::string body = newline == std::string::npos ? "" : input.substr(newline + 1);
  if (!guiche::http::is_multipart_form_data(content_type)) return 0;
  if (const auto parts = guiche::http::parse_multipart(content_type, body)) {
    std::size_t total = 0;
    for (const auto& part : *parts) total += part.bytes.size();
    if (total > body.size()) __builtin_trap();  // parts are cut from the body
  }
  return 0;
}
