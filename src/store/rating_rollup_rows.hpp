#pragma once
// The satisfaction report's roll-ups (migration v033): per day in hora de
// Brasília (domain/report_day.hpp) × unit × service × severity × channel ×
// category — the dimensions of the other reports' roll-ups
// (store/report_rollup_rows.hpp), so the same filters apply — the resolved
// tickets whose requester was asked to rate the service, and the ratings of
// 1 to 5 stars they gave; the same per month. Every row is keyed by an
// organization first: 0 for the whole desk, where every ticket counts, and
// the requester's organization, where its tickets count a second time, so a
// report filtered by an organization reads that organization's rows alone. The ticket ledger keeps
// them in the transaction of each change by moving the ticket's share from what it was to what it
// is (app/ledger/rating_share.hpp); the report reads only these rows, and the comments of a period
// through the partial index on the shares by resolution instant.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/time.hpp"
#include "store/database.hpp"
#include "store/report_rollup_rows.hpp"

namespace guiche::store {

// What one resolved ticket adds: counted on the day of its (last) resolution.
struct TicketRatingShare {
  std::int64_t organization_id = 0;  // the requester's organization; 0: none
  std::int64_t unit_id = 0;          // 0: not routed to a unit
  std::int64_t service_id = 0;
  std::string severity;  // "" without a clock
  std::string channel;
  std::string category;
  int resolved_day = 0;  // yyyymmdd
  Instant resolved_at{};
  std::optional<int> rating;  // 1..5 stars, once the requester rated it
  bool commented = false;     // the rating came with a comment
  bool operator==(const TicketRatingShare&) const = default;
};

std::optional<TicketRatingShare> load_ticket_rating_share(Connection& c, std::int64_t ticket_id);
// Takes `before` out of the roll-ups, puts `after` in and stores `after` as
// the ticket's share (none: forgets it). Nothing when they are equal.
void move_ticket_rating_share(Connection& c, std::int64_t ticket_id,
                              const std::optional<TicketRatingShare>& before,
                              const std::optional<TicketRatingShare>& after);
// Empties the roll-ups and the shares (`admin rebuild-tickets` counts them
// again ticket by ticket).
void clear_rating_rollups(Connection& c);
// The roll-ups counted from the reports' shares and the tickets' rows (the
// backfill of migration v033, which the other roll-ups' shares already hold).
std::string backfill_rating_rollups_sql();

struct RatingCounts {
  std::int64_t asked = 0;               // resolved, the survey sent with the resolution
  std::array<std::int64_t, 5> stars{};  // ratings of 1..5 stars
  std::int64_t commented = 0;           // ratings with a comment
  std::int64_t rated() const;
  std::int64_t star_sum() const;  // Σ stars × ratings, for the mean
  RatingCounts& operator+=(const RatingCounts& o);
  bool operator==(const RatingCounts&) const = default;
};

struct RatingDimensionCounts {
  std::int64_t unit_id = 0;
  std::int64_t service_id = 0;
  std::string severity;
  std::string channel;
  std::string category;
  RatingCounts counts;
};
// The counts of the filter's days summed per unit, service, severity, channel
// and category: whole months from the month rows, the other days from the day
// rows.
std::vector<RatingDimensionCounts> sum_rating_figures_by_dimensions(Connection& c,
                                                                    const ReportRowFilter& f);

// One rating with a comment (keyset pages by resolution instant, newest
// first, then id).
struct RatingCommentRow {
  std::int64_t ticket_id = 0;
  std::int64_t requester_id = 0;  // whose comment: its reads are logged (LGPD art. 37)
  std::string protocol;
  std::int64_t service_id = 0;
  std::int64_t unit_id = 0;
  int rating = 0;
  std::string comment;
  Instant resolved_at{};
};
struct RatingCursor {
  Instant resolved_at{};
  std::int64_t ticket_id = 0;
};
// The commented ratings of the tickets resolved in the filter's days, before
// `after`, at most `limit`.
std::vector<RatingCommentRow> rating_comments(Connection& c, const ReportRowFilter& f,
                                              const std::optional<RatingCursor>& after, int limit);

// The statements, for the plan tests. The figures' parameters: the
// organization (0: the whole desk), the first and last day or month, then the
// filter's but its organization.
std::string rating_figures_sql(const ReportRowFilter& f, const std::string& table);
std::string rating_comments_sql(const ReportRowFilter& f, bool with_cursor);

}  // namespace guiche::store
