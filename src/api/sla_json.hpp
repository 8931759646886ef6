#pragma once
// JSON of the SLA clock: a ticket's explained timeline, its cached summary,
// and the recompute job.
#include <nlohmann/json.hpp>
#include <vector>

#include "sla/clock.hpp"
#include "store/sla_recompute_job.hpp"
#include "store/ticket_clock.hpp"

namespace guiche::api {

nlohmann::json sla_timeline_json(std::int64_t ticket_id, const sla::SlaTimeline& t);
nlohmann::json sla_summary_json(const std::vector<store::TicketSlaRow>& rows);
// The clocks' recompute job (state "none" if there never was one).
nlohmann::json sla_recompute_json(const std::optional<store::SlaRecomputeJob>& job);

}  // namespace guiche::api
