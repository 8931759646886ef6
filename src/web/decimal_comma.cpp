#include "web/decimal_comma.hpp"

#include <cstdio>

namespace guiche::web {

std::string decimal_comma(double value, int places) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%.*f", places, value);
  std::string out = buffer;
  for (auto& c : out) {
    if (c == '.') c = ',';
  }
  return out;
}

}  // namespace guiche::web
