#pragma once
// The satisfaction report (issue 15): the distribution of the 1–5 star
// ratings, the response rate (rated ÷ asked), the average per service and
// per unit, and the comments, newest first, paged by keyset — read from the
// roll-ups the ticket ledger keeps (store/rating_rollup_rows.hpp; how each
// figure is counted: app/ledger/rating_share.hpp), never from the tickets.
// The same period, filters and scope as the other reports
// (app/reports/reports.hpp).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/reports/reports.hpp"
#include "store/rating_rollup_rows.hpp"

namespace guiche::app {

// One line of a table: a service, a unit, or the total.
struct RatingLine {
  std::string key;
  std::string label;
  store::RatingCounts counts;
  std::optional<double> response_percent;  // rated ÷ asked
  std::optional<double> average;           // mean stars of the rated
};

struct RatingComment {
  store::RatingCommentRow row;
  std::string service;
  std::string unit;
};

struct SatisfactionReport {
  ReportQuery query;  // the organization the scope imposes included
  // Set while the roll-ups are still being counted (app/reports/report_recount.hpp):
  // how far, 0..99 %; the figures are incomplete.
  std::optional<int> counting_percent;
  RatingLine total;  // its counts' stars are the distribution
  std::vector<RatingLine> by_service;
  std::vector<RatingLine> by_unit;
  std::vector<RatingComment> comments;
  std::optional<store::RatingCursor> next;  // the next page of comments
};

class SatisfactionReports {
 public:
  SatisfactionReports(DeskContext& context, Reports& reports) : ctx_(context), reports_(reports) {}

  SatisfactionReport satisfaction(const Actor& a, const ReportQuery& q,
                                  const std::optional<store::RatingCursor>& after = {},
                                  int page_size = 50);

 private:
  DeskContext& ctx_;
  Reports& reports_;
};

// The comments' page cursor as text and back ("<resolution ms>.<id>").
std::string rating_cursor_text(const store::RatingCursor& c);
std::optional<store::RatingCursor> parse_rating_cursor(const std::string& text);

}  // namespace guiche::app
