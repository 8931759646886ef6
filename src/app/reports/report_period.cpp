#include "app/reports/report_period.hpp"

#include "domain/error.hpp"
#include "domain/report_day.hpp"

namespace guiche::app {

void check_report_period(int first_day, int last_day) {
  if (first_day == 0 || last_day == 0 || last_day < first_day) {
    throw invalid_field("de", "O período vai de uma data até outra igual ou posterior.");
  }
  // As app/reports/reports.cpp limits the others.
  if (report_days_between(first_day, last_day) >= 800) {
    throw invalid_field("ate", "O período vai até dois anos.");
  }
}

}  // namespace guiche::app
