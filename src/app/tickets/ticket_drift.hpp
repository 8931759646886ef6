#pragma once
// The read-only twin of `admin rebuild-tickets` (tickets/ticket_rebuild.cpp):
// folds each ticket's events and compares the result with the stored row,
// writing nothing. `guiche check` reports what it finds; the rebuild repairs it.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace guiche::app {

struct TicketDrift {
  std::int64_t ticket_id = 0;
  std::string protocol;             // as the stored row has it
  std::vector<std::string> fields;  // the row's fields that differ from the events ("status", ...)
};

struct DriftReport {
  std::int64_t checked = 0;
  std::vector<TicketDrift> drifted;
};

// In batches of `batch` tickets, one read transaction each, so a large desk is
// checked without holding one snapshot open for the whole walk.
DriftReport find_ticket_drift(store::Database& db, int batch = 200);

}  // namespace guiche::app
