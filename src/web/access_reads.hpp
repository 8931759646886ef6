#pragma once
// The pages' reads of personal data, noted in the access log (LGPD art. 37;
// app/privacy/access_log.hpp) with the visitor and the request's address.
// A visitor's reads of their own data are not noted (AccessLog::record).
#include <cstdint>
#include <string_view>
#include <vector>

#include "web/page.hpp"

namespace guiche::web {

void note_page_read(WebContext& ctx, const Visitor& v, std::int64_t subject_person_id,
                    std::string_view kind, std::int64_t object_id);
// Each person a page lists with personal data (a search's results).
void note_page_people_read(WebContext& ctx, const Visitor& v,
                           const std::vector<std::int64_t>& people);

}  // namespace guiche::web
