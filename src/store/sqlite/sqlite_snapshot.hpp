#pragma once
// A consistent copy of a live SQLite database, for `guiche backup`
// (operations/backup.cpp): SQLite's online backup API on connections of its
// own, so the server keeps reading and writing meanwhile.
#include <string>

namespace guiche::store {

// Copies the database at `source` (which must exist) into a new file at
// `target`, as of one instant: every transaction committed before the call
// is in the copy, and none that commits while it runs is half in it. The copy
// stands alone (rollback journal, no -wal file beside it). Throws StoreError.
void snapshot_sqlite(const std::string& source, const std::string& target);

}  // namespace guiche::store
