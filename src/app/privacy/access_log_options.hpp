#pragma once
// How the personal-data access log buffers its entries (access_log.hpp);
// apart so that DeskConfig can hold it without the log itself.
#include <chrono>
#include <cstddef>

namespace guiche::app {

struct AccessLogOptions {
  std::chrono::milliseconds flush_interval{1000};
  std::size_t flush_at = 10000;
  std::size_t max_buffered = 200000;
  // Off only for a benchmark's baseline: record() then keeps nothing.
  bool enabled = true;
};

}  // namespace guiche::app
