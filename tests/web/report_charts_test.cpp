// The reports' SVG charts (web/reports/report_charts.hpp) are the one markup a
// template places unescaped ({{{grafico}}} in relatorio.mustache): every text
// in them comes from the charts' own escaping, tested here with names a
// service or a unit could carry.
#include "web/reports/report_charts.hpp"

#include <gmock/gmock.h>

namespace guiche::web {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

ChartSpec hostile_chart() {
  ChartSpec spec;
  spec.id = "grafico-teste";
  spec.title = "Título <script>alert(1)</script>";
  spec.description = "Descrição \"com aspas\" & 'apóstrofos'";
  spec.categories = {"<img src=x onerror=alert(2)>", "{{segredo}}"};
  spec.series = {{"Série <b>1</b>", {1, 2}}, {"Série \"2\"", {3, 4}}};
  spec.unit = "<u>";
  spec.reference = 2;
  spec.reference_label = "Meta <i>90 %</i>";
  return spec;
}

void expect_escaped(const std::string& svg) {
  EXPECT_THAT(svg, Not(HasSubstr("<script")));
  EXPECT_THAT(svg, Not(HasSubstr("<img")));
  EXPECT_THAT(svg, Not(HasSubstr("<b>")));
  EXPECT_THAT(svg, Not(HasSubstr("<i>")));
  EXPECT_THAT(svg, Not(HasSubstr("<u>")));
  EXPECT_THAT(svg, HasSubstr("&lt;script&gt;"));
  EXPECT_THAT(svg, HasSubstr("&quot;com aspas&quot; &amp;"));
}

TEST(ReportChartsTest, EveryTextOfABarChartIsEscaped) {
  expect_escaped(bar_chart_svg(hostile_chart()));
}

TEST(ReportChartsTest, EveryTextOfALineChartIsEscaped) {
  expect_escaped(line_chart_svg(hostile_chart()));
}

// A long name is cut before "…" between characters, never inside the bytes
// of one ("Soluções" cut inside its "õ" drew a broken glyph in the
// satisfaction report's chart of units): below the bars (18 bytes, the cut
// falls in "ê") and beside them (34 bytes, in "õ").
TEST(ReportChartsTest, ALongLabelIsCutBetweenCharacters) {
  ChartSpec spec;
  spec.id = "grafico-rotulo";
  spec.title = "Rótulos";
  spec.description = "Rótulos longos.";
  spec.categories = {"SGSWB — Subgerência de Soluções Web"};
  spec.series = {{"Chamados", {3}}};
  EXPECT_THAT(bar_chart_svg(spec), HasSubstr(">SGSWB — Subger…<"));
  spec.categories = {"SGSWB — Subgerência de Soluções Web", "SGDBA — Banco de Dados",
                     "SGSIS — Sistemas"};
  spec.series = {{"Chamados", {3, 2, 1}}};
  EXPECT_THAT(bar_chart_svg(spec), HasSubstr(">SGSWB — Subgerência de Soluç…<"));
}

}  // namespace
}  // namespace guiche::web
