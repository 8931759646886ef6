#pragma once
// Finding services by what people type: the portal's catalog (/servicos) and
// the public charter (/carta) answer the same way. The text is compared
// folded (domain/text_fold.hpp: "solicitacao" finds "Solicitação"), word by
// word, with each service's name, code, popular names ("vpn" finds "Acesso
// remoto seguro" when people call it VPN) and description ("impressora" finds
// the service whose description speaks of "impressoras"); words that say
// nothing ("minha", "não") are left out. Services are ranked by how many of
// the words they match and where (name and code, then popular names, then
// the description); several words that some service holds as written (a
// popular name, a phrase of its description) find those services only. A
// text that is a service's code as people type it ("sup
// tec" for SUP-TEC, domain/service_code.hpp) puts that service first, marked
// exact.
#include <cstddef>
#include <string_view>
#include <vector>

#include "domain/service.hpp"

namespace guiche {

struct ServiceHit {
  std::size_t index = 0;  // into the services searched
  bool exact = false;     // the text is this service's code
  int score = 0;          // higher first
};

// Every service, in the order given, for an empty text; otherwise those
// found, best first (the exact one before all), ties in the order given.
std::vector<ServiceHit> search_services(const std::vector<Service>& services,
                                        std::string_view typed);

// When the search found nothing: services that share the beginning of a
// typed word ("imprimir" and "impressoras"), best first, at most `max`.
std::vector<ServiceHit> suggest_services(const std::vector<Service>& services,
                                         std::string_view typed, std::size_t max = 3);

}  // namespace guiche
