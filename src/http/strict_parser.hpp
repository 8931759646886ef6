#pragma once
// Strict HTTP/1.x framing in front of RESTinio 0.6 (docs: README, "Strict HTTP").
//
// RESTinio hands each request to the handler only once the whole message is
// read, does not record the protocol version (http_major/minor stay 1.1 in
// http_request_header_t) and closes the connection without a word on any
// parser error (a body over max_body_size included). Its only hook into the
// parser is the http_methods_mapper_t of the traits, which selects the
// specialization of restinio::impl::create_parser_settings<Mapper>() the
// server uses. Specializing it for StrictMethods (below) wraps RESTinio's own
// callbacks with checks that run while the head is being parsed; a request
// that fails one is ended right there (the parser is paused and the message
// marked complete, so its body is never read) and carries a refusal field the
// server's first handler answers (400, 413, 414, 431, 505) with
// Connection: close, before any route runs.
//
// Only server.cpp and the fuzz target include this header: it brings in
// RESTinio.
#include <cstdint>
#include <optional>
#include <restinio/all.hpp>
#include <string>
#include <string_view>

namespace guiche::http {

// The traits' method mapper: RESTinio's own mapping, but a type of ours, so
// the parser settings below are ours too.
struct StrictMethods {
  static constexpr restinio::http_method_id_t from_nodejs(int value) noexcept {
    return restinio::default_http_methods_t::from_nodejs(value);
  }
};

// The largest request head (request line and header fields) read: beyond it
// the answer is 431 (414 when the target alone is that long). http_parser's
// own limit (80 KB) would drop the connection instead.
inline constexpr std::uint32_t kMaxHeadBytes = 32 * 1024;

// The field a refused request carries, its value naming the reason. A name
// that starts with ':' cannot come from the wire: http_parser ends a field
// name at the first ':' and refuses an empty one.
inline constexpr std::string_view kRefusalField = ":guiche-refusal";

struct Refusal {
  int status;
  std::string title;   // pt-BR, the problem's title
  std::string detail;  // pt-BR, what to fix
};

// The answer a request marked by the parser gets, or nullopt for a request
// that passed. `max_body_bytes` only words the 413's detail.
std::optional<Refusal> refusal_of(const restinio::http_request_header_t& header,
                                  std::uint64_t max_body_bytes);

}  // namespace guiche::http

namespace restinio::impl {
template <>
http_parser_settings create_parser_settings<guiche::http::StrictMethods>() noexcept;
}  // namespace restinio::impl
