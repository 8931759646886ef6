// See attachment_policy.hpp.
#include "app/attachments/attachment_policy.hpp"

#include <algorithm>
#include <cctype>

#include "domain/ascii_text.hpp"
#include "domain/utf8_sequence.hpp"

namespace guiche::app {
namespace {

std::string policy_extension(std::string_view filename) {
  const auto dot = filename.find_last_of('.');
  if (dot == std::string_view::npos || dot + 1 >= filename.size()) return "";
  return ascii_lower(filename.substr(dot + 1));
}

bool policy_lists(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

std::string attachment_size_label(std::int64_t bytes) {
  if (bytes >= 1024 * 1024) return std::to_string(bytes / (1024 * 1024)) + " MB";
  if (bytes >= 1024) return std::to_string(bytes / 1024) + " KB";
  return std::to_string(bytes) + " bytes";
}

FileVerdict judge_attachment(const DeskConfig& config, std::string_view filename,
                             std::string_view sniffed_type, std::int64_t size_bytes) {
  const std::string ext = policy_extension(filename);
  if (!ext.empty() && policy_lists(config.attachment_refused_extensions, ext)) {
    return {false, "arquivos executáveis ou scripts (." + ext + ") não são aceitos"};
  }
  if (size_bytes > config.max_attachment_bytes) {
    return {false, "excede o limite de " + attachment_size_label(config.max_attachment_bytes)};
  }
  bool allowed = std::any_of(config.attachment_types.begin(), config.attachment_types.end(),
                             [&](const std::string& prefix) {
                               return !prefix.empty() && sniffed_type.starts_with(prefix);
                             });
  // Bytes libmagic cannot name: the extension vouches for a dump or a log.
  if (!allowed && sniffed_type == "application/octet-stream") {
    allowed = !ext.empty() && policy_lists(config.attachment_binary_extensions, ext);
  }
  if (!allowed) {
    return {false, "tipo de arquivo não permitido (" + std::string(sniffed_type) + ")"};
  }
  return {};
}

std::string safe_attachment_name(std::string_view name, std::string_view fallback) {
  const auto slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name = name.substr(slash + 1);
  std::string out;
  for (std::size_t i = 0; i < name.size();) {
    std::size_t n = utf8_sequence_length(name, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";  // a byte that is no character: U+FFFD
      ++i;
      continue;
    }
    const auto b = static_cast<unsigned char>(name[i]);
    const bool control = (n == 1 && (b < 0x20 || b == 0x7f)) ||
                         (n == 2 && b == 0xC2 && static_cast<unsigned char>(name[i + 1]) < 0xA0);
    if (!control && name[i] != '"') out.append(name.substr(i, n));
    i += n;
  }
  // Trim the spaces a name cannot usefully begin or end with.
  while (!out.empty() && out.front() == ' ') out.erase(0, 1);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  constexpr std::size_t kMaxBytes = 255;  // NAME_MAX of common file systems
  if (out.size() > kMaxBytes) {
    // Keep the extension: it is what says what the file is.
    std::string ext;
    if (const auto dot = out.find_last_of('.');
        dot != std::string::npos && out.size() - dot <= 16) {
      ext = out.substr(dot);
    }
    std::size_t cut = kMaxBytes - ext.size();
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out = out.substr(0, cut) + ext;
  }
  if (out.empty() || out == "." || out == "..") return std::string(fallback);
  return out;
}

}  // namespace guiche::app
