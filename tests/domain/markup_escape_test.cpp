// Text placed in HTML (e-mail bodies) and XML (the Atom feed) is escaped.
#include "support/markup_escape.hpp"

#include <gtest/gtest.h>

namespace guiche {
namespace {

TEST(MarkupEscape, EscapesTheFiveCharactersAndKeepsTheRest) {
  EXPECT_EQ(escape_markup(R"(<b>"SA" & 'SEGER'</b> — ção)"),
            "&lt;b&gt;&quot;SA&quot; &amp; &apos;SEGER&apos;&lt;/b&gt; — ção");
  EXPECT_EQ(escape_markup(""), "");
}

}  // namespace
}  // namespace guiche
