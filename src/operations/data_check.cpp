#include "operations/data_check.hpp"

#include <filesystem>
#include <map>
#include <optional>

#include "app/tickets/ticket_drift.hpp"
#include "operations/blob_references.hpp"
#include "operations/file_digest.hpp"
#include "operations/operation_refused.hpp"
#include "store/database.hpp"
#include "store/migrations/migrations.hpp"

namespace guiche::operations {

namespace fs = std::filesystem;

namespace {

CheckSection check_database(store::Database& db, int version, int known) {
  CheckSection s{"banco de dados", "", {}, false};
  if (version < known) {
    s.problems.push_back("o esquema está na versão " + std::to_string(version) +
                         " e este guiche espera a " + std::to_string(known) +
                         ": rode guiche migrate");
  } else if (version > known) {
    s.problems.push_back("o esquema está na versão " + std::to_string(version) +
                         ", mais nova que a deste guiche (" + std::to_string(known) + ")");
  }
  if (db.dialect() == store::Dialect::postgres) {
    s.summary = s.problems.empty() ? "esquema na versão " + std::to_string(version) +
                                         "; integridade física a cargo do PostgreSQL"
                                   : "esquema fora da versão esperada";
    return s;
  }
  db.read([&](store::Connection& c) {
    for (const auto& row : c.query("PRAGMA integrity_check")) {
      if (row.text(0) != "ok") s.problems.push_back("integrity_check: " + row.text(0));
    }
  });
  s.summary = s.problems.empty()
                  ? "PRAGMA integrity_check ok, esquema na versão " + std::to_string(version)
                  : std::to_string(s.problems.size()) + " problema(s)";
  return s;
}

CheckSection check_blobs(store::Database& db, const std::string& data_dir) {
  CheckSection s{"anexos", "", {}, false};
  std::vector<BlobReference> refs;
  db.read([&](store::Connection& c) { refs = blob_references(c); });
  // Each file is read once, however many rows name it.
  std::map<std::string, std::optional<FileDigest>> files;
  for (const auto& ref : refs) {
    const std::string name = blob_member_name(ref.sha256);
    auto [it, fresh] = files.try_emplace(ref.sha256);
    const std::string path = (fs::path(data_dir) / name).string();
    if (fresh && is_blob_name(ref.sha256) && fs::is_regular_file(path)) {
      it->second = digest_file(path);
    }
    if (!it->second) {
      s.problems.push_back("falta o arquivo " + name + " de " + ref.owner);
    } else if (it->second->sha256 != ref.sha256) {
      s.problems.push_back("o conteúdo de " + name + " não confere com seu nome (SHA-256 " +
                           it->second->sha256 + "): " + ref.owner);
    } else if (ref.size && *ref.size != it->second->size) {
      s.problems.push_back(name + " tem " + std::to_string(it->second->size) + " bytes, mas " +
                           ref.owner + " registra " + std::to_string(*ref.size));
    }
  }
  s.summary = s.problems.empty() ? std::to_string(files.size()) +
                                       " arquivo(s) referenciado(s), todos presentes e íntegros"
                                 : std::to_string(s.problems.size()) + " problema(s) em " +
                                       std::to_string(files.size()) + " arquivo(s)";
  return s;
}

CheckSection check_tickets(store::Database& db) {
  CheckSection s{"chamados", "", {}, false};
  const auto report = app::find_ticket_drift(db);
  for (const auto& d : report.drifted) {
    std::string fields;
    for (const auto& f : d.fields) fields += (fields.empty() ? "" : ", ") + f;
    s.problems.push_back("o chamado " + d.protocol + " (id " + std::to_string(d.ticket_id) +
                         ") difere de seus eventos em: " + fields);
  }
  s.summary = s.problems.empty()
                  ? std::to_string(report.checked) + " chamado(s) conferem com seus eventos"
                  : std::to_string(s.problems.size()) + " de " + std::to_string(report.checked) +
                        " chamado(s) diferem de seus eventos (guiche admin rebuild-tickets "
                        "os recalcula)";
  return s;
}

std::unique_ptr<store::Database> open_existing(const std::string& data_dir,
                                               const std::string& url) {
  std::string sqlite_path;
  if (url.empty()) sqlite_path = (fs::path(data_dir) / "guiche.db").string();
  if (url.rfind("sqlite:", 0) == 0) sqlite_path = url.substr(7);
  if (!sqlite_path.empty() && !fs::is_regular_file(sqlite_path)) {
    throw OperationRefused("não há banco SQLite em " + sqlite_path);
  }
  try {
    return store::open_database(url, data_dir);
  } catch (const store::StoreError& e) {
    if (e.kind() == store::StoreError::Kind::connection) throw;
    throw OperationRefused(std::string("o banco não abre: ") + e.what());
  }
}

// A section whose reading fails (a damaged database, say) reports that instead.
template <typename Fn>
CheckSection guarded(const std::string& title, Fn&& fn) {
  try {
    return fn();
  } catch (const store::StoreError& e) {
    return {
        title, "não foi possível ler o banco", {std::string("erro no banco: ") + e.what()}, false};
  }
}

}  // namespace

bool CheckReport::passed() const {
  for (const auto& s : sections) {
    if (!s.problems.empty()) return false;
  }
  return true;
}

CheckReport check_data(const std::string& data_dir, const std::string& database_url) {
  auto db = open_existing(data_dir, database_url);
  CheckReport report;
  int version = 0;
  try {
    version = store::schema_version(*db);
  } catch (const store::StoreError& e) {
    report.sections.push_back({"banco de dados", "ilegível", {e.what()}, false});
    return report;
  }
  const int known = store::migrations_for(db->dialect()).back().version;
  report.sections.push_back(
      guarded("banco de dados", [&] { return check_database(*db, version, known); }));
  if (version != known) {
    // The queries below speak this binary's schema.
    report.sections.push_back({"anexos", "não verificados (esquema de outra versão)", {}, true});
    report.sections.push_back({"chamados", "não verificados (esquema de outra versão)", {}, true});
    return report;
  }
  report.sections.push_back(guarded("anexos", [&] { return check_blobs(*db, data_dir); }));
  report.sections.push_back(guarded("chamados", [&] { return check_tickets(*db); }));
  return report;
}

}  // namespace guiche::operations
