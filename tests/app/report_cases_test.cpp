// The reports' figures from the histories of tests/app/data/report_rollups.cases
// (its header says the format), on both engines: every expectation is checked
// on the roll-ups the ledger kept, then again after `admin rebuild-tickets`
// counted them afresh from the events, and again after the background
// recount (app/reports/report_recount.hpp) counted them from nothing.
#include <gmock/gmock.h>

#include <fstream>
#include <sstream>

#include "app/expect_error.hpp"
#include "app/intake/intake.hpp"
#include "app/reports/report_recount.hpp"
#include "app/reports/reports.hpp"
#include "app/sla/sla_admin.hpp"
#include "app/tickets/ticket_work.hpp"
#include "domain/report_day.hpp"
#include "store/report_rollup_rows.hpp"
#include "store/time_rollup_rows.hpp"
#include "support/desk_world.hpp"

namespace guiche::testing {
namespace {

struct ReportCase {
  std::string name;
  std::vector<std::string> lines;
};

std::vector<ReportCase> load_report_cases() {
  std::ifstream in(std::string(GUICHE_APP_CASES_DIR) + "/report_rollups.cases");
  std::vector<ReportCase> cases;
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

std::vector<std::string> report_words(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

std::pair<std::string, std::string> key_value(const std::string& word) {
  const auto eq = word.find('=');
  return {word.substr(0, eq), eq == std::string::npos ? "" : word.substr(eq + 1)};
}

// A duration in minutes against the histogram's figure (within 2 % of it).
void expect_minutes(const std::optional<std::int64_t>& ms, const std::string& expected,
                    const std::string& what) {
  ASSERT_TRUE(ms.has_value()) << what;
  const double minutes = static_cast<double>(*ms) / 60000.0;
  EXPECT_NEAR(minutes, std::stod(expected), std::stod(expected) * 0.02 + 0.5) << what;
}

class ReportCasesTest : public DeskTest {
 protected:
  std::map<std::string, std::int64_t> tickets;
  std::map<std::string, const Person*> requesters;  // each ticket's
  enum class Recount { none, rebuild, background };

  const Person& person_named(const std::string& name) {
    static const std::map<std::string, Person World::*> kPeople = {
        {"admin", &World::admin},
        {"manager_gesin", &World::manager_gesin},
        {"analyst_sis", &World::analyst_sis},
        {"requester_seger", &World::requester_seger},
        {"requester_sesa", &World::requester_sesa},
        {"manager_seger", &World::manager_seger},
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

  void act(const std::vector<std::string>& words) {
    clock.set(parse_instant(words[0]).value());
    const std::string& action = words[1];
    const std::string& name = words[2];
    std::map<std::string, std::string> opts;
    for (std::size_t i = 3; i < words.size(); ++i) opts.insert(key_value(words[i]));
    const auto agent = as(w.attendant);
    auto& work = desk->work();
    if (action == "register") {
      static const std::map<std::string, std::pair<int, int>> kSeverities = {
          {"critica", {1, 1}}, {"alta", {1, 2}}, {"media", {2, 2}}, {"baixa", {3, 3}}};
      const Person& requester = person_named(opts.count("by") ? opts["by"] : "requester_seger");
      app::RegisterRequest r;
      r.requester_id = requester.id;
      r.service_code = "SUP-TEC";
      // A service request: the severity's policy (SUP-TEC's own category,
      // technical consultation, has a rule of its own).
      r.category = Category::service_request;
      r.subject = "Chamado " + name;
      r.description = "Caso dos relatórios.";
      std::tie(r.impact, r.urgency) = kSeverities.at(opts["sev"]);
      const auto channel = parse_channel(opts.count("channel") ? opts["channel"] : "portal");
      const bool by_central = channel != Channel::portal;
      if (by_central) r.channel = channel;
      auto t = desk->intake().register_request(by_central ? agent : as(requester), r);
      tickets[name] = t.id;
      requesters[name] = &requester;
      if (opts.count("unit")) work.route(agent, t.id, unit_id(opts["unit"]), std::nullopt);
    } else if (action == "reply") {
      work.reply(agent, tickets.at(name), "Estamos verificando.");
    } else if (action == "ask") {
      work.reply(agent, tickets.at(name), "Pode enviar a tela do erro?", true);
    } else if (action == "answer") {
      work.reply(as(*requesters.at(name)), tickets.at(name), "Segue a tela.");
    } else if (action == "resolve") {
      work.resolve(agent, tickets.at(name), "Resolvido.",
                   opts.count("minutes") ? std::stoi(opts["minutes"]) : 10);
    } else if (action == "log") {
      work.log_time(agent, tickets.at(name), std::stoi(opts.at("minutes")), "Atendimento.");
    } else if (action == "reopen") {
      work.reopen(as(*requesters.at(name)), tickets.at(name), "Voltou a falhar.");
    } else if (action == "cancel") {
      work.cancel(agent, tickets.at(name), "Duplicado.");
    } else if (action == "route") {
      work.route(agent, tickets.at(name), unit_id(words[3]), std::nullopt);
    } else {
      FAIL() << "unknown action " << action;
    }
  }

  app::ReportQuery query(const std::vector<std::string>& words,
                         std::map<std::string, std::string>& opts) {
    app::ReportQuery q;
    q.first_day = parse_report_day(words[2]).value();
    q.last_day = parse_report_day(words[3]).value();
    for (std::size_t i = 4; i < words.size(); ++i) opts.insert(key_value(words[i]));
    if (opts.count("channel")) q.channel = opts["channel"];
    if (opts.count("org")) q.organization_id = opts["org"] == "seger" ? w.seger.id : w.sesa.id;
    return q;
  }

  void check(const std::vector<std::string>& words, const std::string& line) {
    SCOPED_TRACE(line);
    std::map<std::string, std::string> opts;
    const auto q = query(words, opts);
    const auto who = as(person_named(opts.count("as") ? opts["as"] : "admin"));
    auto& reports = desk->reports();
    if (words[1] == "denied" || words[1] == "unknown") {
      const auto denied = as(person_named(words[4]));
      const std::string expected = words[1] == "denied" ? "forbidden" : "not_found";
      EXPECT_EQ(outcome([&] { reports.volume(denied, q); }), expected);
      EXPECT_EQ(outcome([&] { reports.sla_compliance(denied, q); }), expected);
    } else if (words[1] == "breached") {
      std::vector<std::string> listed;
      for (const auto& b : reports.sla_compliance(who, q).breached) {
        for (const auto& [name, id] : tickets) {
          if (id == b.row.ticket_id) listed.push_back(name);
        }
      }
      std::string joined;
      for (const auto& n : listed) joined += (joined.empty() ? "" : ",") + n;
      EXPECT_EQ(joined, words[4] == "-" ? "" : words[4]);
    } else if (words[1] == "sla") {
      const auto r = reports.sla_compliance(who, q);
      const std::string group = words[4];
      const app::ComplianceLine* line_found = group == "total" ? &r.total : nullptr;
      for (const auto& l : r.by_severity) {
        if (group == "severity:" + l.key) line_found = &l;
      }
      app::ComplianceLine empty;
      const auto& l = line_found ? *line_found : empty;
      for (const auto& [key, value] : opts) {
        if (key == "as" || key == "channel" || key == "org") continue;
        const auto n = value.empty() ? 0 : std::stoll(value);
        if (key == "due") {
          EXPECT_EQ(l.counts.due, n) << key;
        }
        if (key == "met") {
          EXPECT_EQ(l.counts.met, n) << key;
        }
        if (key == "breached") {
          EXPECT_EQ(l.counts.breached, n) << key;
        }
        if (key == "pending") {
          EXPECT_EQ(l.counts.due - l.counts.met - l.counts.breached, n) << key;
        }
        if (key == "resolved") {
          EXPECT_EQ(l.counts.resolved, n) << key;
        }
        if (key == "reopened") {
          EXPECT_EQ(l.counts.reopened, n) << key;
        }
        if (key == "fr_p50") expect_minutes(l.first_response_p50_ms, value, key);
        if (key == "fr_p90") expect_minutes(l.first_response_p90_ms, value, key);
        if (key == "res_p50") expect_minutes(l.resolution_p50_ms, value, key);
        if (key == "res_p90") expect_minutes(l.resolution_p90_ms, value, key);
      }
    } else if (words[1] == "volume") {
      const auto r = reports.volume(who, q);
      for (const auto& [key, value] : opts) {
        if (key == "as" || key == "channel" || key == "org") continue;
        const auto n = key.rfind("time", 0) == 0 ? 0 : std::stoll(value);
        if (key == "registered") {
          EXPECT_EQ(r.registered, n) << key;
        }
        if (key == "ended") {
          EXPECT_EQ(r.ended, n) << key;
        }
        if (key == "open_now") {
          EXPECT_EQ(r.open_now, n) << key;
        }
        if (key.rfind("backlog:", 0) == 0) {
          const int day = parse_report_day(key.substr(8)).value();
          bool found = false;
          for (const auto& d : r.days) {
            if (d.day != day) continue;
            found = true;
            ASSERT_TRUE(d.backlog.has_value()) << key;
            EXPECT_EQ(*d.backlog, n) << key;
          }
          EXPECT_TRUE(found) << key;
        }
        // time=MINUTES/ENTRIES: the period's total; time:UNIT=...: a unit's
        // (every service).
        if (key == "time") {
          EXPECT_EQ(
              std::to_string(r.time_total.minutes) + "/" + std::to_string(r.time_total.entries),
              value)
              << key;
        }
        if (key.rfind("time:", 0) == 0) {
          const std::int64_t unit = unit_id(key.substr(5));
          LoggedDay sum;
          for (const auto& l : r.time_logged) {
            if (l.unit_id == unit) sum += l.logged;
          }
          EXPECT_EQ(std::to_string(sum.minutes) + "/" + std::to_string(sum.entries), value) << key;
        }
        if (key.rfind("aging:", 0) == 0) {
          bool found = false;
          for (const auto& a : r.aging) {
            if (a.key != key.substr(6)) continue;
            found = true;
            EXPECT_EQ(a.count, n) << key;
          }
          EXPECT_TRUE(found) << key;
        }
      }
    } else {
      FAIL() << "unknown expectation " << words[1];
    }
  }

  // The state migration v035 leaves: the roll-ups empty and a recount
  // pending up to the highest ticket id; then its batches, to the end.
  void recount_in_background() {
    database->db().write([](store::Connection& c) {
      store::clear_report_rollups(c);
      store::clear_time_rollups(c);
      c.execute_script(
          "DELETE FROM report_recount; INSERT INTO report_recount (id, total, done, cursor_id, "
          "last_id, finished_at) SELECT 1, count(*), 0, 0, COALESCE(max(id), 0), NULL "
          "FROM tickets");
    });
    while (desk->report_recount().run_batch(2)) {
    }
  }

  void run(const ReportCase& c, Recount recount) {
    SCOPED_TRACE(c.name + (recount == Recount::rebuild      ? " (após rebuild-tickets)"
                           : recount == Recount::background ? " (após a recontagem)"
                                                            : ""));
    for (const auto& line : c.lines) {
      const auto words = report_words(line);
      if (words[0] == "now") {
        clock.set(parse_instant(words[1]).value());
        desk->sla().record_sla_warnings();
        if (recount == Recount::rebuild) desk->work().rebuild_tickets();
        if (recount == Recount::background) recount_in_background();
      } else if (words[0] == "expect") {
        check(words, line);
      } else if (recount == Recount::none) {
        act(words);
      }
    }
  }
};

TEST_P(ReportCasesTest, RollupsGiveTheExpectedFigures) {
  const auto cases = load_report_cases();
  ASSERT_GE(cases.size(), 2u);
  for (const auto& c : cases) {
    TearDown();
    SetUp();
    tickets.clear();
    requesters.clear();
    run(c, Recount::none);
    // The same figures once the roll-ups are counted again from the events.
    run(c, Recount::rebuild);
    run(c, Recount::background);
  }
}

GUICHE_ON_BOTH_ENGINES(ReportCasesTest);

}  // namespace
}  // namespace guiche::testing
