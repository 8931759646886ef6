#include "app/desk_context.hpp"

#include <date/tz.h>

#include <filesystem>

#include "app/access_policy.hpp"
#include "domain/error.hpp"
#include "store/ticket_rows.hpp"
#include "store/unit_rows.hpp"
#include "support/random_hex.hpp"

namespace guiche::app {

DeskContext::DeskContext(store::Database& database, const Clock& desk_clock, DeskConfig desk_config)
    : db(database),
      clock(desk_clock),
      config(std::move(desk_config)),
      blobs((std::filesystem::path(config.data_dir) / "attachments").string()),
      calendars(database),
      credentials(config.credential_cache_ttl, 10'000),
      node_id(random_hex(12)) {}

Date DeskContext::local_date(Instant t) const {
  auto zoned = date::make_zoned(config.time_zone, t);
  auto local_day =
      std::chrono::floor<std::chrono::days>(std::chrono::local_time<std::chrono::milliseconds>(
          zoned.get_local_time().time_since_epoch()));
  return Date{std::chrono::sys_days{local_day.time_since_epoch()}};
}

std::shared_ptr<const std::vector<Unit>> DeskContext::unit_tree(store::Connection& c) {
  const Instant at = now();
  if (auto cached = credentials.units(at)) return cached;
  const auto generation = credentials.generation();
  auto units = std::make_shared<const std::vector<Unit>>(store::load_units(c));
  credentials.remember_units(units, at, generation);
  return units;
}

std::optional<Ticket> DeskContext::visible_ticket(store::Connection& c, const Actor& a,
                                                  std::int64_t ticket_id) {
  auto t = store::load_ticket(c, ticket_id);
  if (t && !can_view_ticket(a.person, *t, *unit_tree(c))) t.reset();
  return t;
}

void require_active(const Actor& a) {
  if (!a.person.active) {
    throw DomainError(DomainError::Kind::unauthenticated, "Usuário inativo.");
  }
  if (a.person.must_change_password) {
    throw forbidden("Altere a senha inicial antes de continuar (primeiro acesso).");
  }
}

}  // namespace guiche::app
