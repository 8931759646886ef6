// LGPD (issue 17 item 5), on both engines: the export holds every datum of
// the titular and nothing of anyone else; after the anonymization no datum of
// theirs is found anywhere (the database file read as bytes, WAL included, on
// SQLite; every column of every table on PostgreSQL; the attachment store;
// the search), the other person's data all stay, and tickets, events, the
// event rebuild check and the service figures are unchanged; the retention
// rule anonymizes only those it names, once.
#include <archive.h>
#include <archive_entry.h>
#include <gmock/gmock.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "app/expect_error.hpp"
#include "app/housekeeping.hpp"
#include "app/personal_data/personal_data.hpp"
#include "app/personal_data_seed.hpp"
#include "app/tickets/ticket_drift.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "domain/text_fold.hpp"
#include "store/personal_data_map.hpp"
#include "support/db_fingerprint.hpp"

namespace guiche::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using ::testing::HasSubstr;
using ::testing::Not;

std::map<std::string, std::string> unzip(const std::string& zip) {
  std::map<std::string, std::string> members;
  archive* a = archive_read_new();
  archive_read_support_format_zip(a);
  EXPECT_EQ(archive_read_open_memory(a, zip.data(), zip.size()), ARCHIVE_OK);
  archive_entry* entry = nullptr;
  while (archive_read_next_header(a, &entry) == ARCHIVE_OK) {
    std::string bytes;
    char buffer[8192];
    la_ssize_t n;
    while ((n = archive_read_data(a, buffer, sizeof buffer)) > 0) bytes.append(buffer, n);
    members[archive_entry_pathname(entry)] = bytes;
  }
  archive_read_free(a);
  return members;
}

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

class PersonalDataTest : public DeskTest {
 protected:
  app::DeskConfig desk_config() override {
    auto c = DeskTest::desk_config();
    c.whatsapp = test_whatsapp_config();
    return c;
  }
  void SetUp() override {
    DeskTest::SetUp();
    seed_titular(*desk, w, z, 0);
    seed_titular(*desk, w, other, 60);
  }

  // Everything the desk keeps, as a reader of its storage sees it: SQLite's
  // file and WAL as bytes; on PostgreSQL every column of every table as text
  // (tsvector lexemes included); and every file under the data folder.
  std::string everything_stored() {
    std::string all;
    if (GetParam() == Engine::postgres) {
      database->db().read([&](store::Connection& c) {
        for (const auto& col : c.query(
                 "SELECT table_name, column_name FROM information_schema.columns "
                 "WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position")) {
          for (const auto& r :
               c.query("SELECT CAST(" + col.text(1) + " AS TEXT) FROM " + col.text(0))) {
            all += r.text(0) + "\n";
          }
        }
      });
    }
    if (GetParam() == Engine::postgres) {
      // And what pg_dump writes of it, as a copy of the database would hold it.
      FILE* dump = ::popen(("pg_dump --data-only '" + database->url() + "' 2>&1").c_str(), "r");
      EXPECT_NE(dump, nullptr);
      char buffer[8192];
      while (std::size_t n = std::fread(buffer, 1, sizeof buffer, dump)) all.append(buffer, n);
      EXPECT_EQ(::pclose(dump), 0) << all.substr(all.size() > 500 ? all.size() - 500 : 0);
    }
    for (const auto& entry : fs::recursive_directory_iterator(database->data_dir())) {
      if (entry.is_regular_file()) all += read_bytes(entry.path()) + "\n";
    }
    return all;
  }
  // The data as stored and as an index keeps them (lowercase, without accents).
  static std::vector<std::string> forms(const std::vector<std::string>& data) {
    std::vector<std::string> out;
    for (const auto& d : data) {
      out.push_back(d);
      out.push_back(lower(d));
      out.push_back(fold_text(d));
    }
    return out;
  }
  std::string figures() {
    std::string out;
    database->db().read([&](store::Connection& c) {
      for (const char* sql : {"SELECT * FROM service_month_figures ORDER BY service_id, month",
                              "SELECT * FROM service_month_durations ORDER BY 1, 2, 3"}) {
        for (const auto& r : c.query(sql)) {
          for (std::size_t i = 0; i < r.size(); ++i) out += r.text(i) + "|";
          out += "\n";
        }
      }
    });
    return out;
  }
  std::size_t search_hits(const std::string& text) {
    store::TicketFilter f;
    f.text = text;
    return desk->tickets().list_tickets(as(w.admin), f).tickets.size();
  }

  Titular z = zuleica();
  Titular other = wenceslau();
};

TEST_P(PersonalDataTest, TheExportHoldsEveryDatumOfThePersonAndNothingOfAnyoneElse) {
  const auto exported = desk->personal_data().export_data(as(z.person), z.person.id);
  EXPECT_EQ(exported.file_name, "dados-pessoais-" + std::to_string(z.person.id) + ".zip");
  auto members = unzip(exported.archive);
  ASSERT_TRUE(members.count("dados.json"));
  const json d = json::parse(members["dados.json"]);
  // Each field, where the document keeps it.
  const std::vector<std::pair<std::string, json>> expected = {
      {"/person/name", z.name},
      {"/person/login", z.login},
      {"/person/emails/0", z.email},
      {"/person/phone", z.phone},
      {"/person/cpf", z.cpf},
      {"/person/roles/0/role", "requester"},
      {"/tickets/0/subject", "Computador de " + z.name + " não liga"},
      {"/tickets/0/service/code", "SUP-TEC"},
      {"/tickets/0/rating", 5},
      {"/tickets/0/rating_comment", "Muito bom, assina " + z.name + "."},
      {"/tickets/0/attachments/0/filename", "documento-Zuleica.txt"},
      {"/tickets/0/attachments/0/sent_by", "titular"},
      {"/tickets/1/subject", "Impressora de Zuleica Quintanilha"},
      {"/tickets/1/channel", "email"},
      {"/manifestations/0/name", z.name},
      {"/manifestations/0/email", z.email},
      {"/manifestations/0/cpf", z.cpf},
      {"/manifestations/0/subject", "Demora no atendimento de Zuleica"},
      {"/whatsapp/numbers/0", z.wa_id},
      {"/whatsapp/messages/0/content/profile_name", z.profile_name},
      {"/status_subscriptions/0/address", z.email},
      {"/status_subscriptions/0/state", "pending"},
      {"/received_email/0/subject", "Impressora de Zuleica Quintanilha"},
      {"/equipment_custody/0/kind", "Computador"},
      {"/equipment_custody/0/delivered_by", z.name},
      {"/equipment_custody/0/received_by", "atendente"},
      {"/personal_data_requests/0/kind", "export"},
  };
  for (const auto& [pointer, value] : expected) {
    SCOPED_TRACE(pointer);
    ASSERT_TRUE(d.contains(json::json_pointer(pointer)));
    EXPECT_EQ(d.at(json::json_pointer(pointer)), value);
  }
  const std::string description = d.at("/tickets/0/description"_json_pointer);
  EXPECT_THAT(description, HasSubstr(format_cpf(z.cpf)));
  // Their files, as they sent them.
  const std::string file = d.at("/tickets/0/attachments/0/file"_json_pointer);
  EXPECT_EQ(members[file], z.file_text + "\n");
  bool mail_file = false;
  for (const auto& [name, bytes] : members) mail_file = mail_file || bytes == z.mail_file_text;
  EXPECT_TRUE(mail_file) << "the file they sent by e-mail";
  // Nothing of the other person, nor of the attendant who answered.
  std::string whole;
  for (const auto& [name, bytes] : members) whole += name + "\n" + bytes;
  for (const auto& datum : other.data()) EXPECT_THAT(whole, Not(HasSubstr(datum)));
  for (const auto& datum : {w.attendant.name, w.attendant.emails.front(), w.analyst_sis.name,
                            w.analyst_sis.emails.front()}) {
    EXPECT_THAT(whole, Not(HasSubstr(datum)));
  }
  EXPECT_THAT(whole, Not(HasSubstr("\"assignee_id\"")));
}

TEST_P(PersonalDataTest, OnlyThePersonAndAdminsExportAndEachExportIsRecorded) {
  desk->personal_data().export_data(as(w.admin), z.person.id);
  EXPECT_EQ(outcome([&] { desk->personal_data().export_data(as(w.attendant), z.person.id); }),
            "forbidden");
  EXPECT_EQ(outcome([&] { desk->personal_data().export_data(as(other.person), z.person.id); }),
            "not_found");
  EXPECT_EQ(outcome([&] { desk->personal_data().export_data(as(w.admin), 999999); }), "not_found");
  // The encarregado de dados answers titulares too; anonymizing stays the admins'.
  const Person dpo = create_data_protection_officer();
  EXPECT_FALSE(desk->personal_data().export_data(as(dpo), z.person.id).archive.empty());
  EXPECT_NE(outcome([&] { desk->personal_data().anonymize(as(dpo), z.person.id); }), "ok");
  const auto requests = desk->personal_data().requests(as(w.admin), z.person.id);
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].kind, "export");
  EXPECT_EQ(requests[0].actor_id, w.admin.id);
  EXPECT_EQ(requests[1].actor_id, dpo.id);
}

TEST_P(PersonalDataTest, AfterTheAnonymizationNoDatumOfThePersonIsStoredAnywhere) {
  const std::string before = everything_stored();
  for (const auto& datum : z.data()) ASSERT_THAT(before, HasSubstr(datum)) << "seeded";
  ASSERT_EQ(search_hits(z.surname), 2u);
  const auto tickets = count("tickets"), events = count("ticket_events");
  const auto files = count("attachments");
  const auto totals = figures();

  const auto to_them = [&](const std::string& status) {
    std::int64_t n = 0;
    database->db().read([&](store::Connection& c) {
      n = c.query_one("SELECT count(*) FROM outbox WHERE recipient_id = ? AND status = ?",
                      {z.person.id, status})
              ->integer(0);
    });
    return n;
  };
  const auto waiting = to_them("pending");
  ASSERT_GT(waiting, 0) << "notices to the titular wait in the outbox";
  const auto messages = count("outbox");

  const auto done = desk->personal_data().anonymize(as(w.admin), z.person.id);
  EXPECT_FALSE(done.already);
  EXPECT_EQ(done.tickets, 2);
  EXPECT_EQ(done.files, 3) << "their portal file, their e-mail's file and the raw e-mail";

  const std::string after = everything_stored();
  for (const auto& datum : forms(z.data())) {
    EXPECT_THAT(after, Not(HasSubstr(datum))) << "still stored: " << datum;
  }
  for (const auto& datum : other.data()) EXPECT_THAT(after, HasSubstr(datum)) << datum;
  EXPECT_EQ(search_hits(z.surname), 0u);
  EXPECT_EQ(search_hits(z.first_name), 0u);
  EXPECT_EQ(search_hits(other.surname), 2u);
  // Tickets, events and figures whole; the events still fold into the rows.
  EXPECT_EQ(count("tickets"), tickets);
  EXPECT_EQ(count("ticket_events"), events);
  EXPECT_EQ(count("attachments"), files);
  // What waited for them is never sent (the rows stay, blank).
  EXPECT_EQ(count("outbox"), messages);
  EXPECT_EQ(to_them("pending"), 0);
  EXPECT_EQ(to_them("failed"), waiting);
  EXPECT_EQ(figures(), totals);
  EXPECT_TRUE(app::find_ticket_drift(database->db()).drifted.empty());
  // Every file a row still names is there (what `guiche check` verifies).
  database->db().read([&](store::Connection& c) {
    for (const auto& r : c.query(
             "SELECT sha256 FROM attachments WHERE sha256 <> '' UNION ALL SELECT raw_sha256 FROM "
             "inbound_messages WHERE raw_sha256 <> '' UNION ALL SELECT sha256 FROM whatsapp_media "
             "WHERE sha256 <> ''")) {
      const auto sha = r.text(0);
      EXPECT_TRUE(
          fs::exists(fs::path(database->data_dir()) / "attachments" / sha.substr(0, 2) / sha))
          << sha;
    }
  });
  const auto kept = desk->tickets().ticket(as(w.admin), z.ticket_id);
  EXPECT_EQ(kept.status, Status::resolved);
  EXPECT_EQ(kept.rating, 5);
  EXPECT_EQ(desk->directory().person(as(w.admin), z.person.id).name,
            "Titular anonimizado #" + std::to_string(z.person.id));
  EXPECT_FALSE(desk->directory().person(as(w.admin), z.person.id).active);
}

TEST_P(PersonalDataTest, TheAnonymizationIsForAdminsAndASecondOneChangesNothing) {
  EXPECT_EQ(outcome([&] { desk->personal_data().anonymize(as(w.attendant), z.person.id); }),
            "forbidden");
  EXPECT_EQ(outcome([&] { desk->personal_data().anonymize(as(z.person), z.person.id); }),
            "forbidden");
  EXPECT_EQ(outcome([&] { desk->personal_data().anonymize(as(w.admin), w.admin.id); }), "conflict");
  desk->personal_data().anonymize(as(w.admin), z.person.id);
  const auto fingerprint = database_fingerprint(*database);
  const auto again = desk->personal_data().anonymize(as(w.admin), z.person.id);
  EXPECT_TRUE(again.already);
  EXPECT_EQ(database_fingerprint(*database), fingerprint);
  const auto requests = desk->personal_data().requests(as(w.admin), z.person.id);
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].kind, "anonymization");
}

TEST_P(PersonalDataTest, EveryTableOfTheSchemaIsInThePersonalDataMap) {
  std::set<std::string> mapped;
  for (const auto& location : store::personal_data_map()) {
    EXPECT_TRUE(mapped.insert(location.table).second) << "twice: " << location.table;
  }
  database->db().read([&](store::Connection& c) {
    const auto tables =
        GetParam() == Engine::sqlite
            ? c.query(
                  "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                  "'sqlite_%' AND name NOT LIKE 'ticket_search_%' AND name NOT LIKE "
                  "'knowledge_search_%'")
            : c.query(
                  "SELECT table_name FROM information_schema.tables "
                  "WHERE table_schema = current_schema()");
    for (const auto& t : tables) {
      EXPECT_TRUE(mapped.count(t.text(0))) << t.text(0) << " is missing from personal_data_map()";
    }
  });
}

class RetentionTest : public PersonalDataTest {
 protected:
  app::DeskConfig desk_config() override {
    auto c = PersonalDataTest::desk_config();
    c.anonymize_requesters_after_years = 5;
    return c;
  }
  void SetUp() override {
    PersonalDataTest::SetUp();
    // Both tickets of each titular closed in March 2026; six years later, a
    // new request of the other titular (still open), and the attendant's own.
    clock.advance(std::chrono::days(10));
    desk->work().close_expired_resolutions();
    desk->work().close_expired_resolutions();
    for (const auto* t : {&z, &other}) {
      for (const auto& ticket : desk->tickets().list_tickets(as(w.admin), by(t->person)).tickets) {
        if (ticket.status != Status::closed) {
          desk->work().cancel(as(w.attendant), ticket.id, "Encerrado no teste.");
        }
      }
    }
    clock.advance(std::chrono::days(6 * 365));
    app::RegisterRequest r;
    r.requester_id = other.person.id;
    r.service_code = "SUP-TEC";
    r.subject = "Outro pedido";
    r.description = "Ainda em aberto.";
    desk->intake().register_request(as(other.person), r);
  }
  static store::TicketFilter by(const Person& p) {
    store::TicketFilter f;
    f.requester_id = p.id;
    return f;
  }
};

TEST_P(RetentionTest, OnlyRequestersWhoseTicketsAllClosedLongAgoAreAnonymizedOnce) {
  EXPECT_EQ(desk->personal_data().anonymize_retained(5), 1);
  EXPECT_THAT(desk->directory().person(as(w.admin), z.person.id).name,
              HasSubstr("Titular anonimizado"));
  EXPECT_EQ(desk->directory().person(as(w.admin), other.person.id).name, other.name);
  // Staff whose requests closed long ago too are never picked.
  EXPECT_EQ(desk->directory().person(as(w.admin), w.attendant.id).name, w.attendant.name);
  const auto fingerprint = database_fingerprint(*database);
  EXPECT_EQ(desk->personal_data().anonymize_retained(5), 0);
  EXPECT_EQ(database_fingerprint(*database), fingerprint);
  EXPECT_EQ(desk->personal_data().anonymize_retained(7), 0) << "a longer rule: nobody";
  const auto requests = desk->personal_data().requests(as(w.admin), z.person.id);
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].channel, "housekeeping");
  EXPECT_FALSE(requests[0].actor_id);
}

TEST_P(RetentionTest, HousekeepingRunsTheConfiguredRule) {
  {
    app::Housekeeping housekeeping(*desk, std::chrono::milliseconds(20));
    for (int i = 0; i < 250 && !desk->personal_data().requests(as(w.admin), z.person.id).size();
         ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  EXPECT_THAT(desk->directory().person(as(w.admin), z.person.id).name,
              HasSubstr("Titular anonimizado"));
  EXPECT_EQ(desk->directory().person(as(w.admin), other.person.id).name, other.name);
}

GUICHE_ON_BOTH_ENGINES(PersonalDataTest);
GUICHE_ON_BOTH_ENGINES(RetentionTest);

}  // namespace
}  // namespace guiche::testing
