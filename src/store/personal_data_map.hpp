#pragma once
// LGPD (Lei 13.709): every table of the schema and what it holds of a person,
// with the treatment an anonymization gives it. The one place to list a new
// table: tests/store/personal_data_map_test.cpp fails while a table of the
// schema is missing here, so a table with personal data cannot slip past the
// anonymization (app/personal_data/personal_data.hpp) unnoticed.
#include <cstdint>
#include <string>
#include <vector>

#include "domain/time.hpp"
#include "store/database.hpp"

namespace guiche::store {

// Whose data an anonymization erases, and where it was found. Filled by
// collect_erasure_scope (store/personal_data_rows.hpp) before anything changes.
struct ErasureScope {
  std::int64_t person_id = 0;
  Instant now{};
  std::string anonymous_name;            // "Titular anonimizado #12"
  std::vector<std::string> terms;        // domain/personal_terms.hpp
  std::vector<std::string> emails;       // lowercased
  std::vector<std::string> phone_forms;  // "+5527999990001", "5527999990001", "552799990001"
  std::vector<std::string> wa_ids;       // the digit forms alone
  std::string cpf;                       // 11 digits or ""
  // The tickets whose texts may hold the person's data: those they asked
  // for, those where they acted (staff, org managers) or handed over or took
  // back equipment. Their events are scrubbed and the rows rebuilt.
  std::vector<std::int64_t> ticket_ids;
  // Out: attachment files no row may name any more (erased after the commit).
  std::vector<std::string> released_blobs;
};

enum class PersonalDataTreatment {
  none,     // no datum of a person: ids, figures, configuration, secrets' hashes
  erase,    // the person's own values blanked (or the row deleted)
  scrub,    // free text: each personal term replaced by "[removido]"
  rebuild,  // derived from ticket_events: the ledger rebuilds it from the scrubbed events
};

struct PersonalDataLocation {
  const char* table;
  PersonalDataTreatment treatment;
  const char* holds;  // what of a person is there, or why nothing is
  // Applies the treatment inside the anonymization's transaction; null for
  // `none` and `rebuild`. Run in the order of the map.
  void (*apply)(Connection& c, ErasureScope& scope);
};

const std::vector<PersonalDataLocation>& personal_data_map();

// Tables an anonymization changes, for the engine's clean-up after the
// commit (Database::purge_deleted).
std::vector<std::string> tables_touched_by_anonymization();

}  // namespace guiche::store
