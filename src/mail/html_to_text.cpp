#include "mail/html_to_text.hpp"
#include "domain/ascii_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <utility>
#include <vector>

namespace guiche::mail {

namespace {

std::string utf8(unsigned cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  std::string out;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
  return out;
}

// The named entities mail HTML uses in practice: markup, Latin-1 letters for
// Portuguese and the typographic ones Word produces.
constexpr std::array<std::pair<std::string_view, unsigned>, 66> kEntities{{
    {"amp", '&'},      {"lt", '<'},       {"gt", '>'},        {"quot", '"'},     {"apos", '\''},
    {"nbsp", ' '},     {"copy", 0xA9},    {"reg", 0xAE},      {"deg", 0xB0},     {"ordf", 0xAA},
    {"ordm", 0xBA},    {"sect", 0xA7},    {"laquo", 0xAB},    {"raquo", 0xBB},   {"middot", 0xB7},
    {"Agrave", 0xC0},  {"Aacute", 0xC1},  {"Acirc", 0xC2},    {"Atilde", 0xC3},  {"Ccedil", 0xC7},
    {"Egrave", 0xC8},  {"Eacute", 0xC9},  {"Ecirc", 0xCA},    {"Iacute", 0xCD},  {"Oacute", 0xD3},
    {"Ocirc", 0xD4},   {"Otilde", 0xD5},  {"Uacute", 0xDA},   {"Uuml", 0xDC},    {"agrave", 0xE0},
    {"aacute", 0xE1},  {"acirc", 0xE2},   {"atilde", 0xE3},   {"auml", 0xE4},    {"ccedil", 0xE7},
    {"egrave", 0xE8},  {"eacute", 0xE9},  {"ecirc", 0xEA},    {"iacute", 0xED},  {"oacute", 0xF3},
    {"ocirc", 0xF4},   {"otilde", 0xF5},  {"ouml", 0xF6},     {"uacute", 0xFA},  {"uuml", 0xFC},
    {"ntilde", 0xF1},  {"Ntilde", 0xD1},  {"szlig", 0xDF},    {"euro", 0x20AC},  {"ndash", 0x2013},
    {"mdash", 0x2014}, {"lsquo", 0x2018}, {"rsquo", 0x2019},  {"sbquo", 0x201A}, {"ldquo", 0x201C},
    {"rdquo", 0x201D}, {"bdquo", 0x201E}, {"hellip", 0x2026}, {"bull", 0x2022},  {"trade", 0x2122},
    {"times", 0xD7},   {"divide", 0xF7},  {"shy", 0xAD},      {"zwnj", 0x200C},  {"zwj", 0x200D},
    {"ensp", ' '},
}};

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Elements whose content is never text for a reader.
bool is_hidden(std::string_view tag) {
  return one_of(
      tag, {"script", "style", "title", "xml", "template", "noscript", "svg", "object", "iframe"});
}
bool is_line_block(std::string_view tag) {
  return one_of(tag, {"div", "li", "tr", "dt", "dd", "section", "article", "header", "footer",
                      "address", "center", "caption", "form", "nav", "main", "aside"});
}
bool is_paragraph_block(std::string_view tag) {
  return one_of(tag, {"p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "dl", "pre",
                      "hr", "blockquote", "figure"});
}

bool is_safe_url(std::string_view url) {
  const std::string l = ascii_lower(url.substr(0, 8));
  return l.starts_with("http://") || l.starts_with("https://") || l.starts_with("mailto:");
}

struct Tag {
  std::string name;  // lower case, no '/'
  bool closing = false;
  bool self_closing = false;
  std::string href;
};

// Parses the tag starting after '<' at `i`; leaves `i` after its '>'.
Tag read_tag(std::string_view html, size_t& i) {
  Tag tag;
  if (i < html.size() && html[i] == '/') tag.closing = true, ++i;
  const size_t name_start = i;
  while (i < html.size() &&
         (std::isalnum(static_cast<unsigned char>(html[i])) || html[i] == ':' || html[i] == '-'))
    ++i;
  tag.name = ascii_lower(html.substr(name_start, i - name_start));
  while (i < html.size() && html[i] != '>') {
    const char c = html[i];
    if (c == '"' || c == '\'') {  // quoted values may contain '>'
      const size_t end = html.find(c, i + 1);
      i = end == std::string_view::npos ? html.size() : end + 1;
      continue;
    }
    if (c == '/' && i + 1 < html.size() && html[i + 1] == '>') tag.self_closing = true;
    if ((c == 'h' || c == 'H') && ascii_lower(html.substr(i, 4)) == "href" && tag.name == "a") {
      size_t j = i + 4;
      while (j < html.size() && std::isspace(static_cast<unsigned char>(html[j]))) ++j;
      if (j < html.size() && html[j] == '=') {
        ++j;
        while (j < html.size() && std::isspace(static_cast<unsigned char>(html[j]))) ++j;
        size_t end = j;
        if (j < html.size() && (html[j] == '"' || html[j] == '\'')) {
          end = html.find(html[j], j + 1);
          if (end == std::string_view::npos) end = html.size();
          tag.href = std::string(html.substr(j + 1, end - j - 1));
          i = std::min(end + 1, html.size());
          continue;
        }
        while (end < html.size() && !std::isspace(static_cast<unsigned char>(html[end])) &&
               html[end] != '>')
          ++end;
        tag.href = std::string(html.substr(j, end - j));
        i = end;
        continue;
      }
    }
    ++i;
  }
  if (i < html.size()) ++i;
  return tag;
}

// Accumulates text with collapsed white space and explicit line structure.
class Writer {
 public:
  void text(std::string_view s) {
    for (const char c : s) {
      if (pre_ > 0) {
        put(c);
      } else if (std::isspace(static_cast<unsigned char>(c))) {
        pending_space_ = true;
      } else {
        if (pending_space_ && !at_line_start()) put(' ');
        pending_space_ = false;
        put(c);
      }
    }
  }
  void line_break() {
    pending_space_ = false;
    put('\n');
  }
  // A line break unless at the start of a line already.
  void block(bool blank_line) {
    pending_space_ = false;
    if (!at_line_start()) put('\n');
    if (blank_line && !out_.empty() && !out_.ends_with("\n\n")) put('\n');
  }
  void quote_level(int delta) { quote_ = std::max(0, quote_ + delta); }
  void pre(int delta) { pre_ = std::max(0, pre_ + delta); }
  std::string finish();

 private:
  bool at_line_start() const { return out_.empty() || out_.back() == '\n' || line_prefixed_; }
  void put(char c) {
    if (c == '\n') {
      if (quote_ > 0 && (out_.empty() || out_.back() == '\n')) prefix();
      out_.push_back('\n');
      line_prefixed_ = false;
      return;
    }
    if (quote_ > 0 && (out_.empty() || out_.back() == '\n')) prefix();
    line_prefixed_ = false;
    out_.push_back(c);
  }
  void prefix() {
    for (int q = 0; q < quote_; ++q) out_ += "> ";
    line_prefixed_ = true;
  }
  std::string out_;
  bool pending_space_ = false;
  bool line_prefixed_ = false;
  int quote_ = 0;
  int pre_ = 0;
};

// Trailing spaces off every line, at most one blank line in a row, no blank
// lines at either end.
std::string Writer::finish() {
  std::string result;
  size_t blank_run = 0;
  size_t start = 0;
  while (start <= out_.size()) {
    size_t end = out_.find('\n', start);
    if (end == std::string::npos) end = out_.size();
    std::string line = out_.substr(start, end - start);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
      line.pop_back();
    const bool blank = line.find_first_not_of("> ") == std::string::npos;
    if (blank) {
      ++blank_run;
    } else {
      if (!result.empty() && blank_run > 0) result += "\n";
      blank_run = 0;
      result += line;
      result += '\n';
    }
    start = end + 1;
  }
  if (!result.empty()) result.pop_back();
  return result;
}

}  // namespace

// Entities inside an attribute value ("?a=1&amp;b=2").
static std::string decode_entities(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const size_t end = s[i] == '&' ? s.find(';', i + 1) : std::string_view::npos;
    if (end != std::string_view::npos && end - i <= 12) {
      const std::string decoded = decode_html_entity(s.substr(i + 1, end - i - 1));
      if (!decoded.empty()) {
        out += decoded;
        i = end;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

std::string decode_html_entity(std::string_view name) {
  if (name.starts_with("#")) {
    unsigned cp = 0;
    const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
    const char* first = name.data() + (hex ? 2 : 1);
    const char* last = name.data() + name.size();
    const auto [p, ec] = std::from_chars(first, last, cp, hex ? 16 : 10);
    if (ec != std::errc() || p != last || first == last) return "";
    if (cp == 0xA0) cp = ' ';
    return utf8(cp);
  }
  for (const auto& [entity, cp] : kEntities)
    if (entity == name) return utf8(cp);
  return "";
}

std::string html_to_text(std::string_view html) {
  Writer w;
  std::string hidden;  // the element whose content is being skipped
  struct Link {
    std::string href;
    std::string text;
  };
  std::vector<Link> links;
  std::string chunk;
  auto flush = [&] {
    if (chunk.empty()) return;
    if (hidden.empty()) {
      w.text(chunk);
      if (!links.empty()) links.back().text += chunk;
    }
    chunk.clear();
  };
  size_t i = 0;
  while (i < html.size()) {
    const char c = html[i];
    if (c == '&') {
      const size_t end = html.find_first_of(";&< \t\r\n", i + 1);
      if (end != std::string_view::npos && html[end] == ';' && end - i <= 12) {
        const std::string decoded = decode_html_entity(html.substr(i + 1, end - i - 1));
        if (!decoded.empty()) {
          chunk += decoded;
          i = end + 1;
          continue;
        }
      }
      chunk += c;
      ++i;
      continue;
    }
    if (c != '<') {
      chunk += c;
      ++i;
      continue;
    }
    // Comments (including Outlook's conditional ones) and declarations.
    if (html.substr(i, 4) == "<!--") {
      flush();
      const size_t end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    if (i + 1 < html.size() && (html[i + 1] == '!' || html[i + 1] == '?')) {
      flush();
      const size_t end = html.find('>', i);
      i = end == std::string_view::npos ? html.size() : end + 1;
      continue;
    }
    if (i + 1 >= html.size() ||
        !(std::isalpha(static_cast<unsigned char>(html[i + 1])) || html[i + 1] == '/')) {
      chunk += c;  // a lone '<' in text
      ++i;
      continue;
    }
    flush();
    ++i;
    const Tag tag = read_tag(html, i);
    if (!hidden.empty()) {
      if (tag.closing && tag.name == hidden) hidden.clear();
      continue;
    }
    if (is_hidden(tag.name)) {
      if (!tag.closing && !tag.self_closing) hidden = tag.name;
      continue;
    }
    if (tag.name == "br") {
      w.line_break();
    } else if (tag.name == "blockquote") {
      w.block(true);
      w.quote_level(tag.closing ? -1 : 1);
    } else if (tag.name == "pre") {
      w.block(true);
      w.pre(tag.closing ? -1 : 1);
    } else if (tag.name == "li" && !tag.closing) {
      w.block(false);
      w.text("- ");
    } else if (tag.name == "td" || tag.name == "th") {
      if (tag.closing) w.text(" ");
    } else if (is_paragraph_block(tag.name)) {
      w.block(true);
    } else if (is_line_block(tag.name)) {
      w.block(false);
    } else if (tag.name == "a") {
      if (!tag.closing && !tag.self_closing) {
        links.push_back({decode_entities(tag.href), ""});
      } else if (tag.closing && !links.empty()) {
        const Link link = std::move(links.back());
        links.pop_back();
        std::string shown = link.text;
        shown.erase(0, shown.find_first_not_of(" \t\r\n"));
        shown.erase(shown.find_last_not_of(" \t\r\n") + 1);
        std::string url = link.href;
        url.erase(0, url.find_first_not_of(" \t\r\n"));
        const std::string bare = ascii_lower(url).starts_with("mailto:") ? url.substr(7) : url;
        if (is_safe_url(url) && shown != url && shown != bare) w.text(" (" + bare + ")");
        if (!links.empty()) links.back().text += link.text;
      }
    }
  }
  flush();
  return w.finish();
}

}  // namespace guiche::mail
