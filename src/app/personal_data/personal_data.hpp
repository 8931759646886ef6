#pragma once
// LGPD (Lei 13.709) for one person: the export of every personal datum the
// desk holds about them (art. 18, II), the anonymization that erases them
// (art. 18, IV and VI) while tickets, events and figures stay whole, and the
// retention rule that anonymizes requesters long after their last ticket
// closed (art. 15 and 16). Where personal data lives, and what the
// anonymization does with each place: store/personal_data_map.cpp.
//
// Who may: the person themselves and admins export; only admins anonymize
// (the person asks them). Each export and anonymization is recorded (who,
// when: personal_data_requests), with no datum of the person but the id.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/desk_context.hpp"
#include "store/personal_data_rows.hpp"

namespace guiche::app {

class TicketLedger;
class Directory;

struct PersonalDataExport {
  std::string file_name;  // "dados-pessoais-12.zip"
  std::string archive;    // zip: dados.json and the person's files
};

struct Anonymization {
  std::int64_t person_id = 0;
  Instant anonymized_at{};
  bool already = false;      // an earlier one had done it: nothing changed now
  std::int64_t tickets = 0;  // tickets whose texts were scrubbed and rebuilt
  std::int64_t files = 0;    // files erased from the attachment store
};

class PersonalData {
 public:
  PersonalData(DeskContext& context, TicketLedger& ledger, Directory& directory)
      : ctx_(context), ledger_(ledger), directory_(directory) {}

  // The archive for `person_id`: the caller themselves, or an admin. Staff
  // who may see the person get 403, anyone else 404.
  PersonalDataExport export_data(const Actor& a, std::int64_t person_id);

  // Erases the person's data (admins only; not themselves). Idempotent: a
  // second call changes nothing and says `already`.
  Anonymization anonymize(const Actor& a, std::int64_t person_id);
  // The same for the server's operator (`guiche admin anonymize-person`):
  // whoever runs the command on the server already holds the whole database.
  Anonymization anonymize_as_operator(std::int64_t person_id);

  // The retention rule: anonymizes at most `batch` requesters whose tickets
  // all closed more than `years` years ago (365-day years); returns how many.
  // Each call looks at the next window of people (by id, starting over after
  // the last), so its cost stays that of the window however many there are.
  int anonymize_retained(int years, int batch = 50);

  // The exports and anonymizations of a person (admins).
  std::vector<store::PersonalDataRequest> requests(const Actor& a, std::int64_t person_id);

 private:
  Anonymization run_anonymization(std::optional<std::int64_t> actor_id, const std::string& channel,
                                  std::int64_t person_id);
  // Erases the files no row names any more; returns how many were erased.
  std::int64_t erase_released_blobs();
  void require_admin_over(const Actor& a, std::int64_t person_id);

  DeskContext& ctx_;
  // Where the retention rule's next window of people starts (0: the first).
  std::atomic<std::int64_t> retention_after_{0};
  TicketLedger& ledger_;
  Directory& directory_;
};

// The channel a request came through, as recorded ("portal", "api", ...).
std::string personal_data_channel(const Actor& a);

}  // namespace guiche::app
