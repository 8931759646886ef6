#include "web/agent/agent_durations.hpp"

#include "web/agent/agent_common.hpp"

namespace guiche::web {

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
