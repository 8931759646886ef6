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
// The authorized-requester records a mapping's rule made for a person
// (directory_authorizations), by record id.
struct DirectoryAuthorization {
  std::int64_t authorization_id = 0;
  std::int64_t mapping_id = 0;
};
std::vector<DirectoryAuthorization> directory_authorizations_of(Connection& c,
                                                                std::int64_t person_id);
void link_directory_authorization(Connection& c, std::int64_t authorization_id,
                                  std::int64_t mapping_id, std::int64_t person_id);
// Whether a row was deleted.
bool delete_directory_group_mapping(Connection& c, std::int64_t id);

}  // namespace guiche::store
