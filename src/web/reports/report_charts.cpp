#include "web/reports/report_charts.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

#include "support/markup_escape.hpp"
#include "web/decimal_comma.hpp"

namespace guiche::web {
namespace {

// The gov.br design system's blues and a warm contrast, each with a pattern.
struct Look {
  const char* colour;
  const char* pattern;  // the <pattern> drawn over it
};
constexpr Look kLooks[] = {
    {"#1351b4", "none"},  {"#e52207", "stripes"}, {"#ffcd07", "dots"},
    {"#168821", "cross"}, {"#7d2a9c", "waves"},   {"#636363", "vertical"},
};

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// "1.234" or "12,5": pt-BR digits for the axis and the labels.
std::string axis_number(double v) {
  return decimal_comma(v, std::fabs(v - std::round(v)) < 1e-9 ? 0 : 1);
}

// The axis' top: four steps of a round size (1, 2, 2.5 or 5 × 10^k; whole
// numbers when the values are counts).
double nice_top(double max, bool counts) {
  if (max <= 0) return counts ? 4 : 1;
  const double raw = max / 4;
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  double step = 10 * mag;
  for (double f : {1.0, 2.0, 2.5, 5.0}) {
    if (f * mag >= raw) {
      step = f * mag;
      break;
    }
  }
  if (counts) step = std::max(1.0, std::ceil(step));
  return step * 4;
}

std::string defs(const std::string& id, std::size_t n) {
  std::string s = "<defs>";
  for (std::size_t i = 0; i < n && i < std::size(kLooks); ++i) {
    const std::string p = kLooks[i].pattern;
    if (p == "none") continue;
    s += "<pattern id=\"" + id + "-p" + std::to_string(i) +
         "\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\">";
    s += "<rect width=\"8\" height=\"8\" fill=\"" + std::string(kLooks[i].colour) + "\"/>";
    if (p == "stripes") {
      s += "<path d=\"M0,8 L8,0 M-2,2 L2,-2 M6,10 L10,6\" stroke=\"#fff\" stroke-width=\"2\"/>";
    } else if (p == "dots") {
      s += "<circle cx=\"4\" cy=\"4\" r=\"1.8\" fill=\"#333\"/>";
    } else if (p == "cross") {
      s += "<path d=\"M0,4 H8 M4,0 V8\" stroke=\"#fff\" stroke-width=\"1.5\"/>";
    } else if (p == "waves") {
      s += "<path d=\"M0,6 Q2,2 4,6 T8,6\" stroke=\"#fff\" stroke-width=\"1.5\" fill=\"none\"/>";
    } else if (p == "vertical") {
      s += "<path d=\"M2,0 V8 M6,0 V8\" stroke=\"#fff\" stroke-width=\"1.5\"/>";
    }
    s += "</pattern>";
  }
  return s + "</defs>";
}

// A label cut to at most `max` bytes before "…", never inside the bytes of a
// character ("Soluções" cut in its "õ" was a broken glyph).
std::string shortened(const std::string& label, std::size_t max) {
  if (label.size() <= max) return label;
  std::size_t cut = max - 1;
  while (cut > 0 && (static_cast<unsigned char>(label[cut]) & 0xC0) == 0x80) --cut;
  return label.substr(0, cut) + "…";
}

std::string fill_of(const std::string& id, std::size_t i) {
  const auto& look = kLooks[i % std::size(kLooks)];
  if (std::string(look.pattern) == "none") return look.colour;
  return "url(#" + id + "-p" + std::to_string(i % std::size(kLooks)) + ")";
}

constexpr double kWidth = 640;
constexpr double kPlotTop = 16;
constexpr double kPlotHeight = 200;
constexpr double kLeft = 52;
constexpr double kRight = 12;

std::string open_svg(const ChartSpec& spec, double height) {
  const std::string t = spec.id + "-titulo";
  const std::string d = spec.id + "-descricao";
  return "<svg class=\"grafico\" id=\"" + spec.id + "\" role=\"img\" aria-labelledby=\"" + t + " " +
         d + "\" viewBox=\"0 0 " + number(kWidth) + " " + number(height) +
         "\" preserveAspectRatio=\"xMinYMin meet\" xmlns=\"http://www.w3.org/2000/svg\">"
         "<title id=\"" +
         t + "\">" + escape_markup(spec.title) + "</title><desc id=\"" + d + "\">" +
         escape_markup(spec.description) + "</desc>";
}

// The axis, its lines and the legend under the plot; returns the SVG and
// sets `legend_bottom`.
std::string frame(const ChartSpec& spec, double top, double& legend_bottom) {
  std::string s;
  for (int i = 0; i <= 4; ++i) {
    const double v = top * i / 4;
    const double y = kPlotTop + kPlotHeight - kPlotHeight * i / 4;
    s += "<line x1=\"" + number(kLeft) + "\" x2=\"" + number(kWidth - kRight) + "\" y1=\"" +
         number(y) + "\" y2=\"" + number(y) + "\" stroke=\"#ccc\" stroke-width=\"1\"/>";
    s += "<text x=\"" + number(kLeft - 6) + "\" y=\"" + number(y + 4) +
         "\" text-anchor=\"end\" font-size=\"12\" fill=\"#333\">" + axis_number(v) +
         escape_markup(spec.unit) + "</text>";
  }
  if (spec.reference && *spec.reference <= top) {
    const double y = kPlotTop + kPlotHeight - kPlotHeight * *spec.reference / top;
    s += "<line x1=\"" + number(kLeft) + "\" x2=\"" + number(kWidth - kRight) + "\" y1=\"" +
         number(y) + "\" y2=\"" + number(y) +
         "\" stroke=\"#000\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>";
    s += "<text x=\"" + number(kWidth - kRight) + "\" y=\"" + number(y - 4) +
         "\" text-anchor=\"end\" font-size=\"12\" fill=\"#000\">" +
         escape_markup(spec.reference_label) + "</text>";
  }
  // The legend: a swatch and a name per series, wrapping.
  double x = kLeft;
  double y = kPlotTop + kPlotHeight + 40;
  if (spec.series.size() > 1) {
    for (std::size_t i = 0; i < spec.series.size(); ++i) {
      const double w = 26 + 7.5 * static_cast<double>(spec.series[i].name.size());
      if (x + w > kWidth - kRight) {
        x = kLeft;
        y += 20;
      }
      s += "<rect x=\"" + number(x) + "\" y=\"" + number(y - 11) +
           "\" width=\"14\" height=\"14\" stroke=\"#333\" fill=\"" + fill_of(spec.id, i) + "\"/>";
      s += "<text x=\"" + number(x + 19) + "\" y=\"" + number(y) +
           "\" font-size=\"13\" fill=\"#333\">" + escape_markup(spec.series[i].name) + "</text>";
      x += w;
    }
    legend_bottom = y + 10;
  } else {
    legend_bottom = kPlotTop + kPlotHeight + 30;
  }
  return s;
}

// Category labels: every one when few, otherwise about twelve.
std::string x_labels(const ChartSpec& spec, const std::vector<double>& centres) {
  std::string s;
  const std::size_t n = spec.categories.size();
  const std::size_t every = n <= 12 ? 1 : (n + 11) / 12;
  for (std::size_t i = 0; i < n; i += every) {
    std::string label = spec.categories[i];
    label = shortened(label, 18);
    s += "<text x=\"" + number(centres[i]) + "\" y=\"" + number(kPlotTop + kPlotHeight + 16) +
         "\" text-anchor=\"middle\" font-size=\"12\" fill=\"#333\">" + escape_markup(label) +
         "</text>";
  }
  return s;
}

}  // namespace

namespace {

// Long names (services, units) do not fit under the bars: one bar per row,
// its name on the left, the value at its end.
std::string horizontal_bar_chart_svg(const ChartSpec& spec) {
  const std::size_t n = spec.categories.size();
  constexpr double kRow = 26;
  constexpr double kLabel = 250;
  double max = 0;
  for (std::size_t i = 0; i < n; ++i) {
    double stack = 0;
    for (const auto& series : spec.series) stack += i < series.values.size() ? series.values[i] : 0;
    max = std::max(max, stack);
  }
  const double top = nice_top(max, spec.unit.empty());
  const double plot = kWidth - kLabel - 50;
  double legend_y = 8 + kRow * static_cast<double>(n) + 24;
  std::string legend;
  if (spec.series.size() > 1) {
    double x = 8;
    for (std::size_t k = 0; k < spec.series.size(); ++k) {
      legend += "<rect x=\"" + number(x) + "\" y=\"" + number(legend_y - 11) +
                "\" width=\"14\" height=\"14\" stroke=\"#333\" fill=\"" + fill_of(spec.id, k) +
                "\"/><text x=\"" + number(x + 19) + "\" y=\"" + number(legend_y) +
                "\" font-size=\"13\" fill=\"#333\">" + escape_markup(spec.series[k].name) +
                "</text>";
      x += 26 + 7.5 * static_cast<double>(spec.series[k].name.size());
    }
    legend_y += 12;
  }
  std::string s = open_svg(spec, legend_y) + defs(spec.id, spec.series.size()) + legend;
  for (std::size_t i = 0; i < n; ++i) {
    const double y = 8 + kRow * static_cast<double>(i);
    std::string label = spec.categories[i];
    label = shortened(label, 34);
    s += "<text x=\"" + number(kLabel - 8) + "\" y=\"" + number(y + 15) +
         "\" text-anchor=\"end\" font-size=\"12\" fill=\"#333\">" + escape_markup(label) +
         "</text>";
    double x = kLabel;
    double total = 0;
    for (std::size_t k = 0; k < spec.series.size(); ++k) {
      const double v = i < spec.series[k].values.size() ? spec.series[k].values[i] : 0;
      total += v;
      if (v <= 0) continue;
      const double w = plot * v / top;
      s += "<rect x=\"" + number(x) + "\" y=\"" + number(y + 3) + "\" width=\"" + number(w) +
           "\" height=\"" + number(kRow - 8) + "\" fill=\"" + fill_of(spec.id, k) +
           "\" stroke=\"#333\" stroke-width=\"0.5\"><title>" +
           escape_markup(spec.categories[i] +
                         (spec.series.size() > 1 ? " — " + spec.series[k].name : "") + ": " +
                         axis_number(v) + spec.unit) +
           "</title></rect>";
      x += w;
    }
    s += "<text x=\"" + number(x + 4) + "\" y=\"" + number(y + 15) +
         "\" font-size=\"12\" fill=\"#333\">" + axis_number(total) + escape_markup(spec.unit) +
         "</text>";
  }
  return s + "</svg>";
}

}  // namespace

std::string bar_chart_svg(const ChartSpec& spec) {
  const std::size_t n = spec.categories.size();
  std::size_t longest = 0;
  for (const auto& c : spec.categories) longest = std::max(longest, c.size());
  if (n > 0 &&
      static_cast<double>(longest) * 6.5 > (kWidth - kLeft - kRight) / static_cast<double>(n)) {
    return horizontal_bar_chart_svg(spec);
  }
  double max = spec.reference.value_or(0);
  for (std::size_t i = 0; i < n; ++i) {
    double stack = 0;
    for (const auto& series : spec.series) stack += i < series.values.size() ? series.values[i] : 0;
    max = std::max(max, stack);
  }
  const double top = nice_top(max, spec.unit.empty());
  double legend_bottom = 0;
  const std::string body = frame(spec, top, legend_bottom);
  std::string s = open_svg(spec, legend_bottom) + defs(spec.id, spec.series.size()) + body;
  const double slot = (kWidth - kLeft - kRight) / static_cast<double>(std::max<std::size_t>(1, n));
  const double bar = std::max(2.0, slot * 0.7);
  std::vector<double> centres;
  for (std::size_t i = 0; i < n; ++i) {
    const double cx = kLeft + slot * (static_cast<double>(i) + 0.5);
    centres.push_back(cx);
    double base = kPlotTop + kPlotHeight;
    for (std::size_t k = 0; k < spec.series.size(); ++k) {
      const double v = i < spec.series[k].values.size() ? spec.series[k].values[i] : 0;
      if (v <= 0) continue;
      const double h = kPlotHeight * v / top;
      base -= h;
      s += "<rect x=\"" + number(cx - bar / 2) + "\" y=\"" + number(base) + "\" width=\"" +
           number(bar) + "\" height=\"" + number(h) + "\" fill=\"" + fill_of(spec.id, k) +
           "\" stroke=\"#333\" stroke-width=\"0.5\"><title>" +
           escape_markup(spec.categories[i] +
                         (spec.series.size() > 1 ? " — " + spec.series[k].name : "") + ": " +
                         axis_number(v) + spec.unit) +
           "</title></rect>";
    }
  }
  return s + x_labels(spec, centres) + "</svg>";
}

std::string line_chart_svg(const ChartSpec& spec) {
  const std::size_t n = spec.categories.size();
  double max = spec.reference.value_or(0);
  for (const auto& series : spec.series) {
    for (double v : series.values) max = std::max(max, v);
  }
  const double top = nice_top(max, spec.unit.empty());
  double legend_bottom = 0;
  const std::string body = frame(spec, top, legend_bottom);
  std::string s = open_svg(spec, legend_bottom) + body;
  const double step = n > 1 ? (kWidth - kLeft - kRight - 20) / static_cast<double>(n - 1) : 0;
  std::vector<double> centres;
  for (std::size_t i = 0; i < n; ++i) centres.push_back(kLeft + 10 + step * static_cast<double>(i));
  const char* dashes[] = {"", "8 4", "2 3", "12 4 2 4"};
  const char* marks[] = {"circle", "square", "triangle", "diamond"};
  for (std::size_t k = 0; k < spec.series.size(); ++k) {
    const auto& look = kLooks[k % std::size(kLooks)];
    std::string points;
    for (std::size_t i = 0; i < n && i < spec.series[k].values.size(); ++i) {
      const double y = kPlotTop + kPlotHeight - kPlotHeight * spec.series[k].values[i] / top;
      points += number(centres[i]) + "," + number(y) + " ";
    }
    s += "<polyline fill=\"none\" stroke=\"" + std::string(look.colour) +
         "\" stroke-width=\"2.5\" stroke-dasharray=\"" + dashes[k % 4] + "\" points=\"" + points +
         "\"/>";
    // Marks (a shape per series) only when the points are far enough apart.
    if (n <= 40) {
      for (std::size_t i = 0; i < n && i < spec.series[k].values.size(); ++i) {
        const double y = kPlotTop + kPlotHeight - kPlotHeight * spec.series[k].values[i] / top;
        const std::string mark = marks[k % 4];
        std::string tip = "<title>" +
                          escape_markup(spec.categories[i] + ": " +
                                        axis_number(spec.series[k].values[i]) + spec.unit) +
                          "</title>";
        if (mark == "square") {
          s += "<rect x=\"" + number(centres[i] - 3.5) + "\" y=\"" + number(y - 3.5) +
               "\" width=\"7\" height=\"7\" fill=\"" + look.colour + "\">" + tip + "</rect>";
        } else {
          s += "<circle cx=\"" + number(centres[i]) + "\" cy=\"" + number(y) +
               "\" r=\"3.5\" fill=\"" + look.colour + "\">" + tip + "</circle>";
        }
      }
    }
  }
  return s + x_labels(spec, centres) + "</svg>";
}

}  // namespace guiche::web
