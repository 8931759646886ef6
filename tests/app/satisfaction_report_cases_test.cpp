// The satisfaction report's and the charter panel's figures from the
// histories of tests/app/data/satisfaction_reports.cases (its header says the
// format), on both engines: every expectation is checked on the roll-ups the
// ledger kept, then again after `admin rebuild-tickets` counted them afresh,
// and after the background recount counted them from nothing.
#include <gmock/gmock.h>

#include <fstream>
#include <sstream>

#include "app/charter/charter.hpp"
#include "app/expect_error.hpp"
#include "app/intake/intake.hpp"
#include "app/reports/charter_panel.hpp"
#include "app/reports/report_query.hpp"
#include "app/reports/report_recount.hpp"
#include "app/reports/satisfaction_report.hpp"
#include "app/sla/sla_admin.hpp"
#include "app/tickets/ticket_work.hpp"
#include "domain/charter_month.hpp"
#include "domain/report_day.hpp"
#include "support/desk_world.hpp"

namespace guiche::testing {
namespace {

struct SatisfactionCase {
  std::string name;
  std::vector<std::string> lines;
};

std::vector<SatisfactionCase> load_satisfaction_cases() {
  std::ifstream in(std::string(GUICHE_APP_CASES_DIR) + "/satisfaction_reports.cases");
  std::vector<SatisfactionCase> cases;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (line.rfind("case ", 0) == 0) {
      cases.push_back({line.substr(5), {}});
    } else if (line != "end" && !cases.empty()) {
      cases.back().lines.push_back(line);
    }
  }
  return cases;
}

std::vector<std::string> case_words(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

std::pair<std::string, std::string> case_key_value(const std::string& word) {
  const auto eq = word.find('=');
  return {word.substr(0, eq), eq == std::string::npos ? "" : word.substr(eq + 1)};
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ",") + n;
  return out;
}

class SatisfactionCasesTest : public DeskTest {
 protected:
  std::map<std::string, std::int64_t> tickets;
  std::map<std::string, Person> requesters;  // who registered each ticket, who rates it

  const Person& person_named(const std::string& name) {
    static const std::map<std::string, Person World::*> kPeople = {
        {"admin", &World::admin},
        {"manager_gesin", &World::manager_gesin},
        {"manager_seger", &World::manager_seger},
        {"analyst_sis", &World::analyst_sis},
        {"requester_seger", &World::requester_seger},
        {"attendant", &World::attendant}};
    return w.*kPeople.at(name);
  }

  std::int64_t unit_id(const std::string& code) {
    for (const auto* u : {&w.sgsis, &w.sgdba, &w.gesin, &w.geinf, &w.central}) {
      if (u->code == code) return u->id;
    }
    ADD_FAILURE() << "unknown unit " << code;
    return 0;
  }

  std::int64_t service_id(const std::string& code) {
    for (const auto* s : {&w.support, &w.servants, &w.sis_access, &w.project}) {
      if (s->code == code) return s->id;
    }
    ADD_FAILURE() << "unknown service " << code;
    return 0;
  }

  std::string ticket_name(std::int64_t id) {
    for (const auto& [name, known] : tickets) {
      if (known == id) return name;
    }
    return "?" + std::to_string(id);
  }

  void act(const std::string& line, const std::vector<std::string>& words) {
    clock.set(parse_instant(words[0]).value());
    const std::string& action = words[1];
    const std::string& name = words[2];
    std::map<std::string, std::string> opts;
    for (std::size_t i = 3; i < words.size(); ++i) opts.insert(case_key_value(words[i]));
    const auto agent = as(w.attendant);
    auto& work = desk->work();
    if (action == "register") {
      static const std::map<std::string, std::pair<int, int>> kSeverities = {
          {"critica", {1, 1}}, {"alta", {1, 2}}, {"media", {2, 2}}, {"baixa", {3, 3}}};
      const Person requester = opts["by"] == "sesa" ? w.requester_sesa : w.requester_seger;
      requesters[name] = requester;
      app::RegisterRequest r;
      r.requester_id = requester.id;
      r.service_code = opts.count("svc") ? opts["svc"] : "SUP-TEC";
      r.category = Category::service_request;
      r.subject = "Chamado " + name;
      r.description = "Caso da satisfação.";
      std::tie(r.impact, r.urgency) = kSeverities.at(opts["sev"]);
      const auto channel = parse_channel(opts.count("channel") ? opts["channel"] : "portal");
      const bool by_central = channel != Channel::portal;
      if (by_central) r.channel = channel;
      auto t = desk->intake().register_request(by_central ? agent : as(requester), r);
      tickets[name] = t.id;
      if (opts.count("unit")) work.route(agent, t.id, unit_id(opts["unit"]), std::nullopt);
    } else if (action == "resolve") {
      work.resolve(agent, tickets.at(name), "Resolvido.", 10);
    } else if (action == "evaluate") {
      // The comment: the rest of the line after the stars, as written.
      const auto at = line.find(" " + words[3], line.find(" " + name + " "));
      std::string comment = line.substr(at + 1 + words[3].size());
      comment.erase(0, comment.find_first_not_of(' '));
      work.evaluate(as(requesters.at(name)), tickets.at(name), std::stoi(words[3]), comment);
    } else if (action == "reopen") {
      work.reopen(as(requesters.at(name)), tickets.at(name), "Voltou a falhar.");
    } else if (action == "cancel") {
      work.cancel(agent, tickets.at(name), "Duplicado.");
    } else if (action == "route") {
      work.route(agent, tickets.at(name), unit_id(words[3]), std::nullopt);
    } else {
      FAIL() << "unknown action " << action;
    }
  }

  app::ReportQuery query(const std::vector<std::string>& words, std::size_t from,
                         std::map<std::string, std::string>& opts) {
    app::ReportQuery q;
    q.first_day = parse_report_day(words[2]).value();
    q.last_day = parse_report_day(words[3]).value();
    for (std::size_t i = from; i < words.size(); ++i) opts.insert(case_key_value(words[i]));
    if (opts.count("channel")) q.channel = opts["channel"];
    if (opts.count("org")) q.organization_id = opts["org"] == "sesa" ? w.sesa.id : w.seger.id;
    return q;
  }

  void check_line(const app::RatingLine& l, const std::map<std::string, std::string>& opts) {
    for (const auto& [key, value] : opts) {
      if (key == "as" || key == "channel" || key == "org") continue;
      if (key == "rate") {
        ASSERT_TRUE(l.response_percent.has_value()) << key;
        EXPECT_NEAR(*l.response_percent, std::stod(value), 0.01) << key;
      } else if (key == "avg") {
        ASSERT_TRUE(l.average.has_value()) << key;
        EXPECT_NEAR(*l.average, std::stod(value), 0.01) << key;
      } else if (key == "asked") {
        EXPECT_EQ(l.counts.asked, std::stoll(value)) << key;
      } else if (key == "rated") {
        EXPECT_EQ(l.counts.rated(), std::stoll(value)) << key;
      } else if (key == "commented") {
        EXPECT_EQ(l.counts.commented, std::stoll(value)) << key;
      } else if (key.size() == 2 && key[0] == 's' && key[1] >= '1' && key[1] <= '5') {
        EXPECT_EQ(l.counts.stars[static_cast<std::size_t>(key[1] - '1')], std::stoll(value)) << key;
      } else {
        ADD_FAILURE() << "unknown count " << key;
      }
    }
  }

  void check_charter(const std::vector<std::string>& words) {
    std::map<std::string, std::string> opts;
    const bool listing = words[4] == "services";
    const auto q = query(words, listing ? 6 : 5, opts);
    const auto who = as(person_named(opts.count("as") ? opts["as"] : "admin"));
    const auto panel = desk->charter_panels().panel(who, q);
    if (listing) {
      std::vector<std::string> codes;
      for (const auto& s : panel.services) codes.push_back(s.code);
      EXPECT_EQ(joined(codes), words[5]);
      return;
    }
    const auto code = words[4].substr(std::string("service:").size());
    const app::CharterPanelLine* line = nullptr;
    for (const auto& s : panel.services) {
      if (s.code == code) line = &s;
    }
    ASSERT_NE(line, nullptr) << code;
    const auto& f = line->figures;
    for (const auto& [key, value] : opts) {
      if (key == "as") continue;
      if (key == "registered") {
        EXPECT_EQ(f.registered, std::stoll(value)) << key;
      } else if (key == "resolved") {
        EXPECT_EQ(f.resolved, std::stoll(value)) << key;
      } else if (key == "ratings") {
        EXPECT_EQ(f.ratings, std::stoll(value)) << key;
      } else if (key == "in_time") {
        ASSERT_TRUE(f.in_time_share.has_value()) << key;
        EXPECT_NEAR(*f.in_time_share * 100.0, std::stod(value), 0.01) << key;
      } else if (key == "mean") {
        ASSERT_TRUE(f.mean_rating.has_value()) << key;
        EXPECT_NEAR(*f.mean_rating, std::stod(value), 0.01) << key;
      } else if (key == "median") {
        ASSERT_TRUE(f.median_resolution.has_value()) << key;
        const double minutes = static_cast<double>(f.median_resolution->count()) / 60000.0;
        EXPECT_NEAR(minutes, std::stod(value), std::stod(value) * 0.02 + 0.5) << key;
      } else {
        ADD_FAILURE() << "unknown figure " << key;
      }
    }
  }

  // Over the Carta's own months, the panel shows the Carta's figures.
  void check_carta() {
    const int last_month = charter_month(clock.now());
    app::ReportQuery q;
    q.first_day = months_before(last_month, 12) * 100 + 1;
    q.last_day = report_day(clock.now());
    const auto panel = desk->charter_panels().panel(as(w.admin), q);
    ASSERT_FALSE(panel.services.empty());
    for (const auto& s : panel.services) {
      const auto carta = desk->charter().figures(s.service_id);
      EXPECT_EQ(s.figures.registered, carta.registered) << s.code;
      EXPECT_EQ(s.figures.resolved, carta.resolved) << s.code;
      EXPECT_EQ(s.figures.in_time_share, carta.in_time_share) << s.code;
      EXPECT_EQ(s.figures.median_resolution, carta.median_resolution) << s.code;
      EXPECT_EQ(s.figures.ratings, carta.ratings) << s.code;
      EXPECT_EQ(s.figures.mean_rating, carta.mean_rating) << s.code;
    }
  }

  void check(const std::vector<std::string>& words, const std::string& line) {
    SCOPED_TRACE(line);
    if (words[1] == "carta") return check_carta();
    if (words[1] == "charter") return check_charter(words);
    std::map<std::string, std::string> opts;
    auto& reports = desk->satisfaction_reports();
    if (words[1] == "unknown") {
      // An organization outside the scope is unknown to that person.
      const auto q = query(words, 5, opts);
      const auto who = as(person_named(words[4]));
      EXPECT_EQ(outcome([&] { reports.satisfaction(who, q); }), "not_found");
    } else if (words[1] == "denied") {
      const auto q = query(words, 5, opts);
      const auto denied = as(person_named(words[4]));
      EXPECT_EQ(outcome([&] { reports.satisfaction(denied, q); }), "forbidden");
      EXPECT_EQ(outcome([&] { desk->charter_panels().panel(denied, q); }), "forbidden");
    } else if (words[1] == "comments") {
      const auto q = query(words, 5, opts);
      const auto who = as(person_named(opts.count("as") ? opts["as"] : "admin"));
      const int page = opts.count("page") ? std::stoi(opts["page"]) : 50;
      std::vector<std::string> listed;
      std::optional<store::RatingCursor> after;
      for (int pages = 0; pages < 20; ++pages) {
        // Through the cursor's text, as the pages and the API pass it.
        const auto r = reports.satisfaction(who, q, after, page);
        for (const auto& c : r.comments) listed.push_back(ticket_name(c.row.ticket_id));
        if (!r.next) break;
        after = app::parse_rating_cursor(app::rating_cursor_text(*r.next));
      }
      EXPECT_EQ(joined(listed), words[4]);
    } else if (words[1] == "satisfaction") {
      const auto q = query(words, 5, opts);
      const auto who = as(person_named(opts.count("as") ? opts["as"] : "admin"));
      const auto r = reports.satisfaction(who, q);
      const std::string group = words[4];
      if (group == "total") return check_line(r.total, opts);
      app::RatingLine empty;
      const app::RatingLine* found = &empty;
      if (group.rfind("unit:", 0) == 0) {
        const auto id = std::to_string(unit_id(group.substr(5)));
        for (const auto& l : r.by_unit) {
          if (l.key == id) found = &l;
        }
      } else if (group.rfind("service:", 0) == 0) {
        const auto id = std::to_string(service_id(group.substr(8)));
        for (const auto& l : r.by_service) {
          if (l.key == id) found = &l;
        }
      } else {
        FAIL() << "unknown group " << group;
      }
      check_line(*found, opts);
    } else {
      FAIL() << "unknown expectation " << words[1];
    }
  }

  enum class Recount { none, rebuild, background };

  // The roll-ups counted from nothing by the background recount
  // (app/reports/report_recount.hpp), as after migration v035: the rating
  // roll-ups are counted with the others, ticket by ticket.
  void recount_in_background() {
    database->db().write([](store::Connection& c) {
      store::clear_report_rollups(c);
      store::clear_rating_rollups(c);
      c.execute_script(
          "DELETE FROM report_recount; INSERT INTO report_recount (id, total, done, cursor_id, "
          "last_id, finished_at) SELECT 1, count(*), 0, 0, COALESCE(max(id), 0), NULL "
          "FROM tickets");
    });
    while (desk->report_recount().run_batch(2)) {
    }
  }

  void run(const SatisfactionCase& c, Recount recount) {
    SCOPED_TRACE(c.name + (recount == Recount::rebuild      ? " (após rebuild-tickets)"
                           : recount == Recount::background ? " (após a recontagem)"
                                                            : ""));
    for (const auto& line : c.lines) {
      const auto words = case_words(line);
      if (words[0] == "now") {
        clock.set(parse_instant(words[1]).value());
        desk->sla().record_sla_warnings();
        if (recount == Recount::rebuild) desk->work().rebuild_tickets();
        if (recount == Recount::background) recount_in_background();
      } else if (words[0] == "expect") {
        check(words, line);
      } else if (recount == Recount::none) {
        act(line, words);
      }
    }
  }
};

TEST_P(SatisfactionCasesTest, RollupsGiveTheExpectedFigures) {
  const auto cases = load_satisfaction_cases();
  ASSERT_GE(cases.size(), 2u);
  for (const auto& c : cases) {
    TearDown();
    SetUp();
    tickets.clear();
    requesters.clear();
    run(c, Recount::none);
    // The same figures once the roll-ups are counted again from the events, at
    // once and in the background.
    run(c, Recount::rebuild);
    run(c, Recount::background);
  }
}

// The charter's roll-ups hold no organization, severity, channel or category:
// the panel refuses those filters rather than ignore them.
TEST_P(SatisfactionCasesTest, TheCharterPanelRefusesFiltersItCannotApply) {
  app::ReportQuery q;
  q.first_day = 20260301;
  q.last_day = 20260331;
  q.channel = "email";
  EXPECT_EQ(outcome([&] { desk->charter_panels().panel(as(w.admin), q); }), "validation");
  q.channel.reset();
  q.organization_id = w.seger.id;
  EXPECT_EQ(outcome([&] { desk->charter_panels().panel(as(w.admin), q); }), "validation");
  q.organization_id.reset();
  q.unit_id = w.sgdba.id;
  // A unit outside a manager's scope is unknown to them.
  EXPECT_EQ(outcome([&] { desk->charter_panels().panel(as(w.manager_gesin), q); }), "not_found");
}

// The backfill of migration v033 counts, from the reports' shares and the
// tickets' rows, what the ledger counted ticket by ticket.
TEST_P(SatisfactionCasesTest, TheMigrationBackfillCountsWhatTheLedgerKept) {
  clock.set(parse_instant("2026-03-02T09:00-03:00").value());
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 3; ++i) {
    app::RegisterRequest r;
    r.requester_id = w.requester_seger.id;
    r.service_code = "SUP-TEC";
    r.category = Category::service_request;
    r.subject = "Backfill";
    r.description = "Caso da migração.";
    r.impact = 1;
    r.urgency = 1;
    ids.push_back(desk->intake().register_request(as(w.requester_seger), r).id);
    desk->work().route(as(w.attendant), ids.back(), w.sgsis.id, std::nullopt);
  }
  clock.advance(std::chrono::hours(1));
  desk->work().resolve(as(w.attendant), ids[0], "Feito.", 5);
  desk->work().resolve(as(w.attendant), ids[1], "Feito.", 5);
  desk->work().evaluate(as(w.requester_seger), ids[0], 4, "Bom.");
  app::ReportQuery q;
  q.first_day = 20260301;
  q.last_day = 20260331;
  const auto kept = desk->satisfaction_reports().satisfaction(as(w.admin), q);
  desk->database().write(
      [](store::Connection& c) { c.execute_script(store::backfill_rating_rollups_sql()); });
  const auto counted = desk->satisfaction_reports().satisfaction(as(w.admin), q);
  EXPECT_EQ(kept.total.counts.asked, 2);
  EXPECT_EQ(kept.total.counts.rated(), 1);
  EXPECT_EQ(counted.total.counts, kept.total.counts);
  ASSERT_EQ(counted.comments.size(), 1u);
  EXPECT_EQ(counted.comments[0].row.comment, "Bom.");
}

GUICHE_ON_BOTH_ENGINES(SatisfactionCasesTest);

}  // namespace
}  // namespace guiche::testing
