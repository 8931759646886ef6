#include "operations/archive_verification.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "operations/blob_references.hpp"
#include "operations/operation_refused.hpp"
#include "store/migrations/migrations.hpp"

namespace guiche::operations {

namespace fs = std::filesystem;

BackupManifest verify_members(const std::string& folder,
                              const std::vector<ExtractedMember>& members) {
  std::map<std::string, const ExtractedMember*> by_name;
  for (const auto& m : members) by_name[m.name] = &m;
  if (!by_name.contains(kManifestName)) {
    throw OperationRefused(
        "o backup não tem manifesto (manifest.json): está incompleto ou não é um backup do "
        "Guichê");
  }
  std::ifstream in(fs::path(folder) / kManifestName, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  BackupManifest manifest = parse_manifest(text.str());

  std::set<std::string> listed{kManifestName};
  bool has_database = false;
  for (const auto& m : manifest.members) {
    listed.insert(m.name);
    has_database = has_database || m.name == kDatabaseMemberName;
    const auto found = by_name.find(m.name);
    if (found == by_name.end()) {
      throw OperationRefused("falta no backup o membro " + m.name +
                             " listado no manifesto: o backup está incompleto");
    }
    const ExtractedMember& got = *found->second;
    if (got.size != m.size || got.sha256 != m.sha256) {
      throw OperationRefused("o membro " + m.name + " não confere com o manifesto (" +
                             (got.size != m.size ? "tamanho " + std::to_string(got.size) +
                                                       " em vez de " + std::to_string(m.size)
                                                 : std::string("SHA-256 diferente")) +
                             "): o backup está danificado");
    }
    if (m.name != kDatabaseMemberName && m.name != blob_member_name(m.sha256)) {
      throw OperationRefused("o arquivo " + m.name +
                             " não tem o conteúdo que seu nome promete: o backup está danificado");
    }
  }
  for (const auto& m : members) {
    if (!listed.contains(m.name)) {
      throw OperationRefused("o membro " + m.name + " não está no manifesto do backup");
    }
  }
  if (manifest.engine == "sqlite" && !has_database) {
    throw OperationRefused("o manifesto não lista o banco (guiche.db): o backup está incompleto");
  }
  return manifest;
}

int verify_database(store::Database& db, const BackupManifest& manifest) {
  std::vector<std::string> problems;
  std::vector<BlobReference> blobs;
  db.read([&](store::Connection& c) {
    for (const auto& row : c.query("PRAGMA integrity_check")) problems.push_back(row.text(0));
  });
  if (problems.size() != 1 || problems.front() != "ok") {
    std::string listed;
    for (std::size_t i = 0; i < problems.size() && i < 5; ++i) listed += "\n  " + problems[i];
    throw OperationRefused("o banco do backup falhou na verificação de integridade:" + listed);
  }
  const int version = store::schema_version(db);
  const int known = store::migrations_for(db.dialect()).back().version;
  if (version > known) {
    throw OperationRefused("o banco do backup está na versão " + std::to_string(version) +
                           " do esquema, mais nova que a deste guiche (" + std::to_string(known) +
                           "): restaure com um guiche atualizado");
  }
  db.read([&](store::Connection& c) { blobs = blob_references(c); });
  std::set<std::string> carried;
  for (const auto& m : manifest.members) carried.insert(m.name);
  for (const auto& b : blobs) {
    if (!carried.contains(blob_member_name(b.sha256))) {
      throw OperationRefused("o banco do backup cita " + b.owner + ", mas o arquivo " +
                             blob_member_name(b.sha256) +
                             " não está no backup: o backup está incompleto");
    }
  }
  return version;
}

}  // namespace guiche::operations
