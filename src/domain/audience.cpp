#include "domain/audience.hpp"

#include <cstdio>

namespace guiche {
namespace {

std::string format_br(Date d) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%02u/%02u/%04d", static_cast<unsigned>(d.day()),
                static_cast<unsigned>(d.month()), static_cast<int>(d.year()));
  return buffer;
}

}  // namespace

AudienceDecision check_audience(const Service& service, const Person& requester,
                                const std::optional<Organization>& organization,
                                const std::vector<AuthorizedRequester>& records, Date day) {
  switch (service.audience) {
    case Audience::anyone:
      if (requester.emails.empty() && !requester.phone) {
        return {false, "Solicitante sem e-mail ou telefone para identificação."};
      }
      return {};
    case Audience::public_servants:
      if (!organization) {
        return {false, "O serviço " + service.code +
                           " é destinado a servidores de órgãos cadastrados, e o solicitante não "
                           "pertence a nenhum."};
      }
      return {};
    case Audience::authorized_requesters:
      break;
  }
  if (!organization) {
    return {false, "O solicitante não pertence a um órgão cliente cadastrado."};
  }
  if (!organization->is_client) {
    return {false, "O órgão " + organization->acronym +
                       " não é cliente (não há contrato ou ofício que o habilite)."};
  }
  for (const auto& r : records) {
    if (r.organization_id == organization->id && r.person_id == requester.id &&
        r.is_effective_on(day)) {
      return {};
    }
  }
  return {false, "O solicitante não é requisitante autorizado do órgão " + organization->acronym +
                     " em " + format_br(day) + "."};
}

}  // namespace guiche
