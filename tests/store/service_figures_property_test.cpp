// The charter's roll-ups (store/service_figure_rows.hpp, migration v025)
// against a brute-force count over the tickets, on both engines: random
// histories of registrations, resolutions, reopenings, ratings, service
// changes, cancellations and SLA changes across month boundaries; the median
// of the histogram within its stated 2 % of the exact one; the count afresh
// (the migration's backfill and `admin rebuild-tickets`) equal to both, and
// migration v025 run on a desk that already has tickets; the window's ends.
#include <gmock/gmock.h>

#include <algorithm>
#include <random>

#include "app/charter/charter.hpp"
#include "app/intake/intake.hpp"
#include "app/sla/sla_admin.hpp"
#include "app/tickets/ticket_work.hpp"
#include "domain/charter_month.hpp"
#include "domain/duration_histogram.hpp"
#include "domain/error.hpp"
#include "sla/policy.hpp"
#include "store/migrations/migrations.hpp"
#include "store/service_figure_rows.hpp"
#include "support/desk_world.hpp"

namespace guiche::testing {
namespace {

using Key = std::pair<std::int64_t, int>;  // service, month
using Counts = std::map<Key, std::vector<std::int64_t>>;
using Durations = std::map<std::tuple<std::int64_t, int, int>, std::int64_t>;

class ServiceFiguresPropertyTest : public DeskTest {
 protected:
  // Every ticket as it is stored, counted the way the charter means it.
  void brute_force(Counts& counts, Durations& durations,
                   std::map<std::int64_t, std::vector<std::int64_t>>* took = nullptr) {
    database->db().read([&](store::Connection& c) {
      for (const auto& r :
           c.query("SELECT t.service_id, t.created_at, t.resolved_at, t.rating, s.ticket_id, "
                   "s.breached FROM tickets t LEFT JOIN ticket_sla s ON s.ticket_id = t.id "
                   "AND s.target = 'resolution'")) {
        const Key key{r.integer(0), charter_month(from_millis(r.integer(1)))};
        auto& n = counts[key];
        n.resize(6, 0);
        n[0] += 1;
        if (auto resolved = r.optional_integer(2)) {
          n[1] += 1;
          if (!r.is_null(4)) n[2] += 1;
          if (!r.is_null(4) && r.integer(5) == 0) n[3] += 1;
          const auto ms = *resolved - r.integer(1);
          durations[{key.first, key.second, duration_bucket(ms)}] += 1;
          if (took) (*took)[key.first].push_back(ms);
        }
        if (auto rating = r.optional_integer(3)) {
          n[4] += 1;
          n[5] += *rating;
        }
      }
    });
  }
  // What the roll-ups hold, rows of zero left out.
  void kept(Counts& counts, Durations& durations) {
    database->db().read([&](store::Connection& c) {
      for (const auto& r :
           c.query("SELECT service_id, month, registered, resolved, resolved_with_clock, "
                   "resolved_in_time, ratings, rating_sum FROM service_month_figures")) {
        std::vector<std::int64_t> n;
        for (std::size_t i = 2; i < 8; ++i) n.push_back(r.integer(i));
        if (std::any_of(n.begin(), n.end(), [](auto x) { return x != 0; }))
          counts[{r.integer(0), static_cast<int>(r.integer(1))}] = n;
      }
      for (const auto& r :
           c.query("SELECT service_id, month, bucket, tickets FROM service_month_durations")) {
        if (r.integer(3) != 0)
          durations[{r.integer(0), static_cast<int>(r.integer(1)),
                     static_cast<int>(r.integer(2))}] = r.integer(3);
      }
    });
  }
  void expect_kept_equals_brute_force(const std::string& when) {
    Counts want, have;
    Durations want_d, have_d;
    brute_force(want, want_d);
    kept(have, have_d);
    EXPECT_EQ(have, want) << when;
    EXPECT_EQ(have_d, want_d) << when;
  }

  void set_consultation_hours(int hours) {
    auto config = sla::to_json(desk->sla().sla_configuration(as(w.admin)));
    for (auto& p : config["policies"]) {
      if (p["code"] == "consulta-tecnica")
        p["resolution"] = {{"unit", "calendar-hours"}, {"amount", hours}};
    }
    desk->sla().update_sla_configuration(as(w.admin), config);
  }

  Ticket register_for(const Service& s) {
    if (s.id == w.sis_access.id) return register_sis(w.requester_seger);
    app::RegisterRequest r;
    r.requester_id = w.requester_seger.id;
    r.service_code = s.code;
    r.subject = "Dúvida";
    r.description = "Uma dúvida sobre o sistema.";
    return desk->intake().register_request(as(w.requester_seger), r);
  }

  // One random history of `steps` actions.
  void random_history(unsigned seed, int steps) {
    std::mt19937 rng(seed);
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    const std::vector<Service> services = {w.sis_access, w.support};
    std::vector<std::int64_t> ids;
    for (int i = 0; i < steps; ++i) {
      // From minutes to weeks, so histories cross months and deadlines.
      const int minutes[] = {3, 50, 400, 3'000, 20'000};
      clock.advance(std::chrono::minutes(1 + pick(minutes[pick(5)])));
      const int action = ids.empty() ? 0 : pick(10);
      const auto id =
          ids.empty() ? 0 : ids[static_cast<std::size_t>(pick(static_cast<int>(ids.size())))];
      try {
        switch (action) {
          case 0:
          case 1:
            ids.push_back(register_for(services[static_cast<std::size_t>(pick(2))]).id);
            break;
          case 2:
            desk->work().route(as(w.attendant), id, w.central.id, std::nullopt);
            break;
          case 3:
          case 9:
            desk->work().resolve(as(w.attendant), id, "Feito.", 10);
            break;
          case 4:
            desk->work().reopen(as(w.requester_seger), id, "Voltou a acontecer.");
            break;
          case 5:
            desk->work().evaluate(as(w.requester_seger), id, 1 + pick(5), "");
            break;
          case 6: {
            app::Triage t;
            t.service_code = services[static_cast<std::size_t>(pick(2))].code;
            desk->work().triage(as(w.attendant), id, t);
            break;
          }
          case 7:
            desk->work().cancel(as(w.attendant), id, "Engano.");
            break;
          case 8:
            set_consultation_hours(pick(2) ? 2 : 400);
            break;
        }
      } catch (const DomainError&) {
        // Not allowed in this state (a rating before a resolution, ...): nothing changed.
      }
      if (i % 25 == 24)
        expect_kept_equals_brute_force("seed " + std::to_string(seed) + " step " +
                                       std::to_string(i));
    }
  }
};

TEST_P(ServiceFiguresPropertyTest, RollUpsEqualABruteForceCountOverRandomHistories) {
  for (unsigned seed : {1u, 2u, 3u}) random_history(seed, 100);
  expect_kept_equals_brute_force("end");

  // The median of the histogram within 2 % of the exact lower median.
  Counts counts;
  Durations durations;
  std::map<std::int64_t, std::vector<std::int64_t>> took;
  brute_force(counts, durations, &took);
  int medians = 0;
  for (auto& [service, all] : took) {
    std::sort(all.begin(), all.end());
    const auto exact = all[(all.size() - 1) / 2];
    std::map<int, std::int64_t> histogram;
    for (const auto& [key, n] : durations) {
      if (std::get<0>(key) == service) histogram[std::get<2>(key)] += n;
    }
    const auto approx = histogram_lower_median(histogram);
    ASSERT_TRUE(approx);
    EXPECT_LE(std::abs(*approx - exact), std::max<std::int64_t>(500, exact / 50))
        << "exact " << exact << " histogram " << *approx;
    ++medians;
  }
  EXPECT_GE(medians, 1);

  // The count afresh (the backfill of v025 and the end of rebuild-tickets)
  // says the same: SQL places months and buckets as the domain does.
  database->db().write([](store::Connection& c) { store::recount_service_figures(c); });
  expect_kept_equals_brute_force("recounted");
  // A drift of the roll-ups themselves is repaired by rebuild-tickets.
  database->db().write([](store::Connection& c) {
    c.query("UPDATE service_month_figures SET registered = registered + 7");
    c.query("DELETE FROM service_month_durations");
  });
  desk->work().rebuild_tickets();
  expect_kept_equals_brute_force("rebuilt");
}

TEST_P(ServiceFiguresPropertyTest, TheMigrationBackfillsFromTheTicketsThere) {
  random_history(4, 60);
  // The desk as it was before version 25, with its tickets.
  database->db().write([](store::Connection& c) {
    c.execute_script(
        "DROP TABLE service_month_figures; DROP TABLE service_month_durations; "
        "DROP TABLE duration_buckets; DELETE FROM schema_migrations WHERE version = 25;");
  });
  EXPECT_EQ(store::migrate(database->db()), 1);
  EXPECT_EQ(count("duration_buckets"), static_cast<std::int64_t>(duration_bucket_starts().size()));
  EXPECT_GT(count("service_month_durations"), 0);
  expect_kept_equals_brute_force("migrated");
}

TEST_P(ServiceFiguresPropertyTest, TheCharterReadsTheWindowFromTheRollUps) {
  // Registered on 2026-03-02: in the window until March 2027 ends (the 12
  // full months before April 2027 begin in April 2026).
  auto t = register_sis(w.requester_seger);
  desk->work().route(as(w.attendant), t.id, w.central.id, std::nullopt);
  clock.advance(std::chrono::hours(30));
  desk->work().resolve(as(w.attendant), t.id, "Feito.", 10);
  desk->work().evaluate(as(w.requester_seger), t.id, 4, "");
  auto f = desk->charter().figures(w.sis_access.id);
  EXPECT_EQ(f.registered, 1);
  EXPECT_EQ(f.resolved, 1);
  EXPECT_EQ(f.ratings, 1);
  ASSERT_TRUE(f.mean_rating);
  EXPECT_DOUBLE_EQ(*f.mean_rating, 4.0);
  ASSERT_TRUE(f.median_resolution);
  EXPECT_NEAR(static_cast<double>(f.median_resolution->count()), 30.0 * 3'600'000, 30.0 * 72'000);
  EXPECT_EQ(f.since, charter_month_start(202503));  // 2025-03-01 03:00Z

  clock.set(from_millis(1'806'548'400'000 - 1));  // 2027-03-31 23:59:59.999 in Brasília
  f = desk->charter().figures(w.sis_access.id);
  EXPECT_EQ(f.since, charter_month_start(202603));
  EXPECT_EQ(f.registered, 1);
  clock.advance(std::chrono::milliseconds(1));  // April 2027: March 2026 leaves the window
  f = desk->charter().figures(w.sis_access.id);
  EXPECT_EQ(f.since, charter_month_start(202604));
  EXPECT_EQ(f.registered, 0);
  EXPECT_FALSE(f.median_resolution);
}

GUICHE_ON_BOTH_ENGINES(ServiceFiguresPropertyTest);

}  // namespace
}  // namespace guiche::testing
