#include "store/report_subscription_rows.hpp"

namespace guiche::store {
namespace {

const char* const kColumns =
    "id, person_id, report, query, frequency, next_run_at, last_period, created_at";

ReportSubscription subscription_from(const Row& r) {
  ReportSubscription s;
  s.id = r.integer(0);
  s.person_id = r.integer(1);
  s.report = r.text(2);
  s.query = r.text(3);
  s.frequency = r.text(4);
  s.next_run_at = from_millis(r.integer(5));
  s.last_period = r.optional_text(6);
  s.created_at = from_millis(r.integer(7));
  return s;
}

}  // namespace

std::int64_t insert_report_subscription(Connection& c, const ReportSubscription& s) {
  return c
      .query_one(
          "INSERT INTO report_subscriptions (person_id, report, query, frequency, next_run_at, "
          "last_period, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {s.person_id, s.report, s.query, s.frequency, to_millis(s.next_run_at),
           optional_value(s.last_period), to_millis(s.created_at)})
      ->integer(0);
}

std::vector<ReportSubscription> report_subscriptions_of(Connection& c, std::int64_t person_id) {
  std::vector<ReportSubscription> out;
  for (const auto& r : c.query(std::string("SELECT ") + kColumns +
                                   " FROM report_subscriptions WHERE person_id = ? ORDER BY id",
                               {person_id})) {
    out.push_back(subscription_from(r));
  }
  return out;
}

std::optional<ReportSubscription> load_report_subscription(Connection& c, std::int64_t id,
                                                           bool for_update) {
  std::string sql = std::string("SELECT ") + kColumns + " FROM report_subscriptions WHERE id = ?";
  if (for_update && c.dialect() == Dialect::postgres) sql += " FOR UPDATE";
  auto r = c.query_one(sql, {id});
  if (!r) return std::nullopt;
  return subscription_from(*r);
}

void delete_report_subscription(Connection& c, std::int64_t id) {
  c.query("DELETE FROM report_subscriptions WHERE id = ?", {id});
}

std::vector<ReportSubscription> due_report_subscriptions(Connection& c, Instant now, int limit) {
  std::vector<ReportSubscription> out;
  for (const auto& r :
       c.query(std::string("SELECT ") + kColumns +
                   " FROM report_subscriptions WHERE next_run_at <= ? ORDER BY next_run_at, id "
                   "LIMIT ?",
               {to_millis(now), std::int64_t{limit}})) {
    out.push_back(subscription_from(r));
  }
  return out;
}

void advance_report_subscription(Connection& c, std::int64_t id, Instant next_run_at,
                                 const std::optional<std::string>& last_period) {
  c.query("UPDATE report_subscriptions SET next_run_at = ?, last_period = ? WHERE id = ?",
          {to_millis(next_run_at), optional_value(last_period), id});
}

}  // namespace guiche::store
