#pragma once
// Easter Sunday, the anchor of the movable holidays (Carnaval, Sexta-feira Santa,
// Corpus Christi, Nossa Senhora da Penha).
#include <chrono>

#include "domain/time.hpp"

namespace guiche::sla {

// Easter Sunday of the Gregorian year `y` by the anonymous Gregorian algorithm
// (Meeus/Jones/Butcher), integer arithmetic only. Valid for every year >= 1583.
Date easter_sunday(std::chrono::year y);

}  // namespace guiche::sla
