#include "web/agent/agent_durations.hpp"

#include <algorithm>

#include "web/agent/agent_common.hpp"

namespace guiche::web {

std::chrono::milliseconds business_day_length(const sla::BusinessCalendar& calendar) {
  std::chrono::minutes longest{0};
  for (unsigned d = 0; d < 7; ++d) {
    const auto& hours = calendar.week().on(std::chrono::weekday{d});
    std::chrono::minutes total{0};
    for (const auto& i : hours.items()) total += i.until - i.from;
    longest = std::max(longest, total);
  }
  return longest;
}

std::string working_duration_text(const Texts& texts, const std::string& language,
                                  std::chrono::milliseconds working,
                                  std::chrono::milliseconds day) {
  using std::chrono::duration_cast;
  if (day <= std::chrono::milliseconds::zero() || working < 2 * day) return duration_text(working);
  const auto days = working / day;
  const auto hours = duration_cast<std::chrono::hours>(working - days * day).count();
  if (hours == 0) return fill(texts.text(language, "agente.duracao_dias"), std::to_string(days));
  return fill(fill(texts.text(language, "agente.duracao_dias_horas"), std::to_string(days)),
              std::to_string(hours));
}

}  // namespace guiche::web
