#include "http/multipart.hpp"

#include <cctype>
#include <restinio/helpers/http_field_parsers/content-disposition.hpp>
#include <restinio/helpers/http_field_parsers/content-type.hpp>
#include <restinio/helpers/multipart_body.hpp>
#include <string_view>

namespace guiche::http {
namespace {

namespace hfp = restinio::http_field_parsers;
namespace mp = restinio::multipart_body;

std::string lowercase(std::string_view text) {
  std::string out(text);
  for (auto& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return out;
}

int hex_value(char ch) {
  if (ch >= '0' && ch <= '9') return ch - '0';
  if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
  if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
  return -1;
}

// RFC 5987 ext-value, as RESTinio leaves it: "UTF-8'pt-BR'relat%C3%B3rio.pdf".
// RESTinio checks the grammar but keeps the charset, language and %XX as
// sent, so the decoding is ours. UTF-8 and ISO-8859-1 are the charsets the
// RFC requires recipients to support; any other is unreadable (nullopt).
std::optional<std::string> decode_ext_value(std::string_view value) {
  const auto first = value.find('\'');
  const auto second = first == std::string_view::npos ? first : value.find('\'', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  const std::string charset = lowercase(value.substr(0, first));
  if (charset != "utf-8" && charset != "iso-8859-1") return std::nullopt;
  std::string bytes;
  for (std::size_t i = second + 1; i < value.size(); ++i) {
    if (value[i] != '%') {
      bytes.push_back(value[i]);
      continue;
    }
    if (i + 2 >= value.size()) return std::nullopt;
    const int high = hex_value(value[i + 1]);
    const int low = hex_value(value[i + 2]);
    if (high < 0 || low < 0) return std::nullopt;
    bytes.push_back(static_cast<char>(high * 16 + low));
    i += 2;
  }
  if (charset == "utf-8") return bytes;
  // ISO-8859-1 maps each byte to the code point of the same value.
  std::string utf8;
  for (char ch : bytes) {
    const auto u = static_cast<unsigned char>(ch);
    if (u < 0x80) {
      utf8.push_back(ch);
    } else {
      utf8.push_back(static_cast<char>(0xC0 | (u >> 6)));
      utf8.push_back(static_cast<char>(0x80 | (u & 0x3F)));
    }
  }
  return utf8;
}

// Browsers and curl follow the WHATWG form encoding: in names and filenames
// they send '"', CR and LF as %22, %0D and %0A, and leave every other '%'
// alone, so only those three are decoded (a literal "%22" in a name is lost
// to this, which is the spec's own ambiguity).
std::string decode_form_escapes(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto escape = lowercase(text.substr(i, 3));
    if (escape == "%22" || escape == "%0d" || escape == "%0a") {
      out.push_back(escape == "%22" ? '"' : escape == "%0d" ? '\r' : '\n');
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

// The boundary delimiter ("--" + boundary) from a multipart/form-data
// Content-Type, or nullopt without a valid one (RFC 2046 bchars, 1-70).
std::optional<std::string> delimiter_of(const std::string& content_type) {
  const auto parsed = hfp::content_type_value_t::try_parse(content_type);
  if (!parsed) return std::nullopt;
  if (lowercase(parsed->media_type.type) != "multipart" ||
      lowercase(parsed->media_type.subtype) != "form-data") {
    return std::nullopt;
  }
  const auto boundary = hfp::find_first(parsed->media_type.parameters, "boundary");
  if (!boundary || mp::check_boundary_value(*boundary)) return std::nullopt;
  return "--" + std::string(boundary->data(), boundary->size());
}

// One part's headers and body; nullopt unless it is a form-data part with a name.
std::optional<Part> to_part(const mp::parsed_part_t& parsed) {
  const auto disposition = parsed.fields.opt_value_of("Content-Disposition");
  if (!disposition) return std::nullopt;
  const auto value = hfp::content_disposition_value_t::try_parse(*disposition);
  if (!value || value->value != "form-data") return std::nullopt;
  const auto name = hfp::find_first(value->parameters, "name");
  if (!name) return std::nullopt;

  Part part;
  part.name = decode_form_escapes(*name);
  const auto plain = hfp::find_first(value->parameters, "filename");
  const auto extended = hfp::find_first(value->parameters, "filename*");
  // RFC 6266 §4.3: a recipient that understands filename* prefers it; the
  // plain filename is the fallback for a charset we cannot read.
  if (extended) part.filename = decode_ext_value(*extended);
  if (!part.filename && plain) part.filename = decode_form_escapes(*plain);
  if (extended && !part.filename) return std::nullopt;  // only an unreadable name

  if (const auto type = parsed.fields.opt_value_of("Content-Type")) {
    part.content_type = std::string(type->data(), type->size());
  }
  part.bytes = std::string(parsed.body.data(), parsed.body.size());
  return part;
}

}  // namespace

bool is_multipart_form_data(const std::string& content_type) {
  std::string type = lowercase(content_type.substr(0, content_type.find(';')));
  const auto first = type.find_first_not_of(" \t");
  const auto last = type.find_last_not_of(" \t");
  if (first == std::string::npos) return false;
  return type.substr(first, last - first + 1) == "multipart/form-data";
}

std::optional<std::vector<Part>> parse_multipart(const std::string& content_type,
                                                 const std::string& body) {
  const auto delimiter = delimiter_of(content_type);
  if (!delimiter) return std::nullopt;

  // RESTinio wants the close delimiter followed by CRLF, but RFC 2046 makes
  // that CRLF optional at the very end, and some clients omit it; only then
  // is the body copied to add it.
  std::string_view view = body;
  std::string completed;
  const std::string close = *delimiter + "--";
  if (view.size() >= close.size() && view.substr(view.size() - close.size()) == close) {
    completed = body + "\r\n";
    view = completed;
  }

  const auto pieces = mp::split_multipart_body(view, *delimiter);
  if (pieces.empty()) return std::nullopt;
  std::vector<Part> parts;
  parts.reserve(pieces.size());
  for (const auto piece : pieces) {
    const auto parsed = mp::try_parse_part(piece);
    if (!parsed) return std::nullopt;
    auto part = to_part(*parsed);
    if (!part) return std::nullopt;
    parts.push_back(std::move(*part));
  }
  return parts;
}

}  // namespace guiche::http
