#include "sla/closure_text.hpp"

#include <cstdio>

namespace guiche::sla {

using namespace std::chrono;

std::optional<minutes> parse_clock_time(std::string_view text) {
  auto digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9'; };
  if (text.size() != 5 || text[2] != ':' || !digit(0) || !digit(1) || !digit(3) || !digit(4))
    return std::nullopt;
  const int h = (text[0] - '0') * 10 + (text[1] - '0');
  const int m = (text[3] - '0') * 10 + (text[4] - '0');
  if (m > 59 || h > 24 || (h == 24 && m != 0)) return std::nullopt;
  return minutes{h * 60 + m};
}

std::string clock_text(minutes t) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%02d:%02d", static_cast<int>(t.count() / 60),
                static_cast<int>(t.count() % 60));
  return buffer;
}

const char* closure_kind_code(ClosureKind kind) {
  switch (kind) {
    case ClosureKind::all_day:
      return "all_day";
    case ClosureKind::closed_until:
      return "closed_until";
    case ClosureKind::closed_from:
      return "closed_from";
    case ClosureKind::open_only:
      return "open_only";
  }
  return "all_day";
}

std::optional<ClosureKind> parse_closure_kind(std::string_view code) {
  for (auto kind : {ClosureKind::all_day, ClosureKind::closed_until, ClosureKind::closed_from,
                    ClosureKind::open_only}) {
    if (code == closure_kind_code(kind)) return kind;
  }
  return std::nullopt;
}

ClosureKind kind_of(const DayClosure& closure) {
  if (closure.whole_day()) return ClosureKind::all_day;
  const bool opens_late = closure.open_from > minutes{0};
  const bool closes_early = closure.open_until < hours{24};
  if (opens_late && closes_early) return ClosureKind::open_only;
  return opens_late ? ClosureKind::closed_until : ClosureKind::closed_from;
}

std::optional<DayClosure> make_closure(ClosureKind kind, minutes from, minutes until) {
  auto inside = [](minutes t) { return t > minutes{0} && t < hours{24}; };
  switch (kind) {
    case ClosureKind::all_day:
      return DayClosure::all_day();
    case ClosureKind::closed_until:
      if (!inside(from)) return std::nullopt;
      return DayClosure::closed_until(from);
    case ClosureKind::closed_from:
      if (!inside(from)) return std::nullopt;
      return DayClosure::closed_from(from);
    case ClosureKind::open_only:
      if (from < minutes{0} || until > hours{24} || from >= until ||
          (from == minutes{0} && until == hours{24}))
        return std::nullopt;
      return DayClosure::open_only(from, until);
  }
  return std::nullopt;
}

bool is_well_formed(const DayClosure& closure) {
  if (closure == DayClosure::all_day()) return true;
  const auto kind = kind_of(closure);
  if (kind == ClosureKind::all_day) return false;
  auto rebuilt = kind == ClosureKind::closed_from
                     ? make_closure(kind, closure.open_until)
                     : make_closure(kind, closure.open_from, closure.open_until);
  return rebuilt && *rebuilt == closure;
}

}  // namespace guiche::sla
