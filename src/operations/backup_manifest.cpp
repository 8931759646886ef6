#include "operations/backup_manifest.hpp"

#include <nlohmann/json.hpp>

#include "operations/operation_refused.hpp"

namespace guiche::operations {

using nlohmann::json;

std::string manifest_json(const BackupManifest& m) {
  json members = json::array();
  for (const auto& member : m.members) {
    members.push_back({{"name", member.name}, {"size", member.size}, {"sha256", member.sha256}});
  }
  return json{{"format", "guiche-backup"},          {"format_version", m.format_version},
              {"schema_version", m.schema_version}, {"engine", m.engine},
              {"created_at", m.created_at},         {"members", members}}
             .dump(2) +
         "\n";
}

BackupManifest parse_manifest(const std::string& text) {
  const json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object() || j.value("format", "") != "guiche-backup") {
    throw OperationRefused("o manifesto do backup (manifest.json) está ilegível");
  }
  BackupManifest m;
  try {
    m.format_version = j.at("format_version").get<int>();
    if (m.format_version > kBackupFormatVersion) {
      throw OperationRefused("o backup está no formato " + std::to_string(m.format_version) +
                             ", mais novo que o que este guiche lê (" +
                             std::to_string(kBackupFormatVersion) + "): atualize o guiche");
    }
    m.schema_version = j.at("schema_version").get<int>();
    m.engine = j.at("engine").get<std::string>();
    m.created_at = j.at("created_at").get<std::string>();
    for (const auto& member : j.at("members")) {
      m.members.push_back({member.at("name").get<std::string>(),
                           member.at("size").get<std::int64_t>(),
                           member.at("sha256").get<std::string>()});
    }
  } catch (const json::exception&) {
    throw OperationRefused("o manifesto do backup (manifest.json) está incompleto");
  }
  if (m.engine != "sqlite" && m.engine != "postgresql") {
    throw OperationRefused("o manifesto do backup nomeia um banco desconhecido: " + m.engine);
  }
  return m;
}

}  // namespace guiche::operations
