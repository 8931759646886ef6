#pragma once
// The sign-in page (/entrar): the password form, the directory's note and one
// button per OpenID Connect provider, with the form's CSRF cookie. Shown by
// the password sign-in (session_pages.cpp) and by an OpenID sign-in the
// provider or the desk refused (oidc_pages.cpp), each with its message.
#include <string>

#include "http/message.hpp"
#include "web/page.hpp"

namespace guiche::web {

// Before there is a session, the sign-in form's CSRF token is a cookie the
// form must echo (double submit): another site can neither read nor set it.
inline constexpr const char* kSignInCookie = "guiche_entrada";
// The token of a directory account's link by e-mail code (app/accounts/accounts.hpp,
// LinkCodeSent), from POST /entrar to /entrar/diretorio/confirmar (oidc_pages.cpp).
inline constexpr const char* kDirectoryLinkCookie = "guiche_vinculo_diretorio";
inline constexpr const char* kDirectoryLinkPath = "/entrar/diretorio";

http::Response sign_in_page(WebContext& ctx, const http::Request& r, int status,
                            const std::string& token, nlohmann::json view);

}  // namespace guiche::web
