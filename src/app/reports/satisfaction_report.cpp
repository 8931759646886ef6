#include "app/reports/satisfaction_report.hpp"

#include <algorithm>
#include <map>

#include "app/reports/report_query.hpp"
#include "store/report_recount_rows.hpp"
#include "store/service_rows.hpp"
#include "store/unit_rows.hpp"

namespace guiche::app {
namespace {

RatingLine rating_line(const std::string& key, const std::string& label,
                       const store::RatingCounts& n) {
  RatingLine l;
  l.key = key;
  l.label = label;
  l.counts = n;
  const auto rated = n.rated();
  if (n.asked > 0) {
    l.response_percent = 100.0 * static_cast<double>(rated) / static_cast<double>(n.asked);
  }
  if (rated > 0) l.average = static_cast<double>(n.star_sum()) / static_cast<double>(rated);
  return l;
}

std::string rating_unit_name(const std::vector<Unit>& units, std::int64_t id) {
  if (id == 0) return "Sem unidade";
  for (const auto& u : units) {
    if (u.id == id) return u.code + " — " + u.name;
  }
  return "Unidade " + std::to_string(id);
}

std::string rating_service_name(const std::vector<Service>& services, std::int64_t id) {
  for (const auto& s : services) {
    if (s.id == id) return s.name;
  }
  return "Serviço " + std::to_string(id);
}

// The lines with something asked, most asked first.
std::vector<RatingLine> rating_lines_of(const std::map<std::int64_t, store::RatingCounts>& groups,
                                        const std::function<std::string(std::int64_t)>& label) {
  std::vector<RatingLine> out;
  for (const auto& [id, n] : groups) {
    if (n.asked != 0 || n.rated() != 0)
      out.push_back(rating_line(std::to_string(id), label(id), n));
  }
  std::stable_sort(out.begin(), out.end(), [](const RatingLine& x, const RatingLine& y) {
    return x.counts.asked > y.counts.asked;
  });
  return out;
}

}  // namespace

SatisfactionReport SatisfactionReports::satisfaction(
    const Actor& a, const ReportQuery& q, const std::optional<store::RatingCursor>& after,
    int page_size) {
  SatisfactionReport r;
  r.query = q;
  ctx_.db.read([&](store::Connection& c) {
    const auto units = store::load_units(c);
    const auto f = reports_.filter_for(a, q, units);
    r.query.organization_id = f.organization_id;
    r.counting_percent = store::report_recount_percent(c);
    const auto services = store::load_services(c);
    store::RatingCounts total;
    std::map<std::int64_t, store::RatingCounts> by_service;
    std::map<std::int64_t, store::RatingCounts> by_unit;
    for (const auto& d : store::sum_rating_figures_by_dimensions(c, f)) {
      total += d.counts;
      by_service[d.service_id] += d.counts;
      by_unit[d.unit_id] += d.counts;
    }
    r.total = rating_line("", "Total", total);
    r.by_service = rating_lines_of(
        by_service, [&](std::int64_t id) { return rating_service_name(services, id); });
    r.by_unit =
        rating_lines_of(by_unit, [&](std::int64_t id) { return rating_unit_name(units, id); });

    const int size = std::clamp(page_size, 1, 500);
    auto rows = store::rating_comments(c, f, after, size + 1);
    if (static_cast<int>(rows.size()) > size) {
      rows.resize(static_cast<std::size_t>(size));
      r.next = store::RatingCursor{rows.back().resolved_at, rows.back().ticket_id};
    }
    for (auto& row : rows) {
      RatingComment comment;
      comment.service = rating_service_name(services, row.service_id);
      comment.unit = rating_unit_name(units, row.unit_id);
      comment.row = std::move(row);
      r.comments.push_back(std::move(comment));
    }
  });
  return r;
}

// The same text as the breached tickets' cursor (app/reports/report_query.hpp).
std::string rating_cursor_text(const store::RatingCursor& c) {
  return report_cursor_text(store::BreachCursor{c.resolved_at, c.ticket_id});
}

std::optional<store::RatingCursor> parse_rating_cursor(const std::string& text) {
  auto c = parse_report_cursor(text);
  if (!c) return std::nullopt;
  return store::RatingCursor{c->deadline, c->ticket_id};
}

}  // namespace guiche::app
