#pragma once
// The API's reads of personal data, noted in the access log (LGPD art. 37;
// app/privacy/access_log.hpp) with the caller, their token and address.
#include <cstdint>
#include <string_view>
#include <vector>

#include "api/api_context.hpp"
#include "http/message.hpp"

namespace guiche::api {

void note_api_read(ApiContext& ctx, const app::Actor& reader, const http::Request& r,
                   std::int64_t subject_person_id, std::string_view kind, std::int64_t object_id);
// Each person listed (a search's results).
void note_api_people_read(ApiContext& ctx, const app::Actor& reader, const http::Request& r,
                          const std::vector<std::int64_t>& people);

}  // namespace guiche::api
