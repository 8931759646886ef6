#include "store/report_rollup_rows.hpp"

#include <tuple>
#include <type_traits>

#include "domain/charter_month.hpp"
#include "domain/duration_histogram.hpp"
#include "domain/report_day.hpp"

namespace guiche::store {
namespace {

// A roll-up row's key (the duration rows add the target and the bucket).
using RollupKey =
    std::tuple<int, std::int64_t, std::int64_t, std::string, std::string, std::string>;
// month, target, unit, service, severity, bucket
using DurationKey = std::tuple<int, int, std::int64_t, std::int64_t, std::string, int>;
// The same under the ticket's organization (0: none).
using OrgRollupKey = std::pair<std::int64_t, RollupKey>;
using OrgDurationKey = std::pair<std::int64_t, DurationKey>;

OrgDurationKey duration_key(const TicketReportShare& s, int day, int target, std::int64_t ms) {
  return {s.organization_id,
          {day / 100, target, s.unit_id, s.service_id, s.severity, duration_bucket(ms)}};
}

OrgRollupKey rollup_key(const TicketReportShare& s, int day) {
  return {s.organization_id, {day, s.unit_id, s.service_id, s.severity, s.channel, s.category}};
}

// The roll-up tables a report reads: the organization's when it filters by one.
std::string rollup_table(const ReportRowFilter& f, const char* what) {
  return std::string(f.organization_id ? "report_org_" : "report_") + what;
}

void add_share(std::map<OrgRollupKey, ReportCounts>& figures,
               std::map<OrgDurationKey, std::int64_t>& durations, const TicketReportShare& s,
               std::int64_t sign) {
  auto& reg = figures[rollup_key(s, s.registered_day)];
  reg.registered += sign;
  if (s.open) reg.open_now += sign;
  if (s.ended_day) {
    auto& end = figures[rollup_key(s, *s.ended_day)];
    end.ended += sign;
    if (s.resolved) end.resolved += sign;
    if (s.resolved && s.reopened) end.reopened += sign;
    if (s.resolved && s.resolution_ms) {
      durations[duration_key(s, *s.ended_day, 1, *s.resolution_ms)] += sign;
    }
  }
  if (s.due_day) {
    auto& due = figures[rollup_key(s, *s.due_day)];
    due.due += sign;
    if (s.met) due.met += sign;
    if (s.breached) due.breached += sign;
  }
  if (s.first_response_day) {
    figures[rollup_key(s, *s.first_response_day)].first_responses += sign;
    if (s.first_response_ms) {
      durations[duration_key(s, *s.first_response_day, 0, *s.first_response_ms)] += sign;
    }
  }
}

std::vector<Value> key_values(const RollupKey& k) {
  return {std::int64_t{std::get<0>(k)},
          std::get<1>(k),
          std::get<2>(k),
          std::get<3>(k),
          std::get<4>(k),
          std::get<5>(k)};
}

// `table`: report_day_figures (the key's first part a day) or
// report_month_figures (a month), or their report_org_ forms, whose keys carry
// the organization. Every row of one table in one statement: a ticket's move
// touches two or three rows of each (its registration day, its due day, ...),
// and each statement is a step of the serial writer (SQLite) or a round trip
// of the write group (PostgreSQL). The keys come from a map, so no two rows
// of the statement meet the same row (PostgreSQL refuses that in an upsert).
template <typename Key>
void add_figures(Connection& c, const std::string& table, const std::map<Key, ReportCounts>& rows) {
  constexpr bool by_org = std::is_same_v<Key, OrgRollupKey>;
  std::vector<Value> params;
  std::string values;
  for (const auto& [key, d] : rows) {
    if (d == ReportCounts{}) continue;
    if constexpr (by_org) {
      params.emplace_back(key.first);
      for (auto& v : key_values(key.second)) params.push_back(std::move(v));
    } else {
      for (auto& v : key_values(key)) params.push_back(std::move(v));
    }
    for (auto v : {d.registered, d.open_now, d.ended, d.resolved, d.reopened, d.due, d.met,
                   d.breached, d.first_responses}) {
      params.emplace_back(v);
    }
    values += values.empty() ? "(" : ", (";
    values += by_org ? "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                     : "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  }
  if (values.empty()) return;
  const std::string sum = table + ".";
  std::string update;
  for (const char* col : {"registered", "open_now", "ended", "resolved", "reopened", "due", "met",
                          "breached", "first_responses"}) {
    update +=
        std::string(update.empty() ? "" : ", ") + col + " = " + sum + col + " + excluded." + col;
  }
  const std::string key = std::string(by_org ? "organization_id, " : "") +
                          (table.ends_with("day_figures") ? "day" : "month") +
                          ", unit_id, service_id, severity, channel, category";
  c.query("INSERT INTO " + table + " (" + key +
              ", registered, open_now, ended, resolved, reopened, due, met, breached, "
              "first_responses) VALUES " +
              values + " ON CONFLICT (" + key + ") DO UPDATE SET " + update,
          params);
}

void add_duration(Connection& c, std::optional<std::int64_t> org, const DurationKey& k,
                  std::int64_t n) {
  const std::string table = org ? "report_org_month_durations" : "report_month_durations";
  const std::string key = std::string(org ? "organization_id, " : "") +
                          "month, target, unit_id, service_id, severity, bucket";
  std::vector<Value> params;
  if (org) params.emplace_back(*org);
  for (Value v : {Value{std::int64_t{std::get<0>(k)}}, Value{std::int64_t{std::get<1>(k)}},
                  Value{std::get<2>(k)}, Value{std::get<3>(k)}, Value{std::get<4>(k)},
                  Value{std::int64_t{std::get<5>(k)}}, Value{n}}) {
    params.push_back(std::move(v));
  }
  c.query("INSERT INTO " + table + " (" + key + ", tickets) VALUES (" + (org ? "?, " : "") +
              "?, ?, ?, ?, ?, ?, ?) ON CONFLICT (" + key + ") DO UPDATE SET tickets = " + table +
              ".tickets + excluded.tickets",
          params);
}

std::optional<int> optional_day(const Row& r, std::size_t i) {
  if (auto v = r.optional_integer(i)) return static_cast<int>(*v);
  return std::nullopt;
}

Value day_value(const std::optional<int>& d) {
  return d ? Value{std::int64_t{*d}} : Value{};
}

void save_share(Connection& c, std::int64_t ticket_id, const TicketReportShare& s) {
  c.query(
      "INSERT INTO report_ticket_shares (ticket_id, organization_id, unit_id, service_id, "
      "severity, channel, "
      "category, registered_day, is_open, ended_day, resolved, reopened, due_day, met, breached, "
      "deadline, first_response_day, first_response_ms, resolution_ms) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (ticket_id) DO UPDATE SET organization_id = excluded.organization_id, "
      "unit_id = excluded.unit_id, "
      "service_id = excluded.service_id, severity = excluded.severity, "
      "channel = excluded.channel, category = excluded.category, "
      "registered_day = excluded.registered_day, is_open = excluded.is_open, "
      "ended_day = excluded.ended_day, resolved = excluded.resolved, "
      "reopened = excluded.reopened, due_day = excluded.due_day, met = excluded.met, "
      "breached = excluded.breached, deadline = excluded.deadline, "
      "first_response_day = excluded.first_response_day, "
      "first_response_ms = excluded.first_response_ms, resolution_ms = excluded.resolution_ms",
      {ticket_id, s.organization_id, s.unit_id, s.service_id, s.severity, s.channel, s.category,
       std::int64_t{s.registered_day}, std::int64_t{s.open}, day_value(s.ended_day),
       std::int64_t{s.resolved}, std::int64_t{s.reopened}, day_value(s.due_day),
       std::int64_t{s.met}, std::int64_t{s.breached},
       s.deadline ? Value{to_millis(*s.deadline)} : Value{}, day_value(s.first_response_day),
       optional_value(s.first_response_ms), optional_value(s.resolution_ms)});
}

const char* group_column(ReportGroup g) {
  switch (g) {
    case ReportGroup::none:
      return "0";
    case ReportGroup::day:
      return "day";
    case ReportGroup::unit:
      return "unit_id";
    case ReportGroup::service:
      return "service_id";
    case ReportGroup::severity:
      return "severity";
    case ReportGroup::channel:
      return "channel";
    case ReportGroup::category:
      return "category";
    case ReportGroup::day_channel:
      return "day || '|' || channel";
    case ReportGroup::severity_service:
      return "severity || '|' || service_id";
  }
  return "0";
}

bool group_is_text(ReportGroup g) {
  return g == ReportGroup::severity || g == ReportGroup::channel || g == ReportGroup::category ||
         g == ReportGroup::day_channel || g == ReportGroup::severity_service;
}

std::string group_key(const Row& r, std::size_t i, ReportGroup g) {
  if (g == ReportGroup::none) return "";
  return group_is_text(g) ? r.text(i) : std::to_string(r.integer(i));
}

// The filter's conditions but the days, on columns of `prefix`.
std::string filter_conditions(const ReportRowFilter& f, const std::string& prefix) {
  std::string sql;
  if (!f.all_units) {
    sql += " AND " + prefix + "unit_id IN (";
    if (f.unit_ids.empty()) sql += "-1";
    for (std::size_t i = 0; i < f.unit_ids.size(); ++i) {
      sql += (i ? ", " : "") + std::to_string(f.unit_ids[i]);
    }
    sql += ")";
  }
  if (f.service_id) sql += " AND " + prefix + "service_id = ?";
  if (f.severity) sql += " AND " + prefix + "severity = ?";
  if (f.channel) sql += " AND " + prefix + "channel = ?";
  if (f.category) sql += " AND " + prefix + "category = ?";
  if (f.organization_id) sql += " AND " + prefix + "organization_id = ?";
  return sql;
}

void add_filter_params(const ReportRowFilter& f, std::vector<Value>& params) {
  if (f.service_id) params.emplace_back(*f.service_id);
  if (f.severity) params.emplace_back(*f.severity);
  if (f.channel) params.emplace_back(*f.channel);
  if (f.category) params.emplace_back(*f.category);
  if (f.organization_id) params.emplace_back(*f.organization_id);
}

std::vector<Value> day_params(const ReportRowFilter& f) {
  std::vector<Value> params{std::int64_t{f.first_day}, std::int64_t{f.last_day}};
  add_filter_params(f, params);
  return params;
}

// A period as its whole months (none when first > last) and the days
// outside them.
struct PeriodSpan {
  int first_month = 0;
  int last_month = -1;
  std::vector<std::pair<int, int>> days;  // inclusive ranges
};

PeriodSpan period_span(int first_day, int last_day) {
  PeriodSpan p;
  p.first_month = first_day % 100 == 1 ? first_day / 100 : months_before(first_day / 100, -1);
  p.last_month = report_day_add(last_day, 1) / 100 != last_day / 100
                     ? last_day / 100
                     : months_before(last_day / 100, 1);
  if (p.first_month > p.last_month) {
    p.days.emplace_back(first_day, last_day);
    return p;
  }
  const int months_start = p.first_month * 100 + 1;
  const int after_months = months_before(p.last_month, -1) * 100 + 1;
  if (first_day < months_start) p.days.emplace_back(first_day, report_day_add(months_start, -1));
  if (last_day >= after_months) p.days.emplace_back(after_months, last_day);
  return p;
}

}  // namespace

ReportCounts& ReportCounts::operator+=(const ReportCounts& o) {
  registered += o.registered;
  open_now += o.open_now;
  ended += o.ended;
  resolved += o.resolved;
  reopened += o.reopened;
  due += o.due;
  met += o.met;
  breached += o.breached;
  first_responses += o.first_responses;
  return *this;
}

std::optional<TicketReportShare> load_ticket_report_share(Connection& c, std::int64_t ticket_id) {
  auto r = c.query_one(
      "SELECT unit_id, service_id, severity, channel, category, registered_day, is_open, "
      "ended_day, resolved, reopened, due_day, met, breached, deadline, first_response_day, "
      "first_response_ms, resolution_ms, organization_id FROM report_ticket_shares "
      "WHERE ticket_id = ?",
      {ticket_id});
  if (!r) return std::nullopt;
  TicketReportShare s;
  s.unit_id = r->integer(0);
  s.service_id = r->integer(1);
  s.severity = r->text(2);
  s.channel = r->text(3);
  s.category = r->text(4);
  s.registered_day = static_cast<int>(r->integer(5));
  s.open = r->integer(6) != 0;
  s.ended_day = optional_day(*r, 7);
  s.resolved = r->integer(8) != 0;
  s.reopened = r->integer(9) != 0;
  s.due_day = optional_day(*r, 10);
  s.met = r->integer(11) != 0;
  s.breached = r->integer(12) != 0;
  if (auto d = r->optional_integer(13)) s.deadline = from_millis(*d);
  s.first_response_day = optional_day(*r, 14);
  s.first_response_ms = r->optional_integer(15);
  s.resolution_ms = r->optional_integer(16);
  s.organization_id = r->integer(17);
  return s;
}

void move_ticket_report_share(Connection& c, std::int64_t ticket_id,
                              const std::optional<TicketReportShare>& before,
                              const std::optional<TicketReportShare>& after) {
  if (before == after) return;  // a reply, a note, an assignment: nothing moves
  std::map<OrgRollupKey, ReportCounts> figures;
  std::map<OrgDurationKey, std::int64_t> durations;
  if (before) add_share(figures, durations, *before, -1);
  if (after) add_share(figures, durations, *after, 1);
  // The desk's rows sum every organization; an organization's rows its own.
  std::map<RollupKey, ReportCounts> days, months;
  std::map<OrgRollupKey, ReportCounts> org_days, org_months;
  for (const auto& [key, delta] : figures) {
    auto month = key;
    std::get<0>(month.second) /= 100;
    days[key.second] += delta;
    months[month.second] += delta;
    if (key.first != 0) {
      org_days[key] += delta;
      org_months[month] += delta;
    }
  }
  add_figures(c, "report_day_figures", days);
  add_figures(c, "report_month_figures", months);
  add_figures(c, "report_org_day_figures", org_days);
  add_figures(c, "report_org_month_figures", org_months);
  std::map<DurationKey, std::int64_t> desk_durations;
  for (const auto& [key, delta] : durations) {
    desk_durations[key.second] += delta;
    if (key.first != 0 && delta != 0) add_duration(c, key.first, key.second, delta);
  }
  for (const auto& [key, delta] : desk_durations) {
    if (delta != 0) add_duration(c, std::nullopt, key, delta);
  }
  if (after) {
    save_share(c, ticket_id, *after);
  } else {
    c.query("DELETE FROM report_ticket_shares WHERE ticket_id = ?", {ticket_id});
  }
}

void clear_report_rollups(Connection& c) {
  c.execute_script(
      "DELETE FROM report_ticket_shares; DELETE FROM report_day_figures; "
      "DELETE FROM report_month_figures; "
      "DELETE FROM report_month_durations; DELETE FROM report_org_day_figures; "
      "DELETE FROM report_org_month_figures; DELETE FROM report_org_month_durations;");
}

std::string report_figures_sql(const ReportRowFilter& f, ReportGroup group) {
  const std::string g = group_column(group);
  return "SELECT " + g +
         ", sum(registered), sum(open_now), sum(ended), sum(resolved), sum(reopened), sum(due), "
         "sum(met), sum(breached), sum(first_responses) FROM " +
         rollup_table(f, "day_figures") + " WHERE day >= ? AND day <= ?" +
         filter_conditions(f, "") + (group == ReportGroup::none ? "" : " GROUP BY " + g);
}

std::map<std::string, ReportCounts> sum_report_figures(Connection& c, const ReportRowFilter& f,
                                                       ReportGroup group) {
  std::map<std::string, ReportCounts> out;
  for (const auto& r : c.query(report_figures_sql(f, group), day_params(f))) {
    if (r.is_null(1)) continue;  // no row: the sums of nothing
    ReportCounts n;
    n.registered = r.integer(1);
    n.open_now = r.integer(2);
    n.ended = r.integer(3);
    n.resolved = r.integer(4);
    n.reopened = r.integer(5);
    n.due = r.integer(6);
    n.met = r.integer(7);
    n.breached = r.integer(8);
    n.first_responses = r.integer(9);
    out[group_key(r, 0, group)] += n;
  }
  return out;
}

std::vector<DimensionCounts> sum_report_figures_by_dimensions(Connection& c,
                                                              const ReportRowFilter& f) {
  using DimKey = std::tuple<std::int64_t, std::int64_t, std::string, std::string, std::string>;
  std::map<DimKey, ReportCounts> sums;
  auto read = [&](const std::string& table, const std::string& column, int from, int to) {
    std::vector<Value> params{std::int64_t{from}, std::int64_t{to}};
    add_filter_params(f, params);
    for (const auto& r :
         c.query("SELECT unit_id, service_id, severity, channel, category, sum(registered), "
                 "sum(open_now), sum(ended), sum(resolved), sum(reopened), sum(due), sum(met), "
                 "sum(breached), sum(first_responses) FROM " +
                     table + " WHERE " + column + " >= ? AND " + column + " <= ?" +
                     filter_conditions(f, "") +
                     " GROUP BY unit_id, service_id, severity, channel, category",
                 params)) {
      ReportCounts n;
      n.registered = r.integer(5);
      n.open_now = r.integer(6);
      n.ended = r.integer(7);
      n.resolved = r.integer(8);
      n.reopened = r.integer(9);
      n.due = r.integer(10);
      n.met = r.integer(11);
      n.breached = r.integer(12);
      n.first_responses = r.integer(13);
      sums[{r.integer(0), r.integer(1), r.text(2), r.text(3), r.text(4)}] += n;
    }
  };
  const auto span = period_span(f.first_day, f.last_day);
  if (span.first_month <= span.last_month) {
    read(rollup_table(f, "month_figures"), "month", span.first_month, span.last_month);
  }
  for (const auto& [from, to] : span.days) read(rollup_table(f, "day_figures"), "day", from, to);
  std::vector<DimensionCounts> out;
  for (const auto& [k, n] : sums) {
    out.push_back(
        {std::get<0>(k), std::get<1>(k), std::get<2>(k), std::get<3>(k), std::get<4>(k), n});
  }
  return out;
}

std::map<int, std::int64_t> open_tickets_by_day(Connection& c, const ReportRowFilter& f) {
  std::vector<Value> params;
  add_filter_params(f, params);
  std::map<int, std::int64_t> out;
  for (const auto& r :
       c.query("SELECT day, sum(open_now) FROM " + rollup_table(f, "day_figures") +
                   " WHERE open_now <> 0" + filter_conditions(f, "") + " GROUP BY day",
               params)) {
    if (r.integer(1) != 0) out[static_cast<int>(r.integer(0))] = r.integer(1);
  }
  return out;
}

std::map<std::string, std::map<int, std::int64_t>> sum_report_durations(Connection& c,
                                                                        const ReportRowFilter& f,
                                                                        ReportGroup group,
                                                                        int target) {
  std::map<std::string, std::map<int, std::int64_t>> out;
  const std::string g = group_column(group);
  // Whole months without a filter the month rows lack read the month rows;
  // the rest reads the shares of its days.
  const bool months_serve = !f.channel && !f.category && group != ReportGroup::channel &&
                            group != ReportGroup::category && group != ReportGroup::day &&
                            group != ReportGroup::day_channel;
  const auto span = period_span(f.first_day, f.last_day);
  std::vector<std::pair<int, int>> share_days;  // inclusive ranges read from the shares
  if (months_serve && span.first_month <= span.last_month) {
    std::vector<Value> params{std::int64_t{span.first_month}, std::int64_t{span.last_month},
                              std::int64_t{target}};
    add_filter_params(f, params);
    for (const auto& r : c.query(
             "SELECT " + g + ", bucket, sum(tickets) FROM " + rollup_table(f, "month_durations") +
                 " WHERE month >= ? AND month <= ? AND target = ?" + filter_conditions(f, "") +
                 " GROUP BY " + (group == ReportGroup::none ? "" : g + ", ") + "bucket",
             params)) {
      if (r.integer(2) != 0) {
        out[group_key(r, 0, group)][static_cast<int>(r.integer(1))] += r.integer(2);
      }
    }
    share_days = span.days;
  } else {
    share_days.emplace_back(f.first_day, f.last_day);
  }
  const std::string day_col = target == 0 ? "first_response_day" : "ended_day";
  const std::string ms_col = target == 0 ? "first_response_ms" : "resolution_ms";
  for (const auto& [from, to] : share_days) {
    std::vector<Value> params{std::int64_t{from}, std::int64_t{to}};
    add_filter_params(f, params);
    const std::string key = group == ReportGroup::day ? day_col : g;
    for (const auto& r :
         c.query("SELECT " + key + ", " + ms_col + " FROM report_ticket_shares WHERE " + day_col +
                     " >= ? AND " + day_col + " <= ? AND " + ms_col + " IS NOT NULL" +
                     (target == 1 ? " AND resolved = 1" : "") + filter_conditions(f, ""),
                 params)) {
      out[group_key(r, 0, group)][duration_bucket(r.integer(1))] += 1;
    }
  }
  return out;
}

std::string breached_tickets_sql(const ReportRowFilter& f, bool with_cursor) {
  return "SELECT s.ticket_id, t.protocol, t.subject, s.service_id, s.unit_id, s.severity, "
         "t.status, s.deadline, s.resolution_ms FROM report_ticket_shares s "
         "JOIN tickets t ON t.id = s.ticket_id "
         "WHERE s.breached = 1 AND s.deadline >= ? AND s.deadline < ?" +
         std::string(with_cursor ? " AND (s.deadline > ? OR (s.deadline = ? AND s.ticket_id > ?))"
                                 : "") +
         filter_conditions(f, "s.") + " ORDER BY s.deadline, s.ticket_id LIMIT ?";
}

std::vector<BreachedTicketRow> breached_tickets(Connection& c, const ReportRowFilter& f,
                                                const std::optional<BreachCursor>& after,
                                                int limit) {
  std::vector<Value> params{to_millis(report_day_start(f.first_day)),
                            to_millis(report_day_start(report_day_add(f.last_day, 1)))};
  if (after) {
    params.emplace_back(to_millis(after->deadline));
    params.emplace_back(to_millis(after->deadline));
    params.emplace_back(after->ticket_id);
  }
  add_filter_params(f, params);
  params.emplace_back(std::int64_t{limit});
  std::vector<BreachedTicketRow> out;
  for (const auto& r : c.query(breached_tickets_sql(f, after.has_value()), params)) {
    BreachedTicketRow b;
    b.ticket_id = r.integer(0);
    b.protocol = r.text(1);
    b.subject = r.text(2);
    b.service_id = r.integer(3);
    b.unit_id = r.integer(4);
    b.severity = r.text(5);
    b.status = r.text(6);
    b.deadline = from_millis(r.integer(7));
    b.resolution_ms = r.optional_integer(8);
    out.push_back(std::move(b));
  }
  return out;
}

std::string report_filter_conditions(const ReportRowFilter& f, const std::string& prefix) {
  return filter_conditions(f, prefix);
}

void add_report_filter_params(const ReportRowFilter& f, std::vector<Value>& params) {
  add_filter_params(f, params);
}

ReportPeriodSpan report_period_span(int first_day, int last_day) {
  const auto p = period_span(first_day, last_day);
  return {p.first_month, p.last_month, p.days};
}

}  // namespace guiche::store
