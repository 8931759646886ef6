#include "web/access_reads.hpp"

#include "app/privacy/access_log.hpp"

namespace guiche::web {

void note_page_read(WebContext& ctx, const Visitor& v, std::int64_t subject_person_id,
                    std::string_view kind, std::int64_t object_id) {
  ctx.desk.access_log().record(v.actor, {app::ReadFace::web, page_address()}, subject_person_id,
                               kind, object_id);
}

void note_page_people_read(WebContext& ctx, const Visitor& v,
                           const std::vector<std::int64_t>& people) {
  ctx.desk.access_log().record_people(v.actor, {app::ReadFace::web, page_address()}, people,
                                      "people_search");
}

}  // namespace guiche::web
