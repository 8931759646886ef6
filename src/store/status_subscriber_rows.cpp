#include "store/status_subscriber_rows.hpp"

#include "store/row_values.hpp"

namespace guiche::store {
namespace {

constexpr const char* kSubscriberColumns =
    "id, address, state, all_components, pending_components, confirm_token_hash, "
    "confirm_expires_at, unsubscribe_token, created_at, requested_at, confirmed_at, "
    "unsubscribed_at";

StatusSubscriber subscriber_from(Connection& c, const Row& r) {
  StatusSubscriber s;
  s.id = r.integer(0);
  s.address = r.text(1);
  s.state = parse_subscriber_state(r.text(2)).value_or(SubscriberState::pending);
  s.confirmed.all = r.integer(3) != 0;
  if (auto pending = r.optional_text(4)) s.pending = parse_choice_code(*pending);
  s.confirm_token_hash = r.optional_text(5);
  s.confirm_expires_at = instant_at(r, 6);
  s.unsubscribe_token = r.text(7);
  s.created_at = from_millis(r.integer(8));
  s.requested_at = from_millis(r.integer(9));
  s.confirmed_at = instant_at(r, 10);
  s.unsubscribed_at = instant_at(r, 11);
  for (const auto& row : c.query("SELECT component_id FROM status_subscriber_components "
                                 "WHERE subscriber_id = ? ORDER BY component_id",
                                 {s.id})) {
    s.confirmed.component_ids.push_back(row.integer(0));
  }
  return s;
}

std::optional<StatusSubscriber> one_where(Connection& c, const std::string& where,
                                          const std::string& value) {
  auto row = c.query_one(std::string("SELECT ") + kSubscriberColumns +
                             " FROM status_subscribers WHERE " + where + " = ?",
                         {value});
  if (!row) return std::nullopt;
  return subscriber_from(c, *row);
}

Value pending_value(const StatusSubscriber& s) {
  return s.pending ? Value{choice_code(*s.pending)} : Value{};
}

}  // namespace

std::int64_t insert_subscriber(Connection& c, const StatusSubscriber& s) {
  return c
      .query_one(
          "INSERT INTO status_subscribers (address, state, all_components, pending_components, "
          "confirm_token_hash, confirm_expires_at, unsubscribe_token, created_at, requested_at, "
          "confirmed_at, unsubscribed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {s.address, std::string(subscriber_state_code(s.state)), flag(s.confirmed.all),
           pending_value(s), optional_value(s.confirm_token_hash),
           instant_value(s.confirm_expires_at), s.unsubscribe_token, to_millis(s.created_at),
           to_millis(s.requested_at), instant_value(s.confirmed_at),
           instant_value(s.unsubscribed_at)})
      ->integer(0);
}

void update_subscriber(Connection& c, const StatusSubscriber& s) {
  c.query(
      "UPDATE status_subscribers SET state = ?, all_components = ?, pending_components = ?, "
      "confirm_token_hash = ?, confirm_expires_at = ?, requested_at = ?, confirmed_at = ?, "
      "unsubscribed_at = ? WHERE id = ?",
      {std::string(subscriber_state_code(s.state)), flag(s.confirmed.all), pending_value(s),
       optional_value(s.confirm_token_hash), instant_value(s.confirm_expires_at),
       to_millis(s.requested_at), instant_value(s.confirmed_at), instant_value(s.unsubscribed_at),
       s.id});
}

std::optional<StatusSubscriber> subscriber_by_address(Connection& c, const std::string& address) {
  return one_where(c, "address", address);
}

std::optional<StatusSubscriber> subscriber_by_confirm_hash(Connection& c, const std::string& hash) {
  return one_where(c, "confirm_token_hash", hash);
}

std::optional<StatusSubscriber> subscriber_by_unsubscribe_token(Connection& c,
                                                                const std::string& token) {
  return one_where(c, "unsubscribe_token", token);
}

void set_subscriber_components(Connection& c, std::int64_t subscriber_id,
                               const SubscriptionChoice& choice) {
  c.query("UPDATE status_subscribers SET all_components = ? WHERE id = ?",
          {flag(choice.all), subscriber_id});
  c.query("DELETE FROM status_subscriber_components WHERE subscriber_id = ?", {subscriber_id});
  if (choice.all) return;
  for (auto id : choice.component_ids) {
    c.query("INSERT INTO status_subscriber_components (subscriber_id, component_id) VALUES (?, ?)",
            {subscriber_id, id});
  }
}

std::string confirmed_subscribers_sql(std::size_t components) {
  // The subscribers of everything come from their partial index
  // (status_subscribers_everything), those of each component from
  // status_subscriber_components_component: a broadcast never walks the
  // whole table. UNION keeps each subscriber once however many of the
  // components it chose.
  std::string sql =
      "SELECT id, address, unsubscribe_token FROM status_subscribers "
      "WHERE state = 'confirmed' AND all_components = 1";
  if (components > 0) {
    sql +=
        " UNION SELECT s.id, s.address, s.unsubscribe_token FROM status_subscriber_components sc "
        "JOIN status_subscribers s ON s.id = sc.subscriber_id "
        "WHERE s.state = 'confirmed' AND sc.component_id IN (";
    for (std::size_t i = 0; i < components; ++i) sql += i ? ", ?" : "?";
    sql += ")";
  }
  return sql + " ORDER BY 1";
}

std::vector<SubscriberAddress> confirmed_subscribers_of(
    Connection& c, const std::vector<std::int64_t>& component_ids) {
  std::vector<Value> params(component_ids.begin(), component_ids.end());
  std::vector<SubscriberAddress> out;
  for (const auto& r : c.query(confirmed_subscribers_sql(component_ids.size()), params)) {
    out.push_back({r.integer(0), r.text(1), r.text(2)});
  }
  return out;
}

void record_subscription_request(Connection& c, const std::string& key, Instant at) {
  c.query("INSERT INTO status_subscription_requests (request_key, at) VALUES (?, ?)",
          {key, to_millis(at)});
}

int subscription_requests_since(Connection& c, const std::string& key, Instant since) {
  return static_cast<int>(
      c.query_one(
           "SELECT count(*) FROM status_subscription_requests WHERE request_key = ? AND at > ?",
           {key, to_millis(since)})
          ->integer(0));
}

int purge_subscription_requests(Connection& c, Instant before) {
  return static_cast<int>(
      c.query("DELETE FROM status_subscription_requests WHERE at < ? RETURNING at",
              {to_millis(before)})
          .size());
}

int purge_unconfirmed_subscribers(Connection& c, Instant now) {
  // Never confirmed: the address may not even be its owner's; keep it no longer
  // than its link lasts. Such rows have no component rows (those are written
  // on confirmation).
  return static_cast<int>(
      c.query("DELETE FROM status_subscribers WHERE state = 'pending' AND confirm_expires_at <= ? "
              "RETURNING id",
              {to_millis(now)})
          .size());
}

}  // namespace guiche::store
