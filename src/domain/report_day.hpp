#pragma once
// The days the reports count by (app/reports/): civil days in hora de
// Brasília, UTC−3, the same fixed offset as the charter's months
// (domain/charter_month.hpp), named yyyymmdd (20261206 is 6 December 2026), so
// a ticket's day is the same number in the ledger's roll-ups and in SQL and
// never moves when a setting changes.
#include <optional>
#include <string>

#include "domain/time.hpp"

namespace guiche {

// The day `t` falls in, in hora de Brasília.
int report_day(Instant t);
// The first instant of `day` (00:00 in hora de Brasília).
Instant report_day_start(int day);
// `day` moved by `n` days (negative: back).
int report_day_add(int day, int n);
// Days from `from` to `to` (to − from).
int report_days_between(int from, int to);
// ISO weekday, 1 (Monday) .. 7 (Sunday).
int report_weekday(int day);
// "2026-12-06" <-> 20261206; nullopt if malformed.
std::string report_day_iso(int day);
std::optional<int> parse_report_day(const std::string& iso);
// "06/12/2026"
std::string report_day_br(int day);

}  // namespace guiche
