#pragma once
// Brings the changes committed through other server nodes to this node's
// live pages: reads the shared live_changes every `period` and, now and then,
// prunes the rows every node has had time to read.
#include <chrono>

#include "app/desk.hpp"
#include "app/live/live_cursor.hpp"
#include "app/periodic.hpp"

namespace guiche::app {

class LiveRelay {
 public:
  LiveRelay(Desk& desk, std::chrono::milliseconds period);

 private:
  LiveCursor cursor_;
  int rounds_ = 0;
  Periodic loop_;  // last: it starts using the members above at once
};

}  // namespace guiche::app
