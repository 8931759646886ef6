#pragma once
// The one file policy of every channel (portal, API, e-mail, WhatsApp): what
// a ticket accepts as an attachment, and the reason, in pt-BR, when it does
// not. A refused file is never thrown away: the channel keeps it as a held
// attachment (store/attachment_record.hpp), shown to staff with this reason
// and released by an admin; the person who sent it is told in the receipt.
#include <cstdint>
#include <string>
#include <string_view>

#include "app/desk_config.hpp"

namespace guiche::app {

struct FileVerdict {
  bool accepted = true;
  std::string reason;  // pt-BR, empty when accepted: "tipo de arquivo não permitido (...)"
};

// `sniffed_type` is libmagic's word on the bytes (never the sender's);
// `filename` is the cleaned name (its extension decides for unnamed binary
// bytes and refuses programs).
FileVerdict judge_attachment(const DeskConfig& config, std::string_view filename,
                             std::string_view sniffed_type, std::int64_t size_bytes);

// The sender's file name, kept as sent but safe to store, show and put in a
// download header: the last path component, no control characters or quotes,
// at most 255 bytes on a character boundary (the extension kept), never "."
// or ".."; `fallback` when nothing is left.
std::string safe_attachment_name(std::string_view name, std::string_view fallback);

// "25 MB", "512 KB", "100 bytes": a size as a person reads it.
std::string attachment_size_label(std::int64_t bytes);

}  // namespace guiche::app
