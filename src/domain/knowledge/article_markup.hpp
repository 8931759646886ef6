#pragma once
// The markup knowledge articles are written in, a small Markdown: what it
// keeps and the HTML it becomes are specified by
// tests/domain/data/article_markup.cases.
//
//   # Título / ## / ###     headings (h2, h3, h4: the page's h1 is the title)
//   - item / * item         a list; "1. item" a numbered one
//   ```                     a block of code, up to the next ```
//   **negrito** *itálico* _itálico_ `código`
//   [texto](https://...)    a link, only to http:// or https://; any other
//                           address keeps the text and drops the link
//   a blank line            ends a paragraph
//
// Everything else is text: every <, >, &, " and ' is escaped, so no tag,
// attribute or script a writer types reaches the page.
#include <string>
#include <string_view>

namespace guiche {

std::string render_article_markup(std::string_view text);

// The article's first paragraph as plain text (without markup or link
// addresses), at most `limit` bytes (cut at a character boundary, with
// "…"): its summary in lists. Plain text: the page escapes it.
std::string article_excerpt(std::string_view text, std::size_t limit);

}  // namespace guiche
