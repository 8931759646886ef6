// Version 32: people by organization. An incident notice is delivered to the
// managers of the organizations it concerns (store::organization_managers):
// without this index both engines read every person to find them (10.8 ms on
// SQLite, 56.6 ms on PostgreSQL with 200,000 people, bench/notice_scale.py).
namespace guiche::store {

extern const char* const kMigrationV032PeopleByOrganization = R"SQL(
CREATE INDEX people_organization ON people(organization_id, id);
)SQL";

}  // namespace guiche::store
