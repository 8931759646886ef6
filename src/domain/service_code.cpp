// See service_code.hpp; the cases are tests/domain/data/service_codes.cases.
#include "domain/service_code.hpp"

#include <algorithm>
#include <array>

#include "domain/text_fold.hpp"

namespace guiche {
namespace {

// Longer is no code anyone typed (the admin pages keep codes to 40 characters).
constexpr std::size_t kMaxTypedBytes = 200;
constexpr std::size_t kMaxUnknownBytes = 60;

bool alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
// Joins the parts of a code in a text ("SUP-TEC", "SUP_TEC").
bool joiner(char c) {
  return c == '-' || c == '_';
}
// Glues a word to what follows it: "SUP-TEC" in "SUP-TEC-2", "x.sup-tec",
// "sup-tec@prodest.es.gov.br" or "SIS-DEFEITO.pdf" is part of another word.
bool connector(char c) {
  return joiner(c) || c == '.' || c == '@';
}

std::string_view trimmed(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// A catalog code as a text may write it: its letter-and-digit parts and
// what separates them in the catalog ("sis-defeito" -> {sis, defeito}, {-}).
struct Pattern {
  std::string code;
  std::vector<std::string> parts;
  std::vector<std::string> separators;
  bool plain_word = false;  // one part, no digit: may be an ordinary word
};

Pattern pattern_of(const std::string& code) {
  Pattern p{code, {}, {}, false};
  const std::string f = fold_text(code);
  std::string sep;
  for (std::size_t i = 0; i < f.size();) {
    if (!alnum(f[i])) {
      sep += f[i++];
      continue;
    }
    std::size_t j = i;
    while (j < f.size() && alnum(f[j])) ++j;
    if (!p.parts.empty()) p.separators.push_back(sep);
    p.parts.push_back(f.substr(i, j - i));
    sep.clear();
    i = j;
  }
  p.plain_word = p.parts.size() == 1 && std::none_of(p.parts[0].begin(), p.parts[0].end(),
                                                     [](char c) { return c >= '0' && c <= '9'; });
  return p;
}

std::vector<Pattern> patterns_of(const std::vector<std::string>& catalog) {
  std::vector<Pattern> out;
  for (const auto& code : catalog) {
    Pattern p = pattern_of(code);
    if (!p.parts.empty()) out.push_back(std::move(p));
  }
  return out;
}

// Where `p` ends when it is written at `at` of the folded text `t`.
std::optional<std::size_t> match_at(std::string_view t, std::size_t at, const Pattern& p) {
  std::size_t pos = at;
  for (std::size_t k = 0; k < p.parts.size(); ++k) {
    if (k > 0) {
      const std::string& sep = p.separators[k - 1];
      if (t.substr(pos, sep.size()) == sep) {
        pos += sep.size();
      } else if (pos < t.size() && joiner(t[pos])) {
        ++pos;
      } else {
        return std::nullopt;
      }
    }
    if (t.substr(pos, p.parts[k].size()) != p.parts[k]) return std::nullopt;
    pos += p.parts[k].size();
  }
  return pos;
}

bool stands_alone(std::string_view t, std::size_t begin, std::size_t end) {
  const bool left = begin == 0 || (!alnum(t[begin - 1]) &&
                                   !(connector(t[begin - 1]) && begin >= 2 && alnum(t[begin - 2])));
  const bool right =
      end == t.size() ||
      (!alnum(t[end]) && !(connector(t[end]) && end + 1 < t.size() && alnum(t[end + 1])));
  return left && right;
}

bool bracketed(std::string_view t, std::size_t begin, std::size_t end) {
  return begin > 0 && end < t.size() && (t[begin - 1] == '[' || t[begin - 1] == '(') &&
         (t[end] == ']' || t[end] == ')');
}

enum class PlainWords { never, in_brackets };

// The codes written as words of their own in the folded text `t`.
void codes_in(std::string_view t, const std::vector<Pattern>& patterns, PlainWords plain,
              std::vector<std::string>& found) {
  for (const auto& p : patterns) {
    if (p.plain_word && plain == PlainWords::never) continue;
    for (auto at = t.find(p.parts[0]); at != std::string_view::npos;
         at = t.find(p.parts[0], at + 1)) {
      const auto end = match_at(t, at, p);
      if (!end || !stands_alone(t, at, *end)) continue;
      if (p.plain_word && !bracketed(t, at, *end)) continue;
      if (std::find(found.begin(), found.end(), p.code) == found.end()) found.push_back(p.code);
      break;
    }
  }
}

// Whether `label` (what comes before the colon) says the line gives a code:
// "Código do serviço", "Cód. serviço", "Serviço", "Código do sistema ou
// serviço (se souber)", in any case and with or without accents.
bool code_label(std::string_view label) {
  static constexpr std::array<std::string_view, 16> kWords = {
      "codigo", "cod", "servico", "sistema",    "do",         "de",       "da",    "o",
      "ou",     "se",  "souber",  "solicitado", "pretendido", "catalogo", "carta", "item"};
  const std::string f = fold_text(label);
  std::vector<std::string> words;
  std::string word;
  for (char c : f + " ") {
    if (c >= 'a' && c <= 'z') {
      word += c;
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    } else if (c != ' ' && c != '.' && c != '(' && c != ')' && c != '-' && c != '*') {
      return false;  // digits or other signs: not a label
    }
  }
  if (words.empty() || words.size() > 8) return false;
  if (words[0] != "codigo" && words[0] != "cod" && words[0] != "servico") return false;
  return std::all_of(words.begin(), words.end(), [](const std::string& w) {
    return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
  });
}

// At most `max` bytes of `s`, cut on a character boundary.
std::string shortened(std::string_view s, std::size_t max) {
  if (s.size() <= max) return std::string(s);
  std::size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return std::string(s.substr(0, n));
}

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> out;
  while (!text.empty()) {
    const auto nl = text.find('\n');
    out.push_back(text.substr(0, nl));
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  return out;
}

}  // namespace

std::string service_code_key(std::string_view code) {
  std::string out;
  for (char c : fold_text(code)) {
    if (alnum(c)) out += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  }
  return out;
}

std::optional<std::string> typed_service_code(std::string_view typed,
                                              const std::vector<std::string>& catalog) {
  if (typed.size() > kMaxTypedBytes) return std::nullopt;
  auto only = [&](auto same) -> std::optional<std::string> {
    std::optional<std::string> found;
    for (const auto& code : catalog) {
      if (!same(code)) continue;
      if (found) return std::nullopt;  // two codes: the typed text names neither
      found = code;
    }
    return found;
  };
  const std::string written = fold_text(trimmed(typed));
  if (written.empty()) return std::nullopt;
  if (auto exact = only([&](const std::string& c) { return fold_text(trimmed(c)) == written; })) {
    return exact;
  }
  const std::string key = service_code_key(typed);
  if (key.empty()) return std::nullopt;
  return only([&](const std::string& c) { return service_code_key(c) == key; });
}

QuotedServiceCode quoted_service_code(std::string_view subject, std::string_view body,
                                      const std::vector<std::string>& catalog) {
  const auto patterns = patterns_of(catalog);
  QuotedServiceCode out;
  // 1. The body's labelled lines ("Código do serviço: ..."); a label alone on
  // its line takes the next line that is not blank (a table of an HTML
  // message becomes "Código do serviço", a blank line, "SIS-ACESSO").
  const auto lines = lines_of(body);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = trimmed(lines[i]);
    if (line.starts_with('>')) continue;  // quoted from an earlier message
    const auto colon = line.find_first_of(":\t");
    const bool said = colon != std::string_view::npos;
    if (!code_label(said ? line.substr(0, colon) : line)) continue;
    std::string_view value = said ? trimmed(line.substr(colon + 1)) : std::string_view{};
    if (value.empty()) {
      std::size_t next = i + 1;
      while (next < lines.size() && trimmed(lines[next]).empty()) ++next;
      if (next < lines.size() && !trimmed(lines[next]).starts_with('>')) {
        value = trimmed(lines[next]);
        i = next;
      }
    }
    if (value.empty()) continue;
    if (auto code = typed_service_code(value, catalog)) {
      if (std::find(out.codes.begin(), out.codes.end(), *code) == out.codes.end())
        out.codes.push_back(*code);
      continue;
    }
    const auto before = out.codes.size();
    codes_in(fold_text(value), patterns, PlainWords::never, out.codes);
    // Only a label with its colon says for sure the value was meant as a code.
    if (out.codes.size() == before && said && out.unknown.empty()) {
      out.unknown = shortened(value, kMaxUnknownBytes);
    }
  }
  if (!out.codes.empty()) {
    out.where = QuotedServiceCode::Where::body;
  } else {
    // 2. The subject: a code standing alone, or the whole value of a label.
    const std::string_view s = trimmed(subject);
    const auto colon = s.find(':');
    if (colon != std::string_view::npos && code_label(s.substr(0, colon))) {
      if (auto code = typed_service_code(trimmed(s.substr(colon + 1)), catalog))
        out.codes.push_back(*code);
    }
    if (out.codes.empty()) codes_in(fold_text(s), patterns, PlainWords::in_brackets, out.codes);
    if (!out.codes.empty()) out.where = QuotedServiceCode::Where::subject;
  }
  // Catalog order, so the same message always reads the same.
  std::vector<std::string> ordered;
  for (const auto& code : catalog) {
    if (std::find(out.codes.begin(), out.codes.end(), code) != out.codes.end() &&
        std::find(ordered.begin(), ordered.end(), code) == ordered.end())
      ordered.push_back(code);
  }
  out.codes = std::move(ordered);
  return out;
}

}  // namespace guiche
