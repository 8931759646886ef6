#pragma once
// Charts of the reports as server-side SVG: no script, nothing to download,
// the same in print and on any screen. Each is an image with a title and a
// description (role="img", aria-labelledby), every series drawn with a
// pattern as well as a colour (told apart in grey print and by people who do
// not tell the colours apart), and the page puts the same numbers in a table
// right below. The SVG scales to its container (viewBox), so it fits 360 px.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace guiche::web {

struct ChartSeries {
  std::string name;
  std::vector<double> values;  // one per category
};

struct ChartSpec {
  std::string id;  // unique on the page (the title's and description's ids derive from it)
  std::string title;
  std::string description;
  std::vector<std::string> categories;  // the x axis
  std::vector<ChartSeries> series;
  std::string unit;                 // after the axis' numbers ("%", "h") or ""
  std::optional<double> reference;  // a dashed line (a target), in the values' unit
  std::string reference_label;
};

// Bars side by side are not needed here: one series is a bar chart, several
// are stacked.
std::string bar_chart_svg(const ChartSpec& spec);
// One line per series, a point per category.
std::string line_chart_svg(const ChartSpec& spec);

}  // namespace guiche::web
