// Which services' audiences admit the caller (Directory::audience_of): the
// same decision intake makes when a request arrives (domain/audience.hpp),
// asked before, so the catalog does not offer a citizen the servants' VPN.
#include "app/access_policy.hpp"
#include "app/directory/directory.hpp"
#include "store/authorization_rows.hpp"
#include "store/organization_rows.hpp"

namespace guiche::app {

std::vector<AudienceDecision> Directory::audience_of(const Actor& a,
                                                     const std::vector<Service>& services) {
  require_active(a);
  std::vector<AudienceDecision> out(services.size());
  if (is_staff(a.person)) return out;  // admitted to all
  std::optional<Organization> organization;
  std::vector<AuthorizedRequester> records;
  ctx_.db.read([&](store::Connection& c) {
    if (a.person.organization_id) {
      organization = store::load_organization(c, *a.person.organization_id);
    }
    records = store::authorizations_of_person(c, a.id());
  });
  const Date today = ctx_.local_date(ctx_.now());
  for (std::size_t i = 0; i < services.size(); ++i) {
    out[i] = check_audience(services[i], a.person, organization, records, today);
  }
  return out;
}

}  // namespace guiche::app
