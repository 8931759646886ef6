#pragma once
// The calendars Guichê ships: national holidays by federal law and the state
// holidays of Espírito Santo and Mato Grosso do Sul (docs/domain.md, "Calendars").
// Pontos facultativos are not here: they are decided yearly and loaded as data.
#include <memory>

#include "sla/calendar_registry.hpp"

namespace guiche::sla {

// "br": national holidays, America/Sao_Paulo (horário de Brasília), Mon–Fri 08:00–18:00.
std::shared_ptr<const CalendarDefinition> national_calendar();
// "br-es": br + Nossa Senhora da Penha (Easter + 8), America/Sao_Paulo.
std::shared_ptr<const CalendarDefinition> espirito_santo_calendar();
// "br-ms": br + 11/10 Criação do Estado, America/Campo_Grande (UTC−4).
std::shared_ptr<const CalendarDefinition> mato_grosso_do_sul_calendar();

// A registry holding br, br-es and br-ms, built once (thread-safe).
const CalendarRegistry& builtin_calendars();

}  // namespace guiche::sla
