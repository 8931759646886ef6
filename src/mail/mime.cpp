#include "mail/mime.hpp"

#include <date/date.h>

#include <sodium.h>

namespace guiche::mail {
namespace {

bool is_plain_ascii(std::string_view s) {
  for (unsigned char ch : s) {
    if (ch < 0x20 || ch > 0x7e) return false;
  }
  return true;
}

// Length of the UTF-8 sequence starting with `lead` (1 for stray bytes).
std::size_t sequence_length(unsigned char lead) {
  if (lead >= 0xf0) return 4;
  if (lead >= 0xe0) return 3;
  if (lead >= 0xc0) return 2;
  return 1;
}

std::string base64(std::string_view bytes) {
  std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

// CR, LF and other controls become spaces: header values are one line.
std::string one_line(std::string_view text) {
  std::string s(text);
  for (auto& ch : s) {
    if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f) ch = ' ';
  }
  return s;
}

// QP never emits "=_", nor base64 any "_", so these boundaries cannot occur
// inside an encoded part.
constexpr const char* kBoundary = "=_guiche-alternative";
constexpr const char* kMixedBoundary = "=_guiche-mixed";

// Base64 in lines of 76 characters (RFC 2045).
std::string base64_lines(std::string_view bytes) {
  const std::string encoded = base64(bytes);
  std::string out;
  for (std::size_t i = 0; i < encoded.size(); i += 76) out += encoded.substr(i, 76) + "\r\n";
  return out;
}

// A header parameter's value, quoted, with nothing that could end the header.
std::string quoted_parameter(std::string_view value) {
  std::string out = "\"";
  for (char ch : one_line(value)) {
    if (ch == '"' || ch == '\\') out += '\\';
    out += ch;
  }
  return out + "\"";
}

}  // namespace

std::string encode_header_text(std::string_view text) {
  const std::string clean = one_line(text);
  if (is_plain_ascii(clean)) return clean;
  // "=?UTF-8?B?" + base64 + "?=" fits 75 characters with 45 bytes of payload.
  constexpr std::size_t kMaxBytes = 45;
  std::string out;
  std::size_t i = 0;
  while (i < clean.size()) {
    std::size_t end = i;
    while (end < clean.size()) {
      const std::size_t len = sequence_length(static_cast<unsigned char>(clean[end]));
      if (end + len - i > kMaxBytes) break;
      end += std::min(len, clean.size() - end);
    }
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + base64(std::string_view(clean).substr(i, end - i)) + "?=";
    i = end;
  }
  return out;
}

std::string format_address(const Address& a) {
  const std::string email = one_line(a.email);
  if (a.name.empty()) return "<" + email + ">";
  const std::string name = one_line(a.name);
  if (is_plain_ascii(name)) {
    std::string quoted = "\"";
    for (char ch : name) {
      if (ch == '"' || ch == '\\') quoted += '\\';
      quoted += ch;
    }
    return quoted + "\" <" + email + ">";
  }
  return encode_header_text(name) + " <" + email + ">";
}

std::string quoted_printable(std::string_view text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  std::size_t column = 0;
  auto emit = [&](const std::string& piece) {
    if (column + piece.size() > 75) {
      out += "=\r\n";
      column = 0;
    }
    out += piece;
    column += piece.size();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char ch = static_cast<unsigned char>(text[i]);
    if (ch == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    if (ch == '\n') {
      out += "\r\n";
      column = 0;
      continue;
    }
    const bool line_end = i + 1 == text.size() || text[i + 1] == '\n' || text[i + 1] == '\r';
    // Trailing blanks would be stripped in transit; "." alone at a line start
    // would end SMTP DATA with some clients.
    const bool literal = (ch >= 33 && ch <= 126 && ch != '=' && !(ch == '.' && column == 0)) ||
                         ((ch == ' ' || ch == '\t') && !line_end);
    if (literal) {
      emit(std::string(1, static_cast<char>(ch)));
    } else {
      emit(std::string{'=', hex[ch >> 4], hex[ch & 0xf]});
    }
  }
  return out;
}

std::string rfc5322_date(Instant t) {
  return date::format("%a, %d %b %Y %H:%M:%S +0000", std::chrono::floor<std::chrono::seconds>(t));
}

std::string domain_of(std::string_view email) {
  const auto at = email.rfind('@');
  if (at == std::string_view::npos || at + 1 == email.size()) return "guiche.localhost";
  std::string domain(email.substr(at + 1));
  while (!domain.empty() && domain.back() == '>') domain.pop_back();
  return domain;
}

std::string compose(const Message& m) {
  std::string out;
  out += "From: " + format_address(m.from) + "\r\n";
  out += "To: " + format_address(m.to) + "\r\n";
  out += "Subject: " + encode_header_text(m.subject) + "\r\n";
  out += "Date: " + rfc5322_date(m.date) + "\r\n";
  out += "Message-ID: " + one_line(m.message_id) + "\r\n";
  out += "MIME-Version: 1.0\r\n";
  // Automatic notices: no out-of-office replies, no mail loops (RFC 3834).
  out += "Auto-Submitted: auto-generated\r\n";
  if (!m.list_unsubscribe.empty()) {
    // RFC 2369 and RFC 8058: mail clients offer "unsubscribe" and POST
    // "List-Unsubscribe=One-Click" to the URL, with no page in between.
    out += "List-Unsubscribe: <" + one_line(m.list_unsubscribe) + ">\r\n";
    out += "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n";
  }
  const std::string text_part =
      "Content-Type: text/plain; charset=UTF-8\r\n"
      "Content-Transfer-Encoding: quoted-printable\r\n\r\n" +
      quoted_printable(m.text) + "\r\n";
  std::string body = text_part;
  if (!m.html.empty()) {
    body =
        std::string("Content-Type: multipart/alternative; boundary=\"") + kBoundary + "\"\r\n\r\n";
    body += std::string("--") + kBoundary + "\r\n" + text_part;
    body += std::string("--") + kBoundary + "\r\n";
    body += "Content-Type: text/html; charset=UTF-8\r\n";
    body += "Content-Transfer-Encoding: quoted-printable\r\n\r\n";
    body += quoted_printable(m.html) + "\r\n";
    body += std::string("--") + kBoundary + "--\r\n";
  }
  if (m.attachments.empty()) return out + body;
  out += std::string("Content-Type: multipart/mixed; boundary=\"") + kMixedBoundary + "\"\r\n\r\n";
  out += std::string("--") + kMixedBoundary + "\r\n" + body;
  for (const auto& a : m.attachments) {
    out += std::string("--") + kMixedBoundary + "\r\n";
    out += "Content-Type: " + one_line(a.content_type) + "; name=" + quoted_parameter(a.filename) +
           "\r\n";
    out += "Content-Disposition: attachment; filename=" + quoted_parameter(a.filename) + "\r\n";
    out += "Content-Transfer-Encoding: base64\r\n\r\n";
    out += base64_lines(a.content);
  }
  out += std::string("--") + kMixedBoundary + "--\r\n";
  return out;
}

}  // namespace guiche::mail
