#pragma once
// A number as Brazilians write it: a decimal comma ("33,3"), with `places`
// digits after it. The reports, their CSVs and the charter all show numbers
// this way.
#include <string>

namespace guiche::web {

std::string decimal_comma(double value, int places);

}  // namespace guiche::web
