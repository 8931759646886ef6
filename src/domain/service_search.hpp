#pragma once
// Finding services by what people type: the portal's catalog (/servicos) and
// the public charter (/carta) answer the same way. The text is compared
// folded (domain/text_fold.hpp: "solicitacao" finds "Solicitação") with each
// service's name, code and popular names ("vpn" finds "Acesso remoto seguro"
// when people call it VPN); a text that is a service's code as people type it
// ("sup tec" for SUP-TEC, domain/service_code.hpp) puts that service first,
// marked exact.
#include <cstddef>
#include <string_view>
#include <vector>

#include "domain/service.hpp"

namespace guiche {

struct ServiceHit {
  std::size_t index = 0;  // into the services searched
  bool exact = false;     // the text is this service's code
};

// Every service for an empty text; otherwise those found, in the order given
// except the exact one first.
std::vector<ServiceHit> search_services(const std::vector<Service>& services,
                                        std::string_view typed);

}  // namespace guiche
