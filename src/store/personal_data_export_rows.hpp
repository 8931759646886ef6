#pragma once
// The readings behind an LGPD export (app/personal_data/personal_data.hpp):
// every record of one person, as JSON, and nothing of anyone else. Other
// people met in those records (the agents of their tickets, the attendant who
// received their equipment) are named by their part ("atendente"), never by
// name or id.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "domain/person.hpp"
#include "store/database.hpp"

namespace guiche::store {

// A file to put in the archive beside the document.
struct ExportedFile {
  std::string member;  // "anexos/12-foto.png"
  std::string sha256;  // in the attachment store
};

struct PersonalDataDocument {
  nlohmann::json document;
  std::vector<ExportedFile> files;
};

// Reads everything the desk holds about `p` (already loaded, with e-mails and roles).
PersonalDataDocument read_personal_data(Connection& c, const Person& p);

}  // namespace guiche::store
