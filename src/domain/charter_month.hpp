#pragma once
// The months the Carta de Serviços counts its measured figures by: civil
// months in hora de Brasília, UTC−3 (no daylight saving since Decreto
// 9.772/2019), named yyyymm (202612 is December 2026). A fixed offset, not
// the desk's time zone, so that the month of a ticket is the same number in
// the ledger (app/ledger/) and in SQL (store/service_figure_rows.cpp, the
// backfill of migration v025), and never moves when a setting changes.
#include <chrono>

#include "domain/time.hpp"

namespace guiche {

inline constexpr std::chrono::hours kCharterMonthOffset{-3};

// The month `t` falls in, in hora de Brasília.
int charter_month(Instant t);
// The month `n` months before `month` (202601, 1 -> 202512).
int months_before(int month, int n);
// The first instant of `month`: its day 1 at 00:00 in hora de Brasília.
Instant charter_month_start(int month);

}  // namespace guiche
