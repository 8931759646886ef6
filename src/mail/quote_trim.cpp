#include "mail/quote_trim.hpp"
#include "domain/ascii_text.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

namespace guiche::mail {

namespace {

// White space, including the invisible characters phones put on "empty"
// lines (no-break space, zero-width space, byte order mark).
std::string_view strip(std::string_view s) {
  static constexpr std::string_view kInvisible[] = {"\xC2\xA0", "\xE2\x80\x8B", "\xEF\xBB\xBF"};
  for (bool again = true; again;) {
    again = false;
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    for (const std::string_view invisible : kInvisible) {
      if (s.starts_with(invisible)) s.remove_prefix(invisible.size()), again = true;
      if (s.ends_with(invisible)) s.remove_suffix(invisible.size()), again = true;
    }
  }
  return s;
}

bool starts_with_any(std::string_view s, std::initializer_list<std::string_view> prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(),
                     [&](std::string_view p) { return s.starts_with(p); });
}

bool is_quoted(std::string_view line) {
  return strip(line).starts_with(">");
}

bool is_blank(std::string_view line) {
  return strip(line).empty();
}

// The end of an attribution line in the languages our users' contacts write in.
bool ends_attribution(std::string_view line) {
  const std::string l = ascii_lower(strip(line));
  return l.ends_with("escreveu:") || l.ends_with("wrote:") || l.ends_with("escribió:") ||
         l.ends_with("a écrit :") || l.ends_with("a écrit:") || l.ends_with("schrieb:");
}

bool starts_attribution(std::string_view line) {
  const std::string l = ascii_lower(strip(line));
  return starts_with_any(l, {"em ", "on ", "no dia ", "el ", "le ", "am ", "às ", "as "});
}

// "-----Original Message-----" and its translations.
bool is_original_message_rule(std::string_view line) {
  std::string l = ascii_lower(strip(line));
  l.erase(std::remove(l.begin(), l.end(), ' '), l.end());
  return l.starts_with("-----") && (l.find("originalmessage") != std::string::npos ||
                                    l.find("mensagemoriginal") != std::string::npos ||
                                    l.find("mensajeoriginal") != std::string::npos);
}

bool field(std::string_view line, std::initializer_list<std::string_view> names) {
  const std::string l = ascii_lower(strip(line));
  return std::any_of(names.begin(), names.end(), [&](std::string_view n) {
    return l.starts_with(n) && l.size() > n.size() && l[n.size()] == ':';
  });
}

// Outlook's quoted header block: "De:" then, within a few lines, "Enviado:"
// (or "Sent:"/"Data:"/"Date:") and "Para:"/"Assunto:".
bool starts_header_block(const std::vector<std::string_view>& lines, size_t i) {
  if (!field(lines[i], {"de", "from", "*de", "*from"})) return false;
  bool sent = false, other = false;
  for (size_t k = i + 1; k < lines.size() && k <= i + 5; ++k) {
    if (field(lines[k], {"enviado", "enviada em", "sent", "data", "date", "*enviado", "*sent"}))
      sent = true;
    if (field(lines[k], {"para", "to", "assunto", "subject", "cc", "*para", "*to"})) other = true;
  }
  return sent && other;
}

bool is_phone_footer(std::string_view line) {
  const std::string l = ascii_lower(strip(line));
  return l.size() < 70 &&
         starts_with_any(l, {"enviado do meu", "enviado de meu", "enviado a partir do",
                             "sent from my", "get outlook for", "obter o outlook para",
                             "enviado do yahoo mail", "enviado via"});
}

bool is_underscore_rule(std::string_view line) {
  const std::string_view s = strip(line);
  return s.size() >= 10 && s.find_first_not_of('_') == std::string_view::npos;
}

}  // namespace

bool is_forward_subject(std::string_view subject) {
  const std::string l = ascii_lower(strip(subject));
  return starts_with_any(l, {"fwd:", "fw:", "enc:", "encaminhada:", "encaminhar:", "tr:", "rv:"});
}

std::string trim_quotes(std::string_view text, bool is_forward) {
  std::vector<std::string_view> lines;
  for (size_t start = 0; start <= text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (line.ends_with('\r')) line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }

  // Everything from a cut line on is an earlier message or a signature.
  size_t cut = lines.size();
  for (size_t i = 0; i < lines.size() && cut == lines.size(); ++i) {
    const std::string_view line = lines[i];
    if (line == "-- " || line == "--") cut = i;
    if (!is_forward && (is_original_message_rule(line) || starts_header_block(lines, i))) {
      cut = i;
      if (i > 0 && is_underscore_rule(lines[i - 1])) cut = i - 1;
    }
  }
  std::vector<bool> keep(cut, true);
  for (size_t i = 0; i < cut; ++i) {
    if (is_quoted(lines[i]) || is_phone_footer(lines[i])) keep[i] = false;
    if (!ends_attribution(lines[i])) continue;
    // An attribution line introduces a quote (blank lines between allowed).
    size_t next = i + 1;
    while (next < cut && is_blank(lines[next])) ++next;
    if (next < cut && !is_quoted(lines[next])) continue;
    keep[i] = false;
    // Clients wrap long attributions: "On Mon, ... João <\njoao@x> wrote:".
    for (size_t back = 1; back <= 2 && back <= i; ++back) {
      if (is_blank(lines[i - back]) || is_quoted(lines[i - back])) break;
      if (starts_attribution(lines[i - back])) {
        for (size_t k = i - back; k < i; ++k) keep[k] = false;
        break;
      }
    }
  }
  std::string out;
  for (size_t i = 0; i < cut; ++i) {
    if (!keep[i]) continue;
    out.append(lines[i]);
    out.push_back('\n');
  }
  // No blank lines at either end and no runs of them where quotes were.
  std::string result;
  size_t blank_run = 0;
  for (size_t start = 0; start < out.size();) {
    const size_t end = out.find('\n', start);
    std::string_view line = std::string_view(out).substr(start, end - start);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    if (strip(line).empty()) {
      ++blank_run;
    } else {
      if (!result.empty() && blank_run > 0) result += '\n';
      blank_run = 0;
      result.append(line);
      result += '\n';
    }
    start = end + 1;
  }
  if (!result.empty()) result.pop_back();
  if (result.empty()) return std::string(strip(text));
  return result;
}

}  // namespace guiche::mail
