#pragma once
// The gate of the LGPD pages of the administration (/admin/privacidade,
// /admin/acessos): admins and the encarregado de dados.
#include "web/page.hpp"

namespace guiche::web {

// The signed-in visitor if an admin or the encarregado de dados
// (Role::data_protection_officer); anyone else gets the 403 page.
Visitor require_privacy_officer(WebContext& ctx, const http::Request& r);

}  // namespace guiche::web
