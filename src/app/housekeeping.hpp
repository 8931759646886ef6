#pragma once
// Background work of a running server that comes from durable state:
// closing resolved tickets whose reopen window has ended, recording the SLA
// warnings and breaches that are due, sending the status notices' reminders
// that are due (app/incidents/notice_reminders.hpp), warning the ouvidoria of
// manifestações' deadlines, and forgetting
// unconfirmed status page subscriptions once their link expired. Safe to run
// on several nodes at once
// (each decision re-checks the ticket's events under its lock).
#include <chrono>

#include "app/desk.hpp"
#include "app/periodic.hpp"

namespace guiche::app {

class Housekeeping {
 public:
  Housekeeping(Desk& desk, std::chrono::milliseconds period);

 private:
  Periodic loop_;
};

}  // namespace guiche::app
