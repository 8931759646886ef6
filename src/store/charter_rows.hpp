#pragma once
// The Carta de Serviços' header, the unit's own part of it (migration v020);
// the measured figures are store/service_figure_rows.hpp's.
#include <cstdint>
#include <optional>

#include "domain/charter_header.hpp"
#include "domain/time.hpp"
#include "store/database.hpp"

namespace guiche::store {

std::optional<CharterHeader> load_charter_header(Connection& c);
void save_charter_header(Connection& c, const CharterHeader& h, Instant at, std::int64_t by);

}  // namespace guiche::store
