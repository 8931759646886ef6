#include "store/access_log_rows.hpp"

#include "store/row_values.hpp"

namespace guiche::store {
namespace {

// 9 values a row: 400 rows stay far below SQLite's 32766 parameters and
// PostgreSQL's 65535.
constexpr std::size_t kAccessRowsPerStatement = 400;

Value optional_id(const std::optional<std::int64_t>& v) {
  return v ? Value{*v} : Value{};
}

}  // namespace

void insert_access_records(Connection& c, const std::vector<AccessRecord>& records) {
  for (std::size_t first = 0; first < records.size(); first += kAccessRowsPerStatement) {
    const std::size_t last = std::min(records.size(), first + kAccessRowsPerStatement);
    std::string sql =
        "INSERT INTO access_log (at, reader_person_id, reader_token_id, reader_address, channel, "
        "subject_person_id, object_kind, object_id) VALUES ";
    std::vector<Value> params;
    params.reserve((last - first) * 8);
    for (std::size_t i = first; i < last; ++i) {
      const auto& r = records[i];
      sql += i == first ? "(?, ?, ?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?, ?, ?)";
      params.insert(params.end(), {to_millis(r.at), optional_id(r.reader_person_id),
                                   optional_id(r.reader_token_id), r.reader_address, r.channel,
                                   r.subject_person_id, r.object_kind, r.object_id});
    }
    c.query(sql, params);
  }
}

std::vector<AccessRecord> query_access_records(Connection& c, const AccessQuery& q) {
  // Each filter narrows one index's range: (subject, at, id), (reader, at,
  // id) or (at, id); the names come by primary key for the page's rows only.
  std::string where = "1 = 1";
  std::vector<Value> params;
  if (q.subject_person_id) {
    where += " AND a.subject_person_id = ?";
    params.emplace_back(*q.subject_person_id);
  }
  if (q.reader_person_id) {
    where += " AND a.reader_person_id = ?";
    params.emplace_back(*q.reader_person_id);
  }
  if (q.since) {
    where += " AND a.at >= ?";
    params.emplace_back(to_millis(*q.since));
  }
  if (q.until) {
    where += " AND a.at < ?";
    params.emplace_back(to_millis(*q.until));
  }
  if (q.after) {
    // A row value: both engines start the index range there.
    where += " AND (a.at, a.id) < (?, ?)";
    params.insert(params.end(), {to_millis(q.after->first), q.after->second});
  }
  params.emplace_back(std::int64_t{q.limit});
  const std::string sql =
      "SELECT a.id, a.at, a.reader_person_id, a.reader_token_id, a.reader_address, a.channel, "
      "a.subject_person_id, a.object_kind, a.object_id, r.name, s.name FROM (SELECT * FROM "
      "access_log a WHERE " +
      where +
      " ORDER BY a.at DESC, a.id DESC LIMIT ?) a LEFT JOIN people r ON r.id = a.reader_person_id "
      "LEFT JOIN people s ON s.id = a.subject_person_id ORDER BY a.at DESC, a.id DESC";
  std::vector<AccessRecord> out;
  for (const auto& row : c.query(sql, params)) {
    AccessRecord r;
    r.id = row.integer(0);
    r.at = from_millis(row.integer(1));
    r.reader_person_id = row.optional_integer(2);
    r.reader_token_id = row.optional_integer(3);
    r.reader_address = row.text(4);
    r.channel = row.text(5);
    r.subject_person_id = row.integer(6);
    r.object_kind = row.text(7);
    r.object_id = row.integer(8);
    r.reader_name = row.text(9);
    r.subject_name = row.text(10);
    out.push_back(std::move(r));
  }
  return out;
}

std::int64_t delete_access_records_before(Connection& c, Instant before, int limit) {
  const auto rows = c.query(
      "DELETE FROM access_log WHERE id IN (SELECT id FROM access_log WHERE at < ? ORDER BY at, id "
      "LIMIT ?) RETURNING id",
      {to_millis(before), std::int64_t{limit}});
  return static_cast<std::int64_t>(rows.size());
}

}  // namespace guiche::store
