#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace guiche {

// Órgão / cliente. Only client organizations' authorized requesters may use
// services whose audience is `authorized_requesters` (docs/domain.md, "Authorized
// requesters and audiences").
struct Organization {
  std::int64_t id = 0;
  std::string name;
  std::string acronym;
  std::optional<std::string> cnpj;
  bool is_client = false;
  std::string client_reference;  // contract / ofício that made it a client
  std::string calendar = "br";
  std::optional<std::int64_t> parent_id;
  // Changes the org manager makes to the authorized list wait for the
  // central de serviços to confirm them unless this is switched off.
  bool authorization_changes_need_confirmation = true;
};

}  // namespace guiche
