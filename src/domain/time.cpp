#include "domain/time.hpp"

#include <cstdio>
#include <regex>

namespace guiche {

using namespace std::chrono;

namespace {

// `width` decimal digits of `value` (zero-padded) at `at`.
void put_digits(char* at, long value, int width) {
  for (int i = width - 1; i >= 0; --i) {
    at[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
}

}  // namespace

// Digits put in place rather than through snprintf: every ticket in an API
// list carries several instants, and snprintf was 8 % of a queue page's
// time (bench/desk_scale.cpp).
std::string format_utc(Instant t) {
  auto day = floor<days>(t);
  year_month_day ymd{day};
  hh_mm_ss hms{t - day};
  const int y = static_cast<int>(ymd.year());
  std::string out = "0000";
  if (y >= 0 && y <= 9999) {
    put_digits(&out[0], y, 4);
  } else {
    char year[16];
    std::snprintf(year, sizeof year, "%04d", y);
    out = year;
  }
  const std::size_t at = out.size();
  out += "-00-00T00:00:00.000Z";
  put_digits(&out[at + 1], static_cast<unsigned>(ymd.month()), 2);
  put_digits(&out[at + 4], static_cast<unsigned>(ymd.day()), 2);
  put_digits(&out[at + 7], static_cast<long>(hms.hours().count()), 2);
  put_digits(&out[at + 10], static_cast<long>(hms.minutes().count()), 2);
  put_digits(&out[at + 13], static_cast<long>(hms.seconds().count()), 2);
  put_digits(&out[at + 16], static_cast<long>(hms.subseconds().count()), 3);
  return out;
}

std::optional<Date> parse_date(const std::string& text) {
  static const std::regex pattern(R"((\d{4})-(\d{2})-(\d{2}))");
  std::smatch m;
  if (!std::regex_match(text, m, pattern)) return std::nullopt;
  year_month_day d{year{std::stoi(m[1])}, month{static_cast<unsigned>(std::stoi(m[2]))},
                   day{static_cast<unsigned>(std::stoi(m[3]))}};
  if (!d.ok()) return std::nullopt;
  return d;
}

std::string format_date(Date d) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  return buffer;
}

std::string format_date_br(Date d) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%02u/%02u/%04d", static_cast<unsigned>(d.day()),
                static_cast<unsigned>(d.month()), static_cast<int>(d.year()));
  return buffer;
}

std::optional<Instant> parse_instant(const std::string& text) {
  static const std::regex pattern(
      R"((\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):(\d{2})))");
  std::smatch m;
  if (!std::regex_match(text, m, pattern)) return std::nullopt;
  auto date = parse_date(m[1]);
  if (!date) return std::nullopt;
  int h = std::stoi(m[2]), mi = std::stoi(m[3]), s = m[4].matched ? std::stoi(m[4]) : 0;
  if (h > 23 || mi > 59 || s > 59) return std::nullopt;
  long ms = 0;
  if (m[5].matched) {
    std::string frac = m[5].str() + "00";
    ms = std::stol(frac.substr(0, 3));
  }
  Instant t = sys_days{*date} + hours{h} + minutes{mi} + seconds{s} + milliseconds{ms};
  if (m[6] != "Z") {
    int oh = std::stoi(m[8]), om = std::stoi(m[9]);
    if (oh > 14 || om > 59) return std::nullopt;
    auto offset = hours{oh} + minutes{om};
    t = (m[7] == "+") ? t - offset : t + offset;
  }
  return t;
}

}  // namespace guiche
