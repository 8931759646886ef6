#include "mail/charset.hpp"

#include <iconv.h>

#include <algorithm>
#include <cctype>
#include <cerrno>

namespace guiche::mail {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

std::string charset_key(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    if (c == '"' || c == '\'' || std::isspace(static_cast<unsigned char>(c))) continue;
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

// The iconv name to read `declared` with; "" means "no usable declaration".
std::string iconv_name(std::string_view declared) {
  const std::string name = charset_key(declared);
  if (name.empty()) return "";
  if (name == "utf-8" || name == "utf8") return "UTF-8";
  if (name == "us-ascii" || name == "ascii" || name == "iso-8859-1" || name == "iso8859-1" ||
      name == "latin1" || name == "latin-1" || name == "iso_8859-1" || name == "cp1252" ||
      name == "windows-1252" || name == "x-user-defined")
    return "WINDOWS-1252";
  // Outlook's name for Korean; glibc does not know it.
  if (name == "ks_c_5601-1987") return "CP949";
  return name;
}

// Converts with iconv, replacing each undecodable byte with U+FFFD; returns
// false when iconv does not know the charset.
bool convert(std::string_view bytes, const std::string& from, std::string& out) {
  iconv_t cd = iconv_open("UTF-8", from.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  out.clear();
  out.reserve(bytes.size() + bytes.size() / 4);
  char* in = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  char buffer[4096];
  while (in_left > 0) {
    char* dst = buffer;
    size_t dst_left = sizeof buffer;
    const size_t r = iconv(cd, &in, &in_left, &dst, &dst_left);
    out.append(buffer, static_cast<size_t>(dst - buffer));
    if (r != static_cast<size_t>(-1)) continue;
    if (errno == E2BIG) continue;
    // EILSEQ or EINVAL (truncated sequence at the end): skip one byte.
    out.append(kReplacement);
    ++in;
    --in_left;
    iconv(cd, nullptr, nullptr, nullptr, nullptr);
  }
  char* dst = buffer;
  size_t dst_left = sizeof buffer;
  iconv(cd, nullptr, nullptr, &dst, &dst_left);
  out.append(buffer, static_cast<size_t>(dst - buffer));
  iconv_close(cd);
  return true;
}

// The five bytes windows-1252 leaves undefined (0x81, 0x8D, ...) become U+FFFD.
std::string from_windows_1252(std::string_view bytes) {
  std::string out;
  convert(bytes, "WINDOWS-1252", out);
  return out;
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t extra = 0;
    unsigned min = 0;
    unsigned cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      extra = 1, min = 0x80, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2, min = 0x800, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3, min = 0x10000, cp = c & 0x07;
    } else {
      return false;
    }
    if (i + extra >= s.size()) return false;
    for (size_t k = 1; k <= extra; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += extra + 1;
  }
  return true;
}

std::string to_utf8(std::string_view bytes, std::string_view declared_charset) {
  const std::string from = iconv_name(declared_charset);
  if (from.empty() || from == "UTF-8") {
    if (is_valid_utf8(bytes)) return std::string(bytes);
    return from_windows_1252(bytes);
  }
  if (from == "WINDOWS-1252") return from_windows_1252(bytes);
  std::string out;
  if (convert(bytes, from, out)) return out;
  // A charset iconv does not know: the same guess as for no declaration.
  if (is_valid_utf8(bytes)) return std::string(bytes);
  return from_windows_1252(bytes);
}

}  // namespace guiche::mail
