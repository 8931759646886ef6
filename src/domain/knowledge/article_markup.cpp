// See article_markup.hpp. Inline markup is matched left to right: a marker
// without its closing partner is plain text. Each marker's "no closing one
// after here" is remembered, so hostile text (a thousand backquotes) costs a
// pass, not a pass per marker.
#include "domain/knowledge/article_markup.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include "domain/utf8_sequence.hpp"

namespace guiche {
namespace {

constexpr int kMostNesting = 4;
constexpr std::size_t kMostAddress = 2000;

void escape_into(std::string& out, std::string_view s) {
  for (char ch : s) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += ch;
    }
  }
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

// http(s) with a host, and nothing a browser would read otherwise: no
// blanks, control characters or quotes.
bool safe_link(std::string_view url) {
  std::string_view rest;
  if (starts_with_ci(url, "https://")) {
    rest = url.substr(8);
  } else if (starts_with_ci(url, "http://")) {
    rest = url.substr(7);
  } else {
    return false;
  }
  if (rest.empty() || rest.front() == '/') return false;
  for (char ch : url) {
    const auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c == 0x7F || ch == '"' || ch == '\'' || ch == '<' || ch == '>' || ch == '\\')
      return false;
  }
  return true;
}

bool word_char(char ch) {
  const auto c = static_cast<unsigned char>(ch);
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
         c >= 0x80;
}

class InlineMarkup {
 public:
  explicit InlineMarkup(std::string_view s) : s_(s) {}

  std::string render(int depth) {
    std::string out;
    std::size_t i = 0;
    while (i < s_.size()) {
      const char ch = s_[i];
      if (depth < kMostNesting && try_markup(out, i, depth)) continue;
      escape_into(out, std::string_view(&ch, 1));
      ++i;
    }
    return out;
  }

 private:
  // The next `marker` at or after `from`, or npos (remembered once missing).
  std::size_t next(std::string_view marker, std::size_t from, int slot) {
    if (missing_[slot]) return std::string_view::npos;
    const auto at = s_.find(marker, from);
    if (at == std::string_view::npos) missing_[slot] = true;
    return at;
  }

  // The ")" that closes an address starting at `from`, parentheses inside
  // it balanced; looked for over kMostAddress bytes at most.
  std::size_t closing_parenthesis(std::size_t from) const {
    int open = 0;
    for (std::size_t j = from; j < s_.size() && j < from + kMostAddress; ++j) {
      if (s_[j] == '\n') break;
      if (s_[j] == '(') ++open;
      if (s_[j] == ')' && open-- == 0) return j;
    }
    return std::string_view::npos;
  }

  std::string nested(std::string_view inner, int depth) {
    return InlineMarkup(inner).render(depth + 1);
  }

  bool try_markup(std::string& out, std::size_t& i, int depth) {
    const char ch = s_[i];
    if (ch == '`') {
      const auto end = next("`", i + 1, 0);
      if (end == std::string_view::npos || end == i + 1) return false;
      out += "<code>";
      escape_into(out, s_.substr(i + 1, end - i - 1));
      out += "</code>";
      i = end + 1;
      return true;
    }
    if (ch == '*' && i + 1 < s_.size() && s_[i + 1] == '*') {
      const auto end = next("**", i + 2, 1);
      if (end == std::string_view::npos || end == i + 2 || s_[i + 2] == ' ') {
        out += "**";  // both stars are text
        i += 2;
        return true;
      }
      out += "<strong>" + nested(s_.substr(i + 2, end - i - 2), depth) + "</strong>";
      i = end + 2;
      return true;
    }
    if (ch == '*' || ch == '_') {
      if (ch == '_' && i > 0 && word_char(s_[i - 1])) return false;
      if (i + 1 >= s_.size() || s_[i + 1] == ' ' || s_[i + 1] == ch) return false;
      auto end = next(std::string_view(&s_[i], 1), i + 1, ch == '*' ? 2 : 3);
      if (end == std::string_view::npos) return false;
      if (ch == '*' && end + 1 < s_.size() && s_[end + 1] == '*') return false;
      if (ch == '_' && end + 1 < s_.size() && word_char(s_[end + 1])) return false;
      out += "<em>" + nested(s_.substr(i + 1, end - i - 1), depth) + "</em>";
      i = end + 1;
      return true;
    }
    if (ch == '[') {
      const auto middle = next("](", i + 1, 4);
      if (middle == std::string_view::npos) return false;
      const auto label = s_.substr(i + 1, middle - i - 1);
      if (label.empty() || label.find('[') != std::string_view::npos) return false;
      const auto close = closing_parenthesis(middle + 2);
      if (close == std::string_view::npos) return false;
      const auto url = s_.substr(middle + 2, close - middle - 2);
      if (safe_link(url)) {
        out += "<a href=\"";
        escape_into(out, url);
        out += "\" rel=\"noopener noreferrer\">" + nested(label, depth) + "</a>";
      } else {
        out += nested(label, depth);
      }
      i = close + 1;
      return true;
    }
    return false;
  }

  std::string_view s_;
  bool missing_[5] = {false, false, false, false, false};
};

std::string inline_html(std::string_view s) {
  return InlineMarkup(s).render(0);
}

std::string_view trim_line(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// "1. ", "23. ": the length of the marker, or 0.
std::size_t numbered_marker(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && i < 4 && line[i] >= '0' && line[i] <= '9') ++i;
  if (i == 0 || i + 1 >= line.size() || line[i] != '.' || line[i + 1] != ' ') return 0;
  return i + 2;
}

class BlockWriter {
 public:
  void paragraph_line(std::string_view line) {
    close_list();
    paragraph_ += (paragraph_.empty() ? "" : " ") + std::string(line);
  }
  void list_item(const char* kind, std::string_view item) {
    close_paragraph();
    if (list_ != kind) {
      close_list();
      list_ = kind;
      add(std::string("<") + kind + ">");
    }
    add("<li>" + inline_html(item) + "</li>");
  }
  void block(std::string html) {
    close_paragraph();
    close_list();
    add(std::move(html));
  }
  void blank() {
    close_paragraph();
    close_list();
  }
  std::string finish() {
    blank();
    return out_;
  }

 private:
  void add(std::string html) { out_ += (out_.empty() ? "" : "\n") + html; }
  void close_paragraph() {
    if (paragraph_.empty()) return;
    add("<p>" + inline_html(paragraph_) + "</p>");
    paragraph_.clear();
  }
  void close_list() {
    if (list_.empty()) return;
    add("</" + list_ + ">");
    list_.clear();
  }

  std::string out_;
  std::string paragraph_;
  std::string list_;  // "ul", "ol" or none
};

}  // namespace

std::string render_article_markup(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start <= text.size();) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  BlockWriter w;
  for (std::size_t n = 0; n < lines.size(); ++n) {
    const auto line = trim_line(lines[n]);
    if (line.starts_with("```")) {
      std::string code;
      std::size_t m = n + 1;
      for (; m < lines.size() && !trim_line(lines[m]).starts_with("```"); ++m) {
        auto raw = lines[m];
        if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
        code += (m == n + 1 ? "" : "\n") + std::string(raw);
      }
      std::string html = "<pre><code>";
      escape_into(html, code);
      w.block(html + "</code></pre>");
      n = m;  // the closing fence (or the end)
      continue;
    }
    if (line.empty()) {
      w.blank();
      continue;
    }
    std::size_t level = 0;
    while (level < line.size() && level < 4 && line[level] == '#') ++level;
    if (level >= 1 && level <= 3 && level < line.size() && line[level] == ' ') {
      const auto tag = "h" + std::to_string(level + 1);
      w.block("<" + tag + ">" + inline_html(trim_line(line.substr(level + 1))) + "</" + tag + ">");
      continue;
    }
    if ((line.starts_with("- ") || line.starts_with("* ")) && line.size() > 2) {
      w.list_item("ul", trim_line(line.substr(2)));
      continue;
    }
    if (const auto marker = numbered_marker(line)) {
      w.list_item("ol", trim_line(line.substr(marker)));
      continue;
    }
    w.paragraph_line(line);
  }
  return w.finish();
}

std::string article_excerpt(std::string_view text, std::size_t limit) {
  // The first paragraph as the page shows it (headings, lists and code
  // skipped; a link's text without its address), tags taken off.
  const auto html = render_article_markup(text.substr(0, std::min<std::size_t>(text.size(), 4000)));
  auto from = html.find("<p>");
  std::string_view shown = html;
  if (from != std::string::npos) {
    from += 3;
    shown = std::string_view(html).substr(from, html.find("</p>", from) - from);
  }
  std::string plain;
  bool in_tag = false;
  for (std::size_t i = 0; i < shown.size(); ++i) {
    const char ch = shown[i];
    if (in_tag) {
      in_tag = ch != '>';
      continue;
    }
    if (ch == '<') {
      in_tag = true;
      continue;
    }
    if (ch == '\n' || ch == ' ') {
      if (!plain.empty() && plain.back() != ' ') plain += ' ';
      continue;
    }
    if (ch == '&') {
      static const std::pair<std::string_view, char> entities[] = {
          {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
      bool replaced = false;
      for (const auto& [name, value] : entities) {
        if (shown.substr(i, name.size()) == name) {
          plain += value;
          i += name.size() - 1;
          replaced = true;
          break;
        }
      }
      if (replaced) continue;
    }
    plain += ch;
  }
  while (!plain.empty() && plain.back() == ' ') plain.pop_back();
  if (plain.size() <= limit) return plain;
  std::size_t cut = 0;
  for (std::size_t i = 0; i < plain.size();) {
    const auto n = utf8_sequence_length(plain, i);
    const std::size_t step = n == 0 ? 1 : n;
    if (i + step > limit) break;
    i += step;
    cut = i;
  }
  return plain.substr(0, cut) + "…";
}

}  // namespace guiche
