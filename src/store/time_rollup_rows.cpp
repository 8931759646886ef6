#include "store/time_rollup_rows.hpp"

#include <tuple>

#include "store/organization_rollups.hpp"

namespace guiche::store {
namespace {

// organization (0: the desk), day (or month), unit, service, severity, channel,
// category
using TimeRollupKey = std::tuple<std::int64_t, int, std::int64_t, std::int64_t, std::string,
                                 std::string, std::string>;

void add_time_share(std::map<TimeRollupKey, LoggedDay>& figures, const TicketTimeShare& s,
                    std::int64_t sign) {
  for (const auto& [day, logged] : s.days) {
    for (std::int64_t org : rollup_organizations(s.organization_id)) {
      auto& n = figures[{org, day, s.unit_id, s.service_id, s.severity, s.channel, s.category}];
      n += LoggedDay{sign * logged.minutes, sign * logged.entries};
    }
  }
}

// `table`: report_day_time (the key's second part a day) or report_month_time
// (a month).
void add_time(Connection& c, const std::string& table, const TimeRollupKey& k, const LoggedDay& d) {
  const std::string period = table == "report_day_time" ? "day" : "month";
  c.query("INSERT INTO " + table + " (organization_id, " + period +
              ", unit_id, service_id, severity, channel, category, minutes, entries) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (organization_id, " +
              period +
              ", unit_id, service_id, severity, channel, category) DO UPDATE SET "
              "minutes = " +
              table + ".minutes + excluded.minutes, entries = " + table +
              ".entries + excluded.entries",
          {std::get<0>(k), std::int64_t{std::get<1>(k)}, std::get<2>(k), std::get<3>(k),
           std::get<4>(k), std::get<5>(k), std::get<6>(k), d.minutes, d.entries});
}

}  // namespace

std::optional<TicketTimeShare> load_ticket_time_share(Connection& c, std::int64_t ticket_id) {
  std::optional<TicketTimeShare> share;
  for (const auto& r :
       c.query("SELECT organization_id, unit_id, service_id, severity, channel, category, day, "
               "minutes, entries FROM report_time_shares WHERE ticket_id = ? ORDER BY day",
               {ticket_id})) {
    if (!share) {
      share.emplace();
      share->organization_id = r.integer(0);
      share->unit_id = r.integer(1);
      share->service_id = r.integer(2);
      share->severity = r.text(3);
      share->channel = r.text(4);
      share->category = r.text(5);
    }
    share->days[static_cast<int>(r.integer(6))] = {r.integer(7), r.integer(8)};
  }
  return share;
}

void move_ticket_time_share(Connection& c, std::int64_t ticket_id,
                            const std::optional<TicketTimeShare>& before,
                            const std::optional<TicketTimeShare>& after) {
  const bool had = before && !before->days.empty();
  const bool has = after && !after->days.empty();
  if (!had && !has) return;
  if (had && has && *before == *after) return;  // a reply, a note: nothing moves
  std::map<TimeRollupKey, LoggedDay> figures;
  if (had) add_time_share(figures, *before, -1);
  if (has) add_time_share(figures, *after, 1);
  std::map<TimeRollupKey, LoggedDay> months;
  for (const auto& [key, delta] : figures) {
    if (delta == LoggedDay{}) continue;
    add_time(c, "report_day_time", key, delta);
    auto month = key;
    std::get<1>(month) /= 100;
    months[month] += delta;
  }
  for (const auto& [key, delta] : months) {
    if (!(delta == LoggedDay{})) add_time(c, "report_month_time", key, delta);
  }
  if (had) c.query("DELETE FROM report_time_shares WHERE ticket_id = ?", {ticket_id});
  if (!has) return;
  const auto& s = *after;
  for (const auto& [day, logged] : s.days) {
    c.query(
        "INSERT INTO report_time_shares (ticket_id, day, organization_id, unit_id, service_id, "
        "severity, channel, category, minutes, entries) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {ticket_id, std::int64_t{day}, s.organization_id, s.unit_id, s.service_id, s.severity,
         s.channel, s.category, logged.minutes, logged.entries});
  }
}

void clear_time_rollups(Connection& c) {
  c.execute_script(
      "DELETE FROM report_time_shares; DELETE FROM report_day_time; "
      "DELETE FROM report_month_time;");
}

std::string logged_time_sql(const ReportRowFilter& f, const std::string& table) {
  const std::string period = table == "report_day_time" ? "day" : "month";
  return "SELECT unit_id, service_id, sum(minutes), sum(entries) FROM " + table +
         " WHERE organization_id = ? AND " + period + " >= ? AND " + period + " <= ?" +
         organization_rollup_conditions(f) + " GROUP BY unit_id, service_id";
}

std::vector<LoggedTimeLine> sum_logged_time(Connection& c, const ReportRowFilter& f) {
  std::map<std::pair<std::int64_t, std::int64_t>, LoggedDay> sums;
  read_organization_rollup(
      f, "report_day_time", "report_month_time",
      [&](const std::string& table, const std::vector<Value>& params) {
        for (const auto& r : c.query(logged_time_sql(f, table), params)) {
          sums[{r.integer(0), r.integer(1)}] += LoggedDay{r.integer(2), r.integer(3)};
        }
      });
  std::vector<LoggedTimeLine> out;
  for (const auto& [k, n] : sums) {
    if (n == LoggedDay{}) continue;
    out.push_back({k.first, k.second, n});
  }
  return out;
}

}  // namespace guiche::store
