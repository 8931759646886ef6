#pragma once
// When a scheduled report goes and which period it covers (issue 15, item
// 4): a weekly one on Monday at 07:00 in hora de Brasília, with the week
// before (Monday to Sunday); a monthly one on the 1st at 07:00, with the
// month before. Only whole periods go, each once: a server that was down
// sends the last period that ended, not every one it missed.
#include <optional>
#include <string>
#include <utility>

#include "domain/time.hpp"

namespace guiche {

enum class ReportFrequency { weekly, monthly };

std::optional<ReportFrequency> parse_report_frequency(const std::string& code);
const char* report_frequency_code(ReportFrequency f);
const char* report_frequency_label_pt(ReportFrequency f);  // "semanal", "mensal"

// The first sending instant after `now`.
Instant next_report_run(ReportFrequency f, Instant now);
// The whole period (first and last day, yyyymmdd) that had ended by `run`:
// the week or the month before the last sending day at or before it.
std::pair<int, int> report_period_before(ReportFrequency f, Instant run);

}  // namespace guiche
