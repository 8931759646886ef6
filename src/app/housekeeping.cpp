#include "app/housekeeping.hpp"

namespace guiche::app {

Housekeeping::Housekeeping(Desk& desk, std::chrono::milliseconds period)
    : loop_("housekeeping", period, [&desk] {
        desk.close_expired_resolutions();
        desk.record_sla_warnings();
      }) {}

}  // namespace guiche::app
