#pragma once
// An incoming e-mail as the intake needs it: who sent it, how it threads,
// whether it is automatic, the text a person wrote and its files. Produced by
// parse_inbound() (GMime) from the raw RFC 5322 bytes; the raw bytes are kept
// by the caller (quarantine, audit), never re-derived from this.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mail/mime.hpp"

namespace guiche::mail {

struct InboundAttachment {
  std::string file_name;     // decoded (RFC 2047/2231), never empty ("anexo-N" when absent)
  std::string content_type;  // "type/subtype", lower case
  std::string content_id;    // for inline images; empty otherwise
  bool is_inline = false;
  std::string bytes;  // decoded content
};

// Why a message must not create tickets or trigger replies (RFC 3834 and
// common practice); none means a person wrote it.
enum class Automatic { none, auto_reply, bounce, bulk };

struct InboundMessage {
  std::optional<Address> from;  // absent or unparseable From: nullopt
  std::vector<Address> to;
  std::vector<Address> cc;
  std::string return_path;              // "" when absent; "<>" is reported as automatic bounce
  std::string subject;                  // decoded to UTF-8
  std::string message_id;               // "<...>" as sent; empty when absent
  std::string in_reply_to;              // "<...>" or empty
  std::vector<std::string> references;  // "<...>" each, oldest first
  Automatic automatic = Automatic::none;
  std::string text;          // UTF-8 body a person wrote (HTML converted safely)
  std::string text_trimmed;  // `text` without the quoted earlier messages and signature
  std::vector<InboundAttachment> attachments;  // inline images included
  std::optional<std::string> date_header;      // as sent
};

// A message that cannot be parsed at all (not RFC 5322 enough to get a body);
// the intake keeps the raw bytes in quarantine with `reason` (pt-BR).
struct UnparseableMessage {
  std::string reason;
};

// Parses one raw message. Throws UnparseableMessage when nothing usable can be
// read; everything merely odd (bad charset, broken address) is tolerated.
InboundMessage parse_inbound(std::string_view raw);

}  // namespace guiche::mail
