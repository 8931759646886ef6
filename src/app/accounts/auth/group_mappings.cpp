// The admins' mapping of directory groups to organizations and roles
// (domain/directory_groups.hpp; stored in directory_group_mappings, v038), and
// the list of the sign-in parts that are on.
#include "app/access_policy.hpp"
#include "app/accounts/accounts.hpp"
#include "app/text_rules.hpp"
#include "domain/error.hpp"
#include "store/directory_group_rows.hpp"
#include "store/organization_rows.hpp"
#include "store/unit_rows.hpp"

namespace guiche::app {
namespace {

void require_admin_here(const Actor& a) {
  require_active(a);
  if (!a.person.has_role(Role::admin)) throw forbidden("Somente administradores fazem isso.");
}

DirectoryGroupMapping validated_mapping(store::Connection& c, const DirectoryGroupMapping& in) {
  DirectoryGroupMapping m = in;
  std::vector<FieldError> errors;
  m.group_dn = normalize_dn(required_text(in.group_dn, "group_dn", "O DN do grupo", 1000));
  if (m.group_dn.find('=') == std::string::npos) {
    errors.push_back({"group_dn", "Informe o DN do grupo, como cn=GS-Guiche,ou=groups,dc=orgao."});
  }
  if (!m.organization_id && !m.role) {
    errors.push_back({"role", "Informe um órgão, um papel ou os dois."});
  }
  if (m.organization_id && !store::load_organization(c, *m.organization_id)) {
    errors.push_back({"organization_id", "Órgão desconhecido."});
  }
  if (m.role && role_is_unit_scoped(*m.role)) {
    bool known = false;
    for (const auto& u : store::load_units(c)) known = known || (m.unit_id && u.id == *m.unit_id);
    if (!known) {
      errors.push_back({"unit_id", "O papel " + std::string(role_label_pt(*m.role)) +
                                       " precisa de uma unidade válida."});
    }
  } else {
    m.unit_id.reset();  // only unit-scoped roles name a unit
  }
  if (m.role == Role::org_manager && !m.organization_id) {
    errors.push_back({"organization_id", "Gestor do órgão precisa de um órgão no mapeamento."});
  }
  if (m.authorizes_requesters) {
    if (!m.organization_id) {
      errors.push_back({"organization_id",
                        "Informe o órgão de que os membros serão solicitantes "
                        "autorizados."});
    }
    m.document_number = in.document_number;
    m.document_number.erase(0, m.document_number.find_first_not_of(" \t"));
    m.document_number.erase(m.document_number.find_last_not_of(" \t") + 1);
    if (!m.document_type || m.document_number.empty() || m.document_number.size() > 100) {
      errors.push_back({"document_number",
                        "Informe o documento (contrato, ofício ou SA) que "
                        "estabelece a regra, com até 100 caracteres."});
    }
  } else {
    m.document_type.reset();
    m.document_number.clear();
  }
  if (!errors.empty()) throw invalid("Mapeamento a corrigir.", std::move(errors));
  return m;
}

}  // namespace

std::vector<AuthBackendInfo> Accounts::auth_backends(const Actor& a) {
  require_admin_here(a);
  std::vector<AuthBackendInfo> out;
  for (const auto& b : backends_) out.push_back(b->info());
  return out;
}

std::vector<DirectoryGroupMapping> Accounts::group_mappings(const Actor& a) {
  require_admin_here(a);
  std::vector<DirectoryGroupMapping> out;
  ctx_.db.read([&](store::Connection& c) { out = store::load_directory_group_mappings(c); });
  return out;
}

DirectoryGroupMapping Accounts::add_group_mapping(const Actor& a, const DirectoryGroupMapping& m) {
  require_admin_here(a);
  DirectoryGroupMapping out;
  ctx_.db.write([&](store::Connection& c) {
    out = validated_mapping(c, m);
    for (const auto& known : store::load_directory_group_mappings(c)) {
      if (known.group_dn == out.group_dn && known.organization_id == out.organization_id &&
          known.role == out.role && known.unit_id == out.unit_id &&
          known.authorizes_requesters == out.authorizes_requesters) {
        throw conflict("Este grupo já tem este mapeamento.");
      }
    }
    out.created_by = a.id();
    out.created_at = ctx_.now();
    out.id = store::insert_directory_group_mapping(c, out);
  });
  return out;
}

void Accounts::remove_group_mapping(const Actor& a, std::int64_t id) {
  require_admin_here(a);
  ctx_.db.write([&](store::Connection& c) {
    if (!store::delete_directory_group_mapping(c, id))
      throw not_found("Mapeamento não encontrado.");
  });
}

}  // namespace guiche::app
