#pragma once
// Rows of directory_group_mappings (migration v038; domain/directory_groups.hpp).
#include <cstdint>
#include <vector>

#include "domain/directory_groups.hpp"
#include "store/database.hpp"

namespace guiche::store {

// Every mapping, by id (an admin's short list; the sign-in reads it whole).
std::vector<DirectoryGroupMapping> load_directory_group_mappings(Connection& c);
std::int64_t insert_directory_group_mapping(Connection& c, const DirectoryGroupMapping& m);
// Whether a row was deleted.
bool delete_directory_group_mapping(Connection& c, std::int64_t id);

}  // namespace guiche::store
