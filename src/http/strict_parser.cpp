#include "http/strict_parser.hpp"

#include <strings.h>

#include <cctype>

namespace guiche::http {
namespace {

using restinio::impl::http_parser_ctx_t;

http_parser_ctx_t& context_of(http_parser* parser) {
  return *static_cast<http_parser_ctx_t*>(parser->data);
}

// Why a request was refused, as the refusal field's value.
namespace reason {
constexpr std::string_view no_version = "sem-versao";
constexpr std::string_view version = "versao";
constexpr std::string_view length_and_chunked = "content-length-e-transfer-encoding";
constexpr std::string_view two_lengths = "content-length-repetido";
constexpr std::string_view field_name = "nome-de-campo";
constexpr std::string_view encoding = "transfer-encoding";
constexpr std::string_view body = "corpo";
constexpr std::string_view head = "cabecalhos";
constexpr std::string_view target = "alvo";
}  // namespace reason

// Ends the message being parsed as a refused one: the parser stops here (its
// body, if any, is never read), RESTinio sees a complete request and calls the
// handler, which answers the refusal and closes the connection. Returning -1
// instead would make RESTinio close it without an answer.
int refuse(http_parser* parser, std::string_view why) noexcept {
  auto& ctx = context_of(parser);
  try {
    ctx.m_header.add_field(std::string(kRefusalField), std::string(why));
  } catch (...) {
    return -1;  // out of memory: dropping the connection is all that is left
  }
  ctx.m_header.method(StrictMethods::from_nodejs(parser->method));
  ctx.m_body.clear();
  ctx.m_message_complete = true;
  // RESTinio handles an upgrade request outside the pipeline; a refused one
  // is an ordinary request whose answer closes the connection.
  parser->upgrade = 0;
  http_parser_pause(parser, 1);
  return 0;
}

// parser->nread counts the head's bytes, as of the start of the current
// http_parser_execute() call: at most one read buffer (4 KB) behind.
bool head_too_long(const http_parser* parser) {
  return parser->nread > kMaxHeadBytes;
}

bool is_content_length(const std::string& name) {
  return name.size() == 14 && strncasecmp(name.c_str(), "content-length", 14) == 0;
}

int on_url(http_parser* parser, const char* at, std::size_t length) {
  if (head_too_long(parser)) return refuse(parser, reason::target);
  return restinio::impl::restinio_url_cb(parser, at, length);
}

// RFC 9110 5.1: a field name is a token. http_parser, built without
// HTTP_PARSER_STRICT, also takes spaces: "Transfer-Encoding : chunked" would
// then be a field nobody frames the body by, but a proxy in front might.
bool is_token(std::string_view text) {
  static constexpr std::string_view marks = "!#$%&'*+-.^_`|~";
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (!std::isalnum(u) && marks.find(c) == std::string_view::npos) return false;
  }
  return true;
}

int on_header_field(http_parser* parser, const char* at, std::size_t length) {
  if (!is_token({at, length})) return refuse(parser, reason::field_name);
  const int result = restinio::impl::restinio_header_field_cb(parser, at, length);
  if (result != 0) return result;
  auto& ctx = context_of(parser);
  if (ctx.m_leading_headers_completed) return 0;  // a trailer
  if (head_too_long(parser)) return refuse(parser, reason::head);
  // http_parser refuses a second Content-Length at its value's first byte,
  // before any callback: seen here, at its name, it is answered instead.
  if ((parser->flags & F_CONTENTLENGTH) && is_content_length(ctx.m_current_field_name))
    return refuse(parser, reason::two_lengths);
  return 0;
}

int on_header_value(http_parser* parser, const char* at, std::size_t length) {
  const int result = restinio::impl::restinio_header_value_cb(parser, at, length);
  if (result != 0) return result;
  if (context_of(parser).m_leading_headers_completed) return 0;  // a trailer
  if (head_too_long(parser)) return refuse(parser, reason::head);
  // Both framings at once (RFC 9112 6.3): the classic request smuggling.
  // http_parser would fail at the end of the head and RESTinio drop the
  // connection; the value of the second one is the last callback before that.
  if (parser->uses_transfer_encoding && (parser->flags & F_CONTENTLENGTH))
    return refuse(parser, reason::length_and_chunked);
  return 0;
}

int on_headers_complete(http_parser* parser) {
  // "GET /path" and nothing else is HTTP/0.9, which has no headers, status
  // line or Content-Length to frame an answer; http_parser reports it as 0.9.
  if (parser->http_major == 0) return refuse(parser, reason::no_version);
  if (parser->http_major != 1 || parser->http_minor > 1) return refuse(parser, reason::version);
  // RFC 9112 6.3: a request whose final transfer coding is not chunked has a
  // length nobody can know.
  if (parser->uses_transfer_encoding && !(parser->flags & F_CHUNKED))
    return refuse(parser, reason::encoding);
  const auto& ctx = context_of(parser);
  if (parser->content_length != ULLONG_MAX && parser->content_length > ctx.m_limits.max_body_size())
    return refuse(parser, reason::body);
  return restinio::impl::restinio_headers_complete_cb(parser);
}

// A chunk announcing more than the limit allows is refused before its bytes.
int on_chunk_header(http_parser* parser) {
  const auto& ctx = context_of(parser);
  if (parser->content_length > ctx.m_limits.max_body_size() - ctx.m_body.size())
    return refuse(parser, reason::body);
  return restinio::impl::restinio_chunk_header_cb(parser);
}

int on_body(http_parser* parser, const char* at, std::size_t length) {
  const auto& ctx = context_of(parser);
  if (length > ctx.m_limits.max_body_size() - ctx.m_body.size())
    return refuse(parser, reason::body);
  return restinio::impl::restinio_body_cb(parser, at, length);
}

std::string size_text(std::uint64_t bytes) {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0)
    return std::to_string(bytes / (1024 * 1024)) + " MB";
  if (bytes >= 1024 && bytes % 1024 == 0) return std::to_string(bytes / 1024) + " KB";
  return std::to_string(bytes) + " bytes";
}

}  // namespace

std::optional<Refusal> refusal_of(const restinio::http_request_header_t& header,
                                  std::uint64_t max_body_bytes) {
  const auto* why = header.try_get_field(kRefusalField);
  if (!why) return std::nullopt;
  const std::string_view w = *why;
  if (w == reason::no_version)
    return Refusal{400, "Requisição malformada",
                   "A linha da requisição não informa a versão do protocolo; use HTTP/1.1."};
  if (w == reason::version)
    return Refusal{505, "Versão do HTTP não suportada",
                   "Este servidor atende somente HTTP/1.0 e HTTP/1.1."};
  if (w == reason::length_and_chunked)
    return Refusal{400, "Requisição malformada",
                   "A requisição traz Content-Length e Transfer-Encoding ao mesmo tempo; envie "
                   "só um dos dois."};
  if (w == reason::two_lengths)
    return Refusal{400, "Requisição malformada",
                   "A requisição traz o cabeçalho Content-Length mais de uma vez."};
  if (w == reason::field_name)
    return Refusal{400, "Requisição malformada",
                   "Nome de cabeçalho inválido na requisição: use só letras, dígitos e "
                   "!#$%&'*+-.^_`|~, sem espaços."};
  if (w == reason::encoding)
    return Refusal{400, "Requisição malformada",
                   "Transfer-Encoding não suportado: a codificação final deve ser chunked."};
  if (w == reason::body)
    return Refusal{413, "Corpo grande demais",
                   "O corpo da requisição excede o limite de " + size_text(max_body_bytes) + "."};
  if (w == reason::target)
    return Refusal{414, "Endereço longo demais",
                   "O endereço da requisição excede o limite de " + size_text(kMaxHeadBytes) + "."};
  return Refusal{
      431, "Cabeçalhos grandes demais",
      "Os cabeçalhos da requisição excedem o limite de " + size_text(kMaxHeadBytes) + "."};
}

}  // namespace guiche::http

namespace restinio::impl {

// RESTinio's callbacks, each behind the checks above; message completion is
// RESTinio's own.
template <>
http_parser_settings create_parser_settings<guiche::http::StrictMethods>() noexcept {
  auto settings = create_parser_settings<restinio::default_http_methods_t>();
  settings.on_url = guiche::http::on_url;
  settings.on_header_field = guiche::http::on_header_field;
  settings.on_header_value = guiche::http::on_header_value;
  settings.on_headers_complete = guiche::http::on_headers_complete;
  settings.on_chunk_header = guiche::http::on_chunk_header;
  settings.on_body = guiche::http::on_body;
  return settings;
}

}  // namespace restinio::impl
