#include "app/outbox/outbox_metrics.hpp"

#include <chrono>

namespace guiche::app {

observability::Registry::CollectorHandle add_outbox_metrics(OutboxAdmin& outbox,
                                                            observability::Registry& registry) {
  return registry.add_collector([&outbox](observability::SampleWriter& out) {
    const auto rows = outbox.backlog();
    const auto now = std::chrono::system_clock::now();
    out.family("guiche_outbox_messages",
               "Mensagens no outbox por canal e situação (pending, sending, in_doubt, "
               "failed).",
               "gauge");
    for (const auto& r : rows)
      out.sample("guiche_outbox_messages", {{"channel", r.channel}, {"status", r.status}},
                 static_cast<double>(r.count));
    out.family("guiche_outbox_oldest_age_seconds",
               "Idade da mensagem mais antiga do outbox, por canal e situação.", "gauge");
    for (const auto& r : rows) {
      const double age = std::chrono::duration<double>(now - r.oldest_created_at).count();
      out.sample("guiche_outbox_oldest_age_seconds", {{"channel", r.channel}, {"status", r.status}},
                 age > 0 ? age : 0);
    }
  });
}

}  // namespace guiche::app
