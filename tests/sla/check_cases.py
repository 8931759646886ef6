#!/usr/bin/env python3
"""Independent oracle for tests/sla/data/*.cases.

Recomputes every case with a deliberately different method from src/sla/:
business hours minute by minute in UTC (a minute counts if its local time lies
in the day's working hours), Easter from python-dateutil, offsets from
zoneinfo. Prints lines whose expected value differs. With --fill, prints each
case line with its expected value computed (for writing new cases; review them).

    python3 tests/sla/check_cases.py [--fill] [files...]
"""
import datetime as dt
import glob
import os
import sys
from zoneinfo import ZoneInfo

from dateutil.easter import easter

UTC = dt.timezone.utc
MINUTE = dt.timedelta(minutes=1)
DAY_MINUTES = 24 * 60


def national(year):
    days = {dt.date(year, m, d) for d, m in
            [(1, 1), (21, 4), (1, 5), (7, 9), (12, 10), (2, 11), (15, 11), (25, 12)]}
    if year >= 2024:
        days.add(dt.date(year, 11, 20))
    days.add(easter(year) - dt.timedelta(days=2))
    return days


def office(f, u):
    return {wd: [(f * 60, u * 60)] for wd in range(5)}  # Monday = 0


BASES = {
    "br": ("America/Sao_Paulo", office(8, 18), national),
    "br-es": ("America/Sao_Paulo", office(8, 18),
              lambda y: national(y) | {easter(y) + dt.timedelta(days=8)}),
    "br-ms": ("America/Campo_Grande", office(8, 18),
              lambda y: national(y) | {dt.date(y, 10, 11)}),
    "test-24x7": ("America/Sao_Paulo", {wd: [(0, DAY_MINUTES)] for wd in range(7)},
                  lambda y: set()),
    "test-split": ("America/Sao_Paulo", {wd: [(480, 720), (840, 1080)] for wd in range(5)},
                   national),
}


class Calendar:
    def __init__(self, spec):
        parts = spec.split("+")
        self.zone_name, self.week, self.holidays = BASES[parts[0]]
        self.zone = ZoneInfo(self.zone_name)
        self.extra = {}  # date -> (open_from, open_until) minutes
        for p in parts[1:]:
            kind, arg = p.split(":", 1)
            if kind == "closed":
                self.close(dt.date.fromisoformat(arg), (0, 0))
            else:
                day, clock = arg.split("@")
                h, m = map(int, clock.split(":"))
                window = (h * 60 + m, DAY_MINUTES) if kind == "closed-until" else (0, h * 60 + m)
                assert kind in ("closed-until", "closed-from"), kind
                self.close(dt.date.fromisoformat(day), window)

    def close(self, day, window):
        old = self.extra.get(day, (0, DAY_MINUTES))
        self.extra[day] = (max(old[0], window[0]), min(old[1], window[1]))

    def hours(self, day):
        if day in self.holidays(day.year):
            return []
        window = self.extra.get(day, (0, DAY_MINUTES))
        out = []
        for f, u in self.week.get(day.weekday(), []):
            f, u = max(f, window[0]), min(u, window[1])
            if f < u:
                out.append((f, u))
        return out

    def local(self, t):
        return t.astimezone(self.zone)

    def working_minute(self, t):
        lt = self.local(t)
        m = lt.hour * 60 + lt.minute
        return any(f <= m < u for f, u in self.hours(lt.date()))

    def local_to_utc_latest(self, day, minute):
        """The instant of a local interval end: second occurrence if repeated,
        the transition if it never happened."""
        naive = dt.datetime.combine(day, dt.time()) + dt.timedelta(minutes=minute)
        t = naive.replace(tzinfo=self.zone, fold=1).astimezone(UTC)
        if self.local(t).replace(tzinfo=None) == naive:
            return t
        t = naive.replace(tzinfo=self.zone, fold=0).astimezone(UTC) - dt.timedelta(hours=3)
        while self.local(t).replace(tzinfo=None) < naive:
            t += MINUTE
        return t


def deadline(cal, start, unit, amount):
    if amount == 0:
        return start
    if unit == "calendar-hours":
        return start + dt.timedelta(hours=amount)
    if unit == "business-hours":
        assert start.second == 0 and start.microsecond == 0
        t, left = start, amount * 60
        while True:
            if cal.working_minute(t):
                left -= 1
                if left == 0:
                    return t + MINUTE
            t += MINUTE
    assert unit == "business-days", unit
    day, counted = cal.local(start).date(), 0
    while True:
        day += dt.timedelta(days=1)
        h = cal.hours(day)
        if h:
            counted += 1
            if counted == amount:
                return cal.local_to_utc_latest(day, h[-1][1])


def parse_start(cal, text):
    t = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    if t.tzinfo is None:
        t = t.replace(tzinfo=cal.zone)
    return t.astimezone(UTC)


def main(argv):
    fill = "--fill" in argv
    files = [a for a in argv if not a.startswith("--")] or sorted(
        glob.glob(os.path.join(os.path.dirname(__file__), "data", "*.cases")))
    bad = total = 0
    for path in files:
        for number, line in enumerate(open(path, encoding="utf-8"), 1):
            text = line.split("#", 1)[0].split()
            if not text:
                if fill:
                    print(line, end="")
                continue
            spec, start, unit, amount = text[:4]
            cal = Calendar(spec)
            got = cal.local(deadline(cal, parse_start(cal, start), unit, int(amount))).isoformat()
            total += 1
            if fill:
                print(f"{spec} {start} {unit} {amount} {got}")
            elif len(text) < 5 or text[4] != got:
                bad += 1
                print(f"{path}:{number}: expected {text[4] if len(text) > 4 else '?'}, oracle {got}")
    if not fill:
        print(f"{total} cases, {bad} differ")
    # No case read is a failure too: a moved data folder must not pass silently.
    return 1 if bad or not total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
