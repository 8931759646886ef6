// The server's request parser: http_parser with RESTinio's callbacks behind
// the strict checks of http/strict_parser.cpp, fed the way RESTinio feeds it
// (pieces of a connection's bytes, a new message after each complete one).
// A message is either refused (with an answer the server can give) or has a
// version of 1.0/1.1, one framing and a body within the limit.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "http/strict_parser.hpp"

namespace {

constexpr std::uint64_t kMaxBody = 4096;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto settings =
      restinio::impl::create_parser_settings<guiche::http::StrictMethods>();
  FuzzedDataProvider in(data, size);
  const auto piece = in.ConsumeIntegralInRange<std::size_t>(1, 64);
  const auto bytes = in.ConsumeRemainingBytesAsString();
  restinio::impl::http_parser_ctx_t ctx{
      restinio::incoming_http_msg_limits_t{}.max_body_size(kMaxBody)};
  http_parser parser;
  auto reset = [&] {
    http_parser_init(&parser, HTTP_REQUEST);
    ctx.reset();
    parser.data = &ctx;
  };
  reset();
  std::size_t at = 0;
  while (at < bytes.size()) {
    const auto length = std::min(piece, bytes.size() - at);
    const auto parsed = http_parser_execute(&parser, &settings, bytes.data() + at, length);
    at += parsed;
    if (parser.http_errno != HPE_OK && parser.http_errno != HPE_PAUSED) return 0;  // closed
    if (!ctx.m_message_complete) {
      if (parsed < length) __builtin_trap();  // the parser stops only on a message's end
      continue;
    }
    if (const auto refusal = guiche::http::refusal_of(ctx.m_header, kMaxBody)) {
      if (refusal->status < 400 || refusal->detail.empty()) __builtin_trap();
      return 0;  // the server answers and closes the connection
    }
    if (ctx.m_body.size() > kMaxBody) __builtin_trap();
    if (parser.http_major != 1 || parser.http_minor > 1) __builtin_trap();
    reset();
  }
  return 0;
}
