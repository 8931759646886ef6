// The calendar formats of the API (api/calendar_json.cpp): a calendar's
// definition (PUT /calendars/{name}: parent, time zone, working hours, holiday
// rules) and a year's pontos facultativos (PUT .../optional-days/{year}). A
// wrong value is a DomainError naming its field; what is accepted must be
// usable: every holiday rule falls on a valid date in the years around it.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>

#include "api/calendar_json.hpp"
#include "domain/error.hpp"
#include "sla/closure_text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto body = nlohmann::json::parse(data, data + size, nullptr, false);
  if (body.is_discarded() || !body.is_object()) return 0;  // the API's 400
  try {
    const auto spec = guiche::api::calendar_spec_from("fuzz", body);
    for (const auto& rule : spec.holidays) {
      if (!guiche::sla::is_well_formed(rule.closure)) __builtin_trap();
      for (int y = 2000; y <= 2040; y += 7) {
        if (const auto date = rule.date_in(std::chrono::year{y}); date && !date->ok())
          __builtin_trap();
      }
    }
  } catch (const guiche::DomainError&) {
  } catch (const nlohmann::json::exception&) {  // the API's 400 "JSON com tipos inesperados"
  }
  try {
    for (const auto& day : guiche::api::dated_closures_from(body)) {
      if (!day.date.ok() || !guiche::sla::is_well_formed(day.closure)) __builtin_trap();
    }
  } catch (const guiche::DomainError&) {
  } catch (const nlohmann::json::exception&) {
  }
  return 0;
}
