#pragma once
// The period every report reads: whole days in hora de Brasília
// (domain/report_day.hpp), from one to another the same or later, up to a
// little over two years.
namespace guiche::app {

// Throws DomainError (invalid, naming the page's field) otherwise.
void check_report_period(int first_day, int last_day);

}  // namespace guiche::app
