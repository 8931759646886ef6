#pragma once
// Composing RFC 5322 messages: UTF-8 headers encoded per RFC 2047 and a
// multipart/alternative body (plain text and HTML), each part in
// quoted-printable, and files attached in base64 under multipart/mixed, so
// any SMTP server carries them unchanged (7-bit, lines under 78 characters).
#include <string>
#include <string_view>
#include <vector>

#include "domain/time.hpp"

namespace guiche::mail {

struct Address {
  std::string name;   // may be empty or non-ASCII
  std::string email;  // addr-spec, ASCII
};

// A file sent with a message (a scheduled report's CSV).
struct Attachment {
  std::string filename;      // ASCII: "sla-severidades-2026-11.csv"
  std::string content_type;  // "text/csv; charset=UTF-8"
  std::string content;       // the bytes
};

struct Message {
  Address from;
  Address to;
  std::string subject;
  std::string text;        // UTF-8
  std::string html;        // UTF-8; empty: a text/plain message only
  std::string message_id;  // "<...@host>", stable across retries
  Instant date{};
  // A list message's one-click unsubscribe URL (RFC 8058): when set, the
  // List-Unsubscribe and List-Unsubscribe-Post headers name it.
  std::string list_unsubscribe;
  std::vector<Attachment> attachments;
};

// The header value as is when it is printable ASCII, otherwise as RFC 2047
// "B" encoded words (each at most 75 characters, never splitting a UTF-8
// sequence). CR and LF never survive: a header cannot be injected.
std::string encode_header_text(std::string_view text);
// `"Name" <email>` with the name encoded as needed.
std::string format_address(const Address& a);
// Quoted-printable (RFC 2045) with CRLF line ends and soft breaks at 76.
std::string quoted_printable(std::string_view text);
// RFC 5322 date, e.g. "Tue, 03 Mar 2026 14:05:00 +0000".
std::string rfc5322_date(Instant t);
// The whole message with CRLF line ends, ready for SMTP DATA.
std::string compose(const Message& m);
// The domain part of an address ("guiche.localhost" for an address without one).
std::string domain_of(std::string_view email);

}  // namespace guiche::mail
