#pragma once
// A desk whose SLA policies run on the requester organization's calendar,
// and SEGER on a calendar of its own, "br-es-turno": Monday to Friday
// 07:00–13:00 (six working hours a day) instead of the desk's 08:00–18:00.
// The time left on a SEGER ticket's clock then differs from what the desk's
// calendar would say.
#include "app/calendars/calendars.hpp"
#include "app/directory/directory.hpp"
#include "app/intake/intake.hpp"
#include "app/sla/sla_admin.hpp"
#include "support/desk_world.hpp"

namespace guiche::testing {

inline void put_seger_on_a_shift_calendar(app::Desk& desk, World& w, const app::Actor& admin) {
  using std::chrono::hours;
  app::CalendarSpec shift;
  shift.name = "br-es-turno";
  shift.parent = "br-es";
  shift.week = sla::WorkingWeek::monday_to_friday(hours{7}, hours{13});
  desk.calendars().save_calendar(admin, shift);
  w.seger.calendar = "br-es-turno";
  w.seger = desk.directory().update_organization(admin, w.seger);
  auto config = sla::default_configuration();
  for (auto& p : config.policies) p.calendar = sla::CalendarChoice::organization;
  desk.sla().update_sla_configuration(admin, sla::to_json(config));
}

// A Crítica request of SEGER (resolution in 6 business hours).
inline Ticket register_critical(app::Desk& desk, const app::Actor& requester_actor,
                                std::int64_t requester_id) {
  app::RegisterRequest r;
  r.requester_id = requester_id;
  r.service_code = "SIS-ACESSO";
  r.subject = "Sistema parado";
  r.description = "Ninguém consegue lançar a folha.";
  r.form_answers = {{"sistema", "SIGEFES"}, {"matricula", "123456"}};
  r.impact = 1;
  r.urgency = 1;
  return desk.intake().register_request(requester_actor, r);
}

}  // namespace guiche::testing
