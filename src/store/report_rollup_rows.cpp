#include "store/report_rollup_rows.hpp"

#include <tuple>

#include "domain/duration_histogram.hpp"
#include "domain/report_day.hpp"

namespace guiche::store {
namespace {

// A roll-up row's key (the duration rows add the target and the bucket).
using RollupKey =
    std::tuple<int, std::int64_t, std::int64_t, std::string, std::string, std::string>;
using DurationKey = std::tuple<RollupKey, int, int>;

RollupKey rollup_key(const TicketReportShare& s, int day) {
  return {day, s.unit_id, s.service_id, s.severity, s.channel, s.category};
}

void add_share(std::map<RollupKey, ReportCounts>& figures,
               std::map<DurationKey, std::int64_t>& durations, const TicketReportShare& s,
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
      durations[{rollup_key(s, *s.ended_day), 1, duration_bucket(*s.resolution_ms)}] += sign;
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
      durations[{rollup_key(s, *s.first_response_day), 0, duration_bucket(*s.first_response_ms)}] +=
          sign;
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

void add_figures(Connection& c, const RollupKey& k, const ReportCounts& d) {
  auto params = key_values(k);
  for (auto v : {d.registered, d.open_now, d.ended, d.resolved, d.reopened, d.due, d.met,
                 d.breached, d.first_responses}) {
    params.emplace_back(v);
  }
  const char* sum = "report_day_figures.";
  std::string update;
  for (const char* col : {"registered", "open_now", "ended", "resolved", "reopened", "due", "met",
                          "breached", "first_responses"}) {
    update +=
        std::string(update.empty() ? "" : ", ") + col + " = " + sum + col + " + excluded." + col;
  }
  c.query(
      "INSERT INTO report_day_figures (day, unit_id, service_id, severity, channel, category, "
      "registered, open_now, ended, resolved, reopened, due, met, breached, first_responses) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (day, unit_id, service_id, severity, channel, category) DO UPDATE SET " +
          update,
      params);
}

void add_duration(Connection& c, const DurationKey& k, std::int64_t n) {
  auto params = key_values(std::get<0>(k));
  params.emplace_back(std::int64_t{std::get<1>(k)});
  params.emplace_back(std::int64_t{std::get<2>(k)});
  params.emplace_back(n);
  c.query(
      "INSERT INTO report_day_durations (day, unit_id, service_id, severity, channel, category, "
      "target, bucket, tickets) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (day, unit_id, service_id, severity, channel, category, target, bucket) "
      "DO UPDATE SET tickets = report_day_durations.tickets + excluded.tickets",
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
      "INSERT INTO report_ticket_shares (ticket_id, unit_id, service_id, severity, channel, "
      "category, registered_day, is_open, ended_day, resolved, reopened, due_day, met, breached, "
      "deadline, first_response_day, first_response_ms, resolution_ms) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (ticket_id) DO UPDATE SET unit_id = excluded.unit_id, "
      "service_id = excluded.service_id, severity = excluded.severity, "
      "channel = excluded.channel, category = excluded.category, "
      "registered_day = excluded.registered_day, is_open = excluded.is_open, "
      "ended_day = excluded.ended_day, resolved = excluded.resolved, "
      "reopened = excluded.reopened, due_day = excluded.due_day, met = excluded.met, "
      "breached = excluded.breached, deadline = excluded.deadline, "
      "first_response_day = excluded.first_response_day, "
      "first_response_ms = excluded.first_response_ms, resolution_ms = excluded.resolution_ms",
      {ticket_id, s.unit_id, s.service_id, s.severity, s.channel, s.category,
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
  }
  return "0";
}

bool group_is_text(ReportGroup g) {
  return g == ReportGroup::severity || g == ReportGroup::channel || g == ReportGroup::category ||
         g == ReportGroup::day_channel;
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
  return sql;
}

void add_filter_params(const ReportRowFilter& f, std::vector<Value>& params) {
  if (f.service_id) params.emplace_back(*f.service_id);
  if (f.severity) params.emplace_back(*f.severity);
  if (f.channel) params.emplace_back(*f.channel);
  if (f.category) params.emplace_back(*f.category);
}

std::vector<Value> day_params(const ReportRowFilter& f) {
  std::vector<Value> params{std::int64_t{f.first_day}, std::int64_t{f.last_day}};
  add_filter_params(f, params);
  return params;
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
      "first_response_ms, resolution_ms FROM report_ticket_shares WHERE ticket_id = ?",
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
  return s;
}

void move_ticket_report_share(Connection& c, std::int64_t ticket_id,
                              const std::optional<TicketReportShare>& before,
                              const std::optional<TicketReportShare>& after) {
  if (before == after) return;  // a reply, a note, an assignment: nothing moves
  std::map<RollupKey, ReportCounts> figures;
  std::map<DurationKey, std::int64_t> durations;
  if (before) add_share(figures, durations, *before, -1);
  if (after) add_share(figures, durations, *after, 1);
  for (const auto& [key, delta] : figures) {
    if (!(delta == ReportCounts{})) add_figures(c, key, delta);
  }
  for (const auto& [key, delta] : durations) {
    if (delta != 0) add_duration(c, key, delta);
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
      "DELETE FROM report_day_durations;");
}

std::string report_figures_sql(const ReportRowFilter& f, ReportGroup group) {
  const std::string g = group_column(group);
  return "SELECT " + g +
         ", sum(registered), sum(open_now), sum(ended), sum(resolved), sum(reopened), sum(due), "
         "sum(met), sum(breached), sum(first_responses) FROM report_day_figures "
         "WHERE day >= ? AND day <= ?" +
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

std::map<int, std::int64_t> open_tickets_by_day(Connection& c, const ReportRowFilter& f) {
  std::vector<Value> params;
  add_filter_params(f, params);
  std::map<int, std::int64_t> out;
  for (const auto& r : c.query("SELECT day, sum(open_now) FROM report_day_figures "
                               "WHERE open_now <> 0" +
                                   filter_conditions(f, "") + " GROUP BY day",
                               params)) {
    if (r.integer(1) != 0) out[static_cast<int>(r.integer(0))] = r.integer(1);
  }
  return out;
}

std::map<std::string, std::map<int, std::int64_t>> sum_report_durations(Connection& c,
                                                                        const ReportRowFilter& f,
                                                                        ReportGroup group,
                                                                        int target) {
  const std::string g = group_column(group);
  auto params = day_params(f);
  params.insert(params.begin() + 2, std::int64_t{target});
  std::map<std::string, std::map<int, std::int64_t>> out;
  for (const auto& r : c.query("SELECT " + g +
                                   ", bucket, sum(tickets) FROM report_day_durations "
                                   "WHERE day >= ? AND day <= ? AND target = ?" +
                                   filter_conditions(f, "") + " GROUP BY " +
                                   (group == ReportGroup::none ? "" : g + ", ") + "bucket",
                               params)) {
    if (r.integer(2) != 0)
      out[group_key(r, 0, group)][static_cast<int>(r.integer(1))] += r.integer(2);
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

}  // namespace guiche::store
