#include "support/raw_mail.hpp"

namespace guiche::testing {
namespace {

std::string crlf(const std::string& text) {
  std::string out;
  for (char ch : text) {
    if (ch == '\n') out += '\r';
    out += ch;
  }
  return out;
}

}  // namespace

std::string RawMail::str() const {
  std::string m = "From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject +
                  "\r\nDate: Mon, 02 Mar 2026 12:00:00 +0000\r\n";
  if (!message_id.empty()) m += "Message-ID: " + message_id + "\r\n";
  for (const auto& [name, value] : headers) m += name + ": " + value + "\r\n";
  m += "MIME-Version: 1.0\r\n";
  if (attachment_name.empty()) {
    return m +
           "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" +
           crlf(body) + "\r\n";
  }
  return m + "Content-Type: multipart/mixed; boundary=\"limite\"\r\n\r\n--limite\r\n" +
         "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" +
         crlf(body) + "\r\n--limite\r\nContent-Type: text/plain; charset=utf-8\r\n" +
         "Content-Disposition: attachment; filename=\"" + attachment_name + "\"\r\n\r\n" +
         crlf(attachment_text) + "\r\n--limite--\r\n";
}

}  // namespace guiche::testing
