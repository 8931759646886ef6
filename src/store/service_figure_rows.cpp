#include "store/service_figure_rows.hpp"

#include "domain/charter_month.hpp"
#include "domain/duration_histogram.hpp"

namespace guiche::store {
namespace {

// A ticket's month of registration in SQL, the same number as
// domain/charter_month.hpp: the civil month of created_at moved to UTC−3.
std::string month_sql(Dialect d) {
  return d == Dialect::sqlite
             ? "CAST(strftime('%Y%m', (t.created_at - 10800000) / 1000, 'unixepoch') AS INTEGER)"
             : "CAST(to_char(to_timestamp((t.created_at - 10800000) / 1000) AT TIME ZONE 'UTC', "
               "'YYYYMM') AS INTEGER)";
}

void add_counts(Connection& c, std::int64_t service_id, int month, const ServiceTicketFigures& d) {
  c.query(
      "INSERT INTO service_month_figures (service_id, month, registered, resolved, "
      "resolved_with_clock, resolved_in_time, ratings, rating_sum) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (service_id, month) DO UPDATE SET "
      "registered = service_month_figures.registered + excluded.registered, "
      "resolved = service_month_figures.resolved + excluded.resolved, "
      "resolved_with_clock = service_month_figures.resolved_with_clock + "
      "excluded.resolved_with_clock, "
      "resolved_in_time = service_month_figures.resolved_in_time + excluded.resolved_in_time, "
      "ratings = service_month_figures.ratings + excluded.ratings, "
      "rating_sum = service_month_figures.rating_sum + excluded.rating_sum",
      {service_id, std::int64_t{month}, d.registered, d.resolved, d.resolved_with_clock,
       d.resolved_in_time, d.ratings, d.rating_sum});
}

void add_duration(Connection& c, std::int64_t service_id, int month, int bucket, std::int64_t n) {
  c.query(
      "INSERT INTO service_month_durations (service_id, month, bucket, tickets) "
      "VALUES (?, ?, ?, ?) ON CONFLICT (service_id, month, bucket) DO UPDATE SET "
      "tickets = service_month_durations.tickets + excluded.tickets",
      {service_id, std::int64_t{month}, std::int64_t{bucket}, n});
}

// One ticket's counts, times `sign`.
ServiceTicketFigures counts(const TicketFigureShare& s, std::int64_t sign) {
  ServiceTicketFigures f;
  f.registered = sign;
  f.resolved = s.resolved ? sign : 0;
  f.resolved_with_clock = s.with_clock ? sign : 0;
  f.resolved_in_time = s.in_time ? sign : 0;
  f.ratings = s.rating ? sign : 0;
  f.rating_sum = s.rating ? sign * *s.rating : 0;
  return f;
}

bool same_counts(const TicketFigureShare& a, const TicketFigureShare& b) {
  return a.service_id == b.service_id && a.month == b.month && a.resolved == b.resolved &&
         a.with_clock == b.with_clock && a.in_time == b.in_time && a.rating == b.rating;
}

}  // namespace

std::optional<TicketFigureShare> load_ticket_figure_share(Connection& c, std::int64_t ticket_id) {
  auto row = c.query_one(
      "SELECT t.service_id, t.created_at, t.resolved_at, t.rating, s.ticket_id, s.breached "
      "FROM tickets t LEFT JOIN ticket_sla s ON s.ticket_id = t.id AND s.target = 'resolution' "
      "WHERE t.id = ?",
      {ticket_id});
  if (!row) return std::nullopt;
  TicketFigureShare s;
  s.service_id = row->integer(0);
  const auto created = row->integer(1);
  s.month = charter_month(from_millis(created));
  if (auto resolved = row->optional_integer(2)) {
    s.resolved = true;
    s.bucket = duration_bucket(*resolved - created);
    s.with_clock = !row->is_null(4);
    s.in_time = s.with_clock && row->integer(5) == 0;
  }
  if (auto rating = row->optional_integer(3)) s.rating = static_cast<int>(*rating);
  return s;
}

TicketFigureShare registration_figure_share(std::int64_t service_id, Instant created_at) {
  TicketFigureShare s;
  s.service_id = service_id;
  s.month = charter_month(created_at);
  return s;
}

void move_ticket_figure_share(Connection& c, const std::optional<TicketFigureShare>& before,
                              const std::optional<TicketFigureShare>& after) {
  if (before == after) return;  // most changes (a reply, an assignment) move nothing
  if (before && after && same_counts(*before, *after)) {
    // Only the resolution time moved (its bucket): the counts stay.
  } else {
    if (before) add_counts(c, before->service_id, before->month, counts(*before, -1));
    if (after) add_counts(c, after->service_id, after->month, counts(*after, 1));
  }
  const bool bucket_before = before && before->resolved;
  const bool bucket_after = after && after->resolved;
  if (bucket_before && bucket_after && before->service_id == after->service_id &&
      before->month == after->month && before->bucket == after->bucket) {
    return;
  }
  if (bucket_before) add_duration(c, before->service_id, before->month, before->bucket, -1);
  if (bucket_after) add_duration(c, after->service_id, after->month, after->bucket, 1);
}

std::string service_figures_sql() {
  return "SELECT COALESCE(sum(registered), 0), COALESCE(sum(resolved), 0), "
         "COALESCE(sum(resolved_with_clock), 0), COALESCE(sum(resolved_in_time), 0), "
         "COALESCE(sum(ratings), 0), COALESCE(sum(rating_sum), 0) "
         "FROM service_month_figures WHERE service_id = ? AND month >= ? AND month <= ?";
}

std::string service_durations_sql() {
  return "SELECT bucket, tickets FROM service_month_durations "
         "WHERE service_id = ? AND month >= ? AND month <= ?";
}

ServiceTicketFigures service_ticket_figures(Connection& c, std::int64_t service_id, int first_month,
                                            int last_month) {
  const std::vector<Value> params = {service_id, std::int64_t{first_month},
                                     std::int64_t{last_month}};
  ServiceTicketFigures f;
  if (auto row = c.query_one(service_figures_sql(), params)) {
    f.registered = row->integer(0);
    f.resolved = row->integer(1);
    f.resolved_with_clock = row->integer(2);
    f.resolved_in_time = row->integer(3);
    f.ratings = row->integer(4);
    f.rating_sum = row->integer(5);
  }
  for (const auto& r : c.query(service_durations_sql(), params)) {
    if (r.integer(1) != 0) f.durations[static_cast<int>(r.integer(0))] += r.integer(1);
  }
  return f;
}

std::string recount_service_figures_sql(Dialect dialect) {
  const std::string month = month_sql(dialect);
  const std::string took =
      "CASE WHEN t.resolved_at < t.created_at THEN 0 ELSE t.resolved_at - t.created_at END";
  return "DELETE FROM service_month_figures;\n"
         "DELETE FROM service_month_durations;\n"
         "INSERT INTO service_month_figures (service_id, month, registered, resolved, "
         "resolved_with_clock, resolved_in_time, ratings, rating_sum) "
         "SELECT t.service_id, " +
         month +
         ", count(*), count(t.resolved_at), "
         "sum(CASE WHEN t.resolved_at IS NOT NULL AND s.ticket_id IS NOT NULL THEN 1 ELSE 0 END), "
         "sum(CASE WHEN t.resolved_at IS NOT NULL AND s.breached = 0 THEN 1 ELSE 0 END), "
         "count(t.rating), COALESCE(sum(t.rating), 0) "
         "FROM tickets t LEFT JOIN ticket_sla s ON s.ticket_id = t.id AND s.target = "
         "'resolution' GROUP BY 1, 2;\n"
         "INSERT INTO service_month_durations (service_id, month, bucket, tickets) "
         "SELECT d.service_id, d.month, d.bucket, count(*) FROM (SELECT t.service_id AS "
         "service_id, " +
         month + " AS month, (SELECT b.bucket FROM duration_buckets b WHERE b.start_ms <= " + took +
         " ORDER BY b.start_ms DESC LIMIT 1) AS bucket FROM tickets t "
         "WHERE t.resolved_at IS NOT NULL) d GROUP BY d.service_id, d.month, d.bucket;\n";
}

void recount_service_figures(Connection& c) {
  c.execute_script(recount_service_figures_sql(c.dialect()));
}

}  // namespace guiche::store
