#include "api/access_reads.hpp"

#include "app/privacy/access_log.hpp"

namespace guiche::api {

void note_api_read(ApiContext& ctx, const app::Actor& reader, const http::Request& r,
                   std::int64_t subject_person_id, std::string_view kind, std::int64_t object_id) {
  ctx.desk.access_log().record(reader, {app::ReadFace::api, r.remote_address}, subject_person_id,
                               kind, object_id);
}

void note_api_people_read(ApiContext& ctx, const app::Actor& reader, const http::Request& r,
                          const std::vector<std::int64_t>& people) {
  ctx.desk.access_log().record_people(reader, {app::ReadFace::api, r.remote_address}, people,
                                      "people_search");
}

}  // namespace guiche::api
