// Version 16: a request for a catalog service finds the open incidents of the
// status components that are that service (store/known_incident_rows.cpp:
// "already known: follow it here" on the request form), from an index of the
// components by service rather than a walk over every component.
namespace guiche::store {

extern const char* const kMigrationV016NoticeServiceIndex = R"SQL(
CREATE INDEX status_components_service ON status_components(service_id)
  WHERE service_id IS NOT NULL;
)SQL";

}  // namespace guiche::store
