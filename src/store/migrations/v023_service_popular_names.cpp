// Version 23: a service's nomes populares (domain/service.hpp), what people
// call it ("VPN" for "Acesso remoto seguro"): the catalog's search and the
// public charter find and show them. A JSON array of texts, as `stages`
// (v001) is kept. Version 22 is another change's.
namespace guiche::store {

extern const char* const kMigrationV023ServicePopularNames = R"SQL(
ALTER TABLE services ADD COLUMN popular_names TEXT NOT NULL DEFAULT '[]';
)SQL";

}  // namespace guiche::store
