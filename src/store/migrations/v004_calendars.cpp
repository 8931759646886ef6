// Version 4: business calendars admins define (a municipality's or an
// organization's own, inheriting from a built-in one) and the dated closures
// loaded each year (pontos facultativos), for stored and built-in calendars.
// Built-in calendars live in the code (sla/builtin_calendars) and never here,
// so closures name their calendar without a foreign key.
namespace guiche::store {

extern const char* const kMigrationV004Calendars = R"SQL(
CREATE TABLE calendars (
  name TEXT PRIMARY KEY,
  parent_name TEXT NOT NULL,
  time_zone TEXT,
  has_own_week INTEGER NOT NULL DEFAULT 0,
  updated_at BIGINT NOT NULL
);

-- The calendar's own week, when has_own_week; otherwise it inherits one.
CREATE TABLE calendar_working_hours (
  calendar_name TEXT NOT NULL REFERENCES calendars(name),
  weekday INTEGER NOT NULL,
  from_minute INTEGER NOT NULL,
  until_minute INTEGER NOT NULL,
  PRIMARY KEY (calendar_name, weekday, from_minute)
);

-- kind: fixed (month, day_of_month), easter (easter_offset) or date (holiday_date).
-- open_from/open_until: the part of the day left open (equal: closed all day).
CREATE TABLE calendar_holidays (
  calendar_name TEXT NOT NULL REFERENCES calendars(name),
  position INTEGER NOT NULL,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  month INTEGER,
  day_of_month INTEGER,
  easter_offset INTEGER,
  holiday_date TEXT,
  first_year INTEGER,
  open_from_minute INTEGER NOT NULL DEFAULT 0,
  open_until_minute INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (calendar_name, position)
);

CREATE TABLE calendar_optional_days (
  calendar_name TEXT NOT NULL,
  closed_on TEXT NOT NULL,
  closed_year INTEGER NOT NULL,
  name TEXT NOT NULL,
  open_from_minute INTEGER NOT NULL DEFAULT 0,
  open_until_minute INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (calendar_name, closed_on)
);
CREATE INDEX calendar_optional_days_year ON calendar_optional_days(calendar_name, closed_year);
)SQL";

}  // namespace guiche::store
