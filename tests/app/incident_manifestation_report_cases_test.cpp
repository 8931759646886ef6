// The incidents and manifestações reports' figures from the histories of
// tests/app/data/incident_report.cases and
// tests/app/data/manifestation_report.cases (each file's header says its
// format), on both engines, through the use cases that write those
// histories (app/incidents/, app/manifestations/).
#include <gmock/gmock.h>

#include <fstream>
#include <sstream>

#include "app/expect_error.hpp"
#include "app/incidents/notice_tickets.hpp"
#include "app/manifestations/manifestations.hpp"
#include "app/reports/incident_report.hpp"
#include "app/reports/manifestation_report.hpp"
#include "domain/report_day.hpp"
#include "support/incident_world.hpp"

namespace guiche::testing {
namespace {

struct ReportDataCase {
  std::string name;
  std::vector<std::string> lines;
};

std::vector<ReportDataCase> load_cases(const std::string& file) {
  std::ifstream in(std::string(GUICHE_APP_CASES_DIR) + "/" + file);
  std::vector<ReportDataCase> cases;
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

std::vector<std::string> words_of(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

std::map<std::string, std::string> options_from(const std::vector<std::string>& words,
                                                std::size_t first) {
  std::map<std::string, std::string> out;
  for (std::size_t i = first; i < words.size(); ++i) {
    const auto eq = words[i].find('=');
    if (eq != std::string::npos) out[words[i].substr(0, eq)] = words[i].substr(eq + 1);
  }
  return out;
}

void expect_minutes(const std::optional<std::int64_t>& ms, const std::string& expected,
                    const std::string& what) {
  ASSERT_TRUE(ms.has_value()) << what;
  EXPECT_EQ(*ms, std::stoll(expected) * 60'000) << what;
}

class ReportDataCasesTest : public IncidentTest {
 protected:
  void SetUp() override {
    IncidentTest::SetUp();
    ombudsman = create_ombudsman();
    Person p;
    p.name = "Gil Infraestrutura";
    p.emails = {"gil@prodest.es.gov.br"};
    p.roles = {{Role::analyst, w.geinf.id}};
    analyst_geinf = desk->directory().create_person(as(w.admin), {p, std::nullopt});
  }

  const Person& person_named(const std::string& name) {
    static const std::map<std::string, Person World::*> kPeople = {
        {"admin", &World::admin},
        {"manager_gesin", &World::manager_gesin},
        {"analyst_sis", &World::analyst_sis},
        {"requester_seger", &World::requester_seger},
        {"manager_seger", &World::manager_seger}};
    if (name == "ascom") return ascom;
    if (name == "director") return director;
    if (name == "ombudsman") return ombudsman;
    return w.*kPeople.at(name);
  }

  std::int64_t organization(std::string acronym) {
    for (auto& ch : acronym) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    for (const auto* o : {&w.seger, &w.sesa}) {
      if (o->acronym == acronym) return o->id;
    }
    ADD_FAILURE() << "unknown organization " << acronym;
    return 0;
  }

  // --- incidents ---

  void incident_act(const std::vector<std::string>& words) {
    const std::string& action = words[1];
    const std::string& name = words[2];
    const auto opts = options_from(words, 3);
    const bool network = notice_component.count(name) && notice_component[name] == "network";
    const Person& team = network ? analyst_geinf : w.analyst_sis;
    if (action == "report") {
      app::ReportIncident r;
      notice_component[name] = opts.at("comp");
      r.component_ids = {opts.at("comp") == "network" ? this->network.id : sigefes.id};
      r.impact = "o acesso";
      r.description = "Caso do relatório " + name;
      if (opts.count("org")) r.organization_id = organization(opts.at("org"));
      notices[name] = desk->status_notices().report_incident(as(w.attendant), r).notice.id;
    } else if (action == "ack") {
      step(ascom, notices.at(name), NoticeAction::acknowledge);
    } else if (action == "not_confirm") {
      step(team, notices.at(name), NoticeAction::not_confirm);
    } else if (action == "confirm") {
      app::NoticeStep s;
      s.action =
          opts.count("org") ? NoticeAction::confirm_organization : NoticeAction::confirm_general;
      if (opts.count("org")) s.organization_id = organization(opts.at("org"));
      desk->status_notices().act(as(team), notices.at(name), s);
    } else if (action == "restore") {
      step(team, notices.at(name), NoticeAction::restore);
    } else if (action == "link") {
      const auto t = register_sis(w.requester_seger, "Sem acesso " + name);
      desk->notice_tickets().link_ticket(as(w.attendant), notices.at(name), t.id);
    } else {
      FAIL() << "unknown action " << action;
    }
  }

  void incident_check(const std::vector<std::string>& words, const std::string& line) {
    SCOPED_TRACE(line);
    app::IncidentReportQuery q;
    q.first_day = parse_report_day(words[2]).value();
    q.last_day = parse_report_day(words[3]).value();
    auto& reports = desk->incident_reports();
    if (words[1] == "denied") {
      EXPECT_EQ(outcome([&] { reports.report(as(person_named(words[4])), q); }), "forbidden");
      return;
    }
    const std::size_t first_option = words[1] == "incidents" ? 4 : 5;
    auto opts = options_from(words, first_option);
    if (opts.count("unit")) {
      for (const auto* u : {&w.sgsis, &w.geinf, &w.gesin}) {
        if (u->code == opts["unit"]) q.unit_id = u->id;
      }
    }
    if (opts.count("org")) q.organization_id = organization(opts["org"]);
    const auto r = reports.report(as(person_named(opts.count("as") ? opts["as"] : "admin")), q);
    if (words[1] == "list") {
      std::string joined;
      for (const auto& l : r.incidents) {
        for (const auto& [name, id] : notices) {
          if (id == l.id) joined += (joined.empty() ? "" : ",") + name;
        }
      }
      EXPECT_EQ(joined, words[4]);
      return;
    }
    const app::IncidentFigures* f = &r.total;
    if (words[1] == "month") {
      f = nullptr;
      for (const auto& m : r.months) {
        if (m.month == std::stoi(words[4])) f = &m.figures;
      }
      ASSERT_NE(f, nullptr) << "month " << words[4];
    }
    for (const auto& [key, value] : opts) {
      if (key == "as" || key == "unit" || key == "org") continue;
      const std::map<std::string, std::int64_t> counts = {
          {"reported", f->reported},           {"confirmed", f->confirmed},
          {"not_confirmed", f->not_confirmed}, {"in_analysis", f->in_analysis},
          {"restored", f->restored},           {"orgs", f->organizations_affected},
          {"tickets", f->linked_tickets}};
      if (auto it = counts.find(key); it != counts.end()) {
        EXPECT_EQ(it->second, std::stoll(value)) << key;
      } else if (key == "conf_p50") {
        expect_minutes(f->to_confirmation_median_ms, value, key);
      } else if (key == "conf_mean") {
        expect_minutes(f->to_confirmation_mean_ms, value, key);
      } else if (key == "rest_p50") {
        expect_minutes(f->to_restoration_median_ms, value, key);
      } else if (key == "rest_mean") {
        expect_minutes(f->to_restoration_mean_ms, value, key);
      } else if (key == "dur_p50") {
        expect_minutes(f->duration_median_ms, value, key);
      } else if (key == "dur_total") {
        expect_minutes(f->duration_total_ms, value, key);
      } else {
        ADD_FAILURE() << "unknown figure " << key;
      }
    }
  }

  // --- manifestações ---

  void manifestation_act(const std::vector<std::string>& words) {
    const std::string& action = words[1];
    const std::string& name = words[2];
    const auto opts = options_from(words, 3);
    auto& m = desk->manifestations();
    const auto ouv = as(ombudsman);
    if (action == "register") {
      app::ManifestationForm f;
      f.kind = opts.at("kind");
      f.identification = "identified";
      f.service_code =
          opts.count("service") && opts.at("service") != "none" ? opts.at("service") : "";
      f.subject = "Caso " + name;
      f.description = "Manifestação do caso do relatório.";
      f.name = "Ana Cidadã";
      f.email = "ana@exemplo.com.br";
      manifestations[name] = m.register_manifestation(std::nullopt, f).manifestation.id;
    } else if (action == "ask") {
      m.request_complement(ouv, manifestations.at(name), "Qual o sistema?");
    } else if (action == "extend") {
      m.extend(ouv, manifestations.at(name), "A área técnica ainda apura o caso.");
    } else if (action == "answer") {
      m.answer(ouv, manifestations.at(name), "A equipe corrigiu o atendimento.");
    } else if (action == "archive") {
      m.archive(ouv, manifestations.at(name));
    } else if (action == "link") {
      const auto t = register_sis(w.requester_seger, "Providência " + name);
      m.link_ticket(ouv, manifestations.at(name), t.protocol);
    } else {
      FAIL() << "unknown action " << action;
    }
  }

  void manifestation_check(const std::vector<std::string>& words, const std::string& line) {
    SCOPED_TRACE(line);
    app::ManifestationReportQuery q;
    q.first_day = parse_report_day(words[2]).value();
    q.last_day = parse_report_day(words[3]).value();
    auto& reports = desk->manifestation_reports();
    if (words[1] == "denied") {
      EXPECT_EQ(outcome([&] { reports.report(as(person_named(words[4])), q); }), "forbidden");
      return;
    }
    auto opts = options_from(words, 4);
    if (opts.count("kind")) q.kind = opts["kind"];
    if (opts.count("service")) {
      q.service_id = opts["service"] == w.support.code ? w.support.id : w.sis_access.id;
    }
    const auto r = reports.report(as(person_named(opts.count("as") ? opts["as"] : "admin")), q);
    const std::string group = opts.count("group") ? opts["group"] : "total";
    const app::ManifestationCounts* c = group == "total" ? &r.total : nullptr;
    for (const auto& l : r.by_kind) {
      if (group == "kind:" + l.key) c = &l.counts;
    }
    for (const auto& l : r.by_service) {
      const std::string code = l.key.empty()                           ? "none"
                               : l.key == std::to_string(w.support.id) ? w.support.code
                                                                       : l.key;
      if (group == "service:" + code) c = &l.counts;
    }
    for (const auto& l : r.months) {
      if (group == "month:" + l.key) c = &l.counts;
    }
    ASSERT_NE(c, nullptr) << group;
    for (const auto& [key, value] : opts) {
      if (key == "as" || key == "group" || key == "kind" || key == "service") continue;
      const std::map<std::string, std::int64_t> counts = {
          {"received", c->received},
          {"answered", c->answered},
          {"within30", c->answered_within_30},
          {"extended_on_time", c->answered_extended_on_time},
          {"late", c->answered_late},
          {"extended", c->extended},
          {"overdue", c->overdue},
          {"awaiting", c->awaiting_complement},
          {"archived", c->archived},
          {"open", c->open},
          {"with_tickets", c->with_tickets},
          {"tickets", c->linked_tickets}};
      if (auto it = counts.find(key); it != counts.end()) {
        EXPECT_EQ(it->second, std::stoll(value)) << key;
      } else if (key == "days_mean" || key == "days_median") {
        const auto& d = key == "days_mean" ? c->answer_days_mean : c->answer_days_median;
        ASSERT_TRUE(d.has_value()) << key;
        EXPECT_NEAR(*d, std::stod(value), 0.01) << key;
      } else {
        ADD_FAILURE() << "unknown figure " << key;
      }
    }
  }

  void run(const ReportDataCase& c, bool incidents) {
    SCOPED_TRACE(c.name);
    for (const auto& line : c.lines) {
      const auto words = words_of(line);
      if (words[0] == "now") {
        clock.set(parse_instant(words[1]).value());
      } else if (words[0] == "expect") {
        incidents ? incident_check(words, line) : manifestation_check(words, line);
      } else {
        SCOPED_TRACE(line);
        clock.set(parse_instant(words[0]).value());
        incidents ? incident_act(words) : manifestation_act(words);
      }
    }
  }

  Person ombudsman, analyst_geinf;
  std::map<std::string, std::int64_t> notices, manifestations;
  std::map<std::string, std::string> notice_component;
};

TEST_P(ReportDataCasesTest, IncidentNoticesGiveTheExpectedFigures) {
  const auto cases = load_cases("incident_report.cases");
  ASSERT_GE(cases.size(), 2u);
  for (const auto& c : cases) {
    TearDown();
    SetUp();
    notices.clear();
    notice_component.clear();
    run(c, true);
  }
}

TEST_P(ReportDataCasesTest, ManifestationsGiveTheExpectedFigures) {
  const auto cases = load_cases("manifestation_report.cases");
  ASSERT_GE(cases.size(), 1u);
  for (const auto& c : cases) {
    TearDown();
    SetUp();
    manifestations.clear();
    run(c, false);
  }
}

GUICHE_ON_BOTH_ENGINES(ReportDataCasesTest);

}  // namespace
}  // namespace guiche::testing
