#include "store/rating_rollup_rows.hpp"

#include <map>
#include <tuple>

#include "domain/report_day.hpp"
#include "store/organization_rollups.hpp"

namespace guiche::store {
namespace {

// organization (0: the desk), day (or month), unit, service, severity, channel,
// category
using RatingRollupKey = std::tuple<std::int64_t, int, std::int64_t, std::int64_t, std::string,
                                   std::string, std::string>;

constexpr const char* kRatingCountColumns =
    "asked, stars_1, stars_2, stars_3, stars_4, stars_5, commented";

void add_rating_share(std::map<RatingRollupKey, RatingCounts>& figures, const TicketRatingShare& s,
                      std::int64_t sign) {
  for (std::int64_t org : rollup_organizations(s.organization_id)) {
    auto& n =
        figures[{org, s.resolved_day, s.unit_id, s.service_id, s.severity, s.channel, s.category}];
    n.asked += sign;
    if (s.rating && *s.rating >= 1 && *s.rating <= 5) {
      n.stars[static_cast<std::size_t>(*s.rating - 1)] += sign;
      if (s.commented) n.commented += sign;
    }
  }
}

// `table`: report_day_ratings (the key's second part a day) or
// report_month_ratings (a month).
void add_rating_counts(Connection& c, const std::string& table, const RatingRollupKey& k,
                       const RatingCounts& d) {
  const std::string period = table == "report_day_ratings" ? "day" : "month";
  std::vector<Value> params{std::get<0>(k), std::int64_t{std::get<1>(k)},
                            std::get<2>(k), std::get<3>(k),
                            std::get<4>(k), std::get<5>(k),
                            std::get<6>(k), d.asked};
  for (auto v : d.stars) params.emplace_back(v);
  params.emplace_back(d.commented);
  std::string update;
  for (const char* col :
       {"asked", "stars_1", "stars_2", "stars_3", "stars_4", "stars_5", "commented"}) {
    update += std::string(update.empty() ? "" : ", ") + col + " = " + table + "." + col +
              " + excluded." + col;
  }
  c.query("INSERT INTO " + table + " (organization_id, " + period +
              ", unit_id, service_id, severity, channel, category, " + kRatingCountColumns +
              ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (organization_id, " +
              period + ", unit_id, service_id, severity, channel, category) DO UPDATE SET " +
              update,
          params);
}

RatingCounts rating_counts_at(const Row& r, std::size_t i) {
  RatingCounts n;
  n.asked = r.integer(i);
  for (std::size_t s = 0; s < 5; ++s) n.stars[s] = r.integer(i + 1 + s);
  n.commented = r.integer(i + 6);
  return n;
}

}  // namespace

std::int64_t RatingCounts::rated() const {
  std::int64_t n = 0;
  for (auto v : stars) n += v;
  return n;
}

std::int64_t RatingCounts::star_sum() const {
  std::int64_t n = 0;
  for (std::size_t s = 0; s < stars.size(); ++s) n += stars[s] * static_cast<std::int64_t>(s + 1);
  return n;
}

RatingCounts& RatingCounts::operator+=(const RatingCounts& o) {
  asked += o.asked;
  for (std::size_t s = 0; s < stars.size(); ++s) stars[s] += o.stars[s];
  commented += o.commented;
  return *this;
}

std::optional<TicketRatingShare> load_ticket_rating_share(Connection& c, std::int64_t ticket_id) {
  auto r = c.query_one(
      "SELECT organization_id, unit_id, service_id, severity, channel, category, resolved_day, "
      "resolved_at, rating, commented FROM report_rating_shares WHERE ticket_id = ?",
      {ticket_id});
  if (!r) return std::nullopt;
  TicketRatingShare s;
  s.organization_id = r->integer(0);
  s.unit_id = r->integer(1);
  s.service_id = r->integer(2);
  s.severity = r->text(3);
  s.channel = r->text(4);
  s.category = r->text(5);
  s.resolved_day = static_cast<int>(r->integer(6));
  s.resolved_at = from_millis(r->integer(7));
  if (auto v = r->optional_integer(8)) s.rating = static_cast<int>(*v);
  s.commented = r->integer(9) != 0;
  return s;
}

void move_ticket_rating_share(Connection& c, std::int64_t ticket_id,
                              const std::optional<TicketRatingShare>& before,
                              const std::optional<TicketRatingShare>& after) {
  if (before == after) return;  // a reply, a note, a transfer before resolution: nothing moves
  std::map<RatingRollupKey, RatingCounts> figures;
  if (before) add_rating_share(figures, *before, -1);
  if (after) add_rating_share(figures, *after, 1);
  std::map<RatingRollupKey, RatingCounts> months;
  for (const auto& [key, delta] : figures) {
    if (delta == RatingCounts{}) continue;
    add_rating_counts(c, "report_day_ratings", key, delta);
    auto month = key;
    std::get<1>(month) /= 100;
    months[month] += delta;
  }
  for (const auto& [key, delta] : months) {
    if (!(delta == RatingCounts{})) add_rating_counts(c, "report_month_ratings", key, delta);
  }
  if (!after) {
    c.query("DELETE FROM report_rating_shares WHERE ticket_id = ?", {ticket_id});
    return;
  }
  const auto& s = *after;
  c.query(
      "INSERT INTO report_rating_shares (ticket_id, organization_id, unit_id, service_id, "
      "severity, channel, category, resolved_day, resolved_at, rating, commented) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (ticket_id) DO UPDATE SET organization_id = excluded.organization_id, "
      "unit_id = excluded.unit_id, service_id = excluded.service_id, "
      "severity = excluded.severity, channel = excluded.channel, category = excluded.category, "
      "resolved_day = excluded.resolved_day, resolved_at = excluded.resolved_at, "
      "rating = excluded.rating, commented = excluded.commented",
      {ticket_id, s.organization_id, s.unit_id, s.service_id, s.severity, s.channel, s.category,
       std::int64_t{s.resolved_day}, to_millis(s.resolved_at),
       s.rating ? Value{std::int64_t{*s.rating}} : Value{}, std::int64_t{s.commented}});
}

void clear_rating_rollups(Connection& c) {
  c.execute_script(
      "DELETE FROM report_rating_shares; DELETE FROM report_day_ratings; "
      "DELETE FROM report_month_ratings;");
}

std::string backfill_rating_rollups_sql() {
  // The rating share of every resolved ticket from its report share (its
  // dimensions and resolution day, store/report_rollup_rows.hpp) and its row
  // (the organization, the instant, the stars, the comment); then the sums
  // per day and month, the desk's (organization 0) and each organization's.
  std::string stars;
  for (int s = 1; s <= 5; ++s) {
    stars += ", sum(CASE WHEN rating = " + std::to_string(s) + " THEN 1 ELSE 0 END)";
  }
  auto rollup = [&](const std::string& table, const std::string& period, const std::string& expr,
                    bool by_organization) {
    const std::string dims = expr + ", unit_id, service_id, severity, channel, category";
    return "INSERT INTO " + table + " (organization_id, " + period +
           ", unit_id, service_id, severity, channel, category, " + kRatingCountColumns +
           ") SELECT " + (by_organization ? "organization_id" : "0") + ", " + dims + ", count(*)" +
           stars +
           ", sum(CASE WHEN rating IS NOT NULL THEN commented ELSE 0 END) "
           "FROM report_rating_shares" +
           (by_organization ? " WHERE organization_id <> 0 GROUP BY organization_id, "
                            : " GROUP BY ") +
           dims + ";\n";
  };
  return "DELETE FROM report_rating_shares;\nDELETE FROM report_day_ratings;\n"
         "DELETE FROM report_month_ratings;\n"
         "INSERT INTO report_rating_shares (ticket_id, organization_id, unit_id, service_id, "
         "severity, channel, category, resolved_day, resolved_at, rating, commented) "
         "SELECT s.ticket_id, COALESCE(t.organization_id, 0), s.unit_id, s.service_id, "
         "s.severity, s.channel, s.category, s.ended_day, t.resolved_at, t.rating, "
         "CASE WHEN t.rating IS NOT NULL AND t.rating_comment <> '' THEN 1 ELSE 0 END "
         "FROM report_ticket_shares s JOIN tickets t ON t.id = s.ticket_id "
         "WHERE s.resolved = 1 AND s.ended_day IS NOT NULL AND t.resolved_at IS NOT NULL;\n" +
         rollup("report_day_ratings", "day", "resolved_day", false) +
         rollup("report_day_ratings", "day", "resolved_day", true) +
         rollup("report_month_ratings", "month", "resolved_day / 100", false) +
         rollup("report_month_ratings", "month", "resolved_day / 100", true);
}

std::string rating_figures_sql(const ReportRowFilter& f, const std::string& table) {
  const std::string period = table == "report_day_ratings" ? "day" : "month";
  return "SELECT unit_id, service_id, severity, channel, category, sum(asked), sum(stars_1), "
         "sum(stars_2), sum(stars_3), sum(stars_4), sum(stars_5), sum(commented) FROM " +
         table + " WHERE organization_id = ? AND " + period + " >= ? AND " + period + " <= ?" +
         organization_rollup_conditions(f) +
         " GROUP BY unit_id, service_id, severity, channel, category";
}

std::vector<RatingDimensionCounts> sum_rating_figures_by_dimensions(Connection& c,
                                                                    const ReportRowFilter& f) {
  using DimKey = std::tuple<std::int64_t, std::int64_t, std::string, std::string, std::string>;
  std::map<DimKey, RatingCounts> sums;
  read_organization_rollup(
      f, "report_day_ratings", "report_month_ratings",
      [&](const std::string& table, const std::vector<Value>& params) {
        for (const auto& r : c.query(rating_figures_sql(f, table), params)) {
          sums[{r.integer(0), r.integer(1), r.text(2), r.text(3), r.text(4)}] +=
              rating_counts_at(r, 5);
        }
      });
  std::vector<RatingDimensionCounts> out;
  for (const auto& [k, n] : sums) {
    if (n == RatingCounts{}) continue;
    out.push_back(
        {std::get<0>(k), std::get<1>(k), std::get<2>(k), std::get<3>(k), std::get<4>(k), n});
  }
  return out;
}

std::string rating_comments_sql(const ReportRowFilter& f, bool with_cursor) {
  return "SELECT s.ticket_id, t.protocol, s.service_id, s.unit_id, s.rating, t.rating_comment, "
         "s.resolved_at, t.requester_id FROM report_rating_shares s JOIN tickets t "
         "ON t.id = s.ticket_id "
         "WHERE s.commented = 1 AND s.resolved_at >= ? AND s.resolved_at < ?" +
         std::string(with_cursor
                         ? " AND (s.resolved_at < ? OR (s.resolved_at = ? AND s.ticket_id < ?))"
                         : "") +
         report_filter_conditions(f, "s.") +
         " ORDER BY s.resolved_at DESC, s.ticket_id DESC LIMIT ?";
}

std::vector<RatingCommentRow> rating_comments(Connection& c, const ReportRowFilter& f,
                                              const std::optional<RatingCursor>& after, int limit) {
  std::vector<Value> params{to_millis(report_day_start(f.first_day)),
                            to_millis(report_day_start(report_day_add(f.last_day, 1)))};
  if (after) {
    params.emplace_back(to_millis(after->resolved_at));
    params.emplace_back(to_millis(after->resolved_at));
    params.emplace_back(after->ticket_id);
  }
  add_report_filter_params(f, params);
  params.emplace_back(std::int64_t{limit});
  std::vector<RatingCommentRow> out;
  for (const auto& r : c.query(rating_comments_sql(f, after.has_value()), params)) {
    RatingCommentRow row;
    row.ticket_id = r.integer(0);
    row.protocol = r.text(1);
    row.service_id = r.integer(2);
    row.unit_id = r.integer(3);
    row.rating = static_cast<int>(r.integer(4));
    row.comment = r.text(5);
    row.resolved_at = from_millis(r.integer(6));
    row.requester_id = r.integer(7);
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace guiche::store
