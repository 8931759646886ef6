// See ticket_number_block.hpp.
#include "store/ticket_number_block.hpp"

#include <charconv>
#include <string>

#include "store/ticket_rows.hpp"

namespace guiche::store {

TicketNumbers TicketNumberBlock::take(Connection& c, int year) {
  if (!year_ || *year_ != year || next_ > last_) {
    // A group that crosses New Year's midnight gives the old year's back first.
    if (year_ && *year_ != year) give_back(c);
    reserve(c, year);
  }
  const long number = next_++;
  return {number, ids_->at(static_cast<std::size_t>(number - first_))};
}

void TicketNumberBlock::reserve(Connection& c, int year) {
  const auto count = static_cast<std::int64_t>(jobs_left_);
  // One answer: the counter moved by `count` and as many ids from the
  // tickets' sequence, so the rows go down the pipeline without a wait.
  auto row = c.query_one(
      "INSERT INTO protocol_counters(year, last_value) VALUES (?, ?) "
      "ON CONFLICT(year) DO UPDATE SET last_value = protocol_counters.last_value + "
      "excluded.last_value RETURNING last_value, "
      "(SELECT string_agg(id::text, ',' ORDER BY id) FROM "
      "(SELECT nextval(pg_get_serial_sequence('tickets', 'id')) AS id "
      "FROM generate_series(1, ?)) AS taken)",
      {std::int64_t{year}, count, count});
  year_ = year;
  last_ = static_cast<long>(row->integer(0));
  first_ = next_ = last_ - static_cast<long>(count) + 1;
  auto ids = std::make_shared<std::vector<std::int64_t>>();
  const std::string text = row->text(1);
  for (const char *at = text.data(), *end = text.data() + text.size(); at < end;) {
    std::int64_t id = 0;
    at = std::from_chars(at, end, id).ptr + 1;  // past the comma
    ids->push_back(id);
  }
  if (ids->size() != static_cast<std::size_t>(count)) {
    throw StoreError(StoreError::Kind::generic, "PostgreSQL: the ticket ids reserved are missing");
  }
  ids_ = std::move(ids);
}

void TicketNumberBlock::give_back(Connection& c) {
  if (!year_ || next_ > last_) return;
  c.query("UPDATE protocol_counters SET last_value = last_value - ? WHERE year = ?",
          {std::int64_t{last_ - next_ + 1}, std::int64_t{*year_}});
  // The counter's own row now ends where the block was used up.
  last_ = next_ - 1;
}

void TicketNumberBlock::restore(const Mark& m) {
  year_ = m.year;
  next_ = m.next;
  last_ = m.last;
  first_ = m.first;
  ids_ = m.ids;
}

}  // namespace guiche::store
