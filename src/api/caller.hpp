#pragma once
// Who is calling: a browser session (cookie + CSRF header on writes) or a
// personal API token (Authorization: Bearer).
#include "api/api_context.hpp"
#include "http/message.hpp"

namespace guiche::api {

constexpr const char* kSessionCookie = "guiche_session";
constexpr const char* kCsrfHeader = "x-csrf-token";

// Throws DomainError: unauthenticated (401) without a valid session or token;
// forbidden (403) for a cookie-authenticated write without the right CSRF token.
app::Actor require_caller(ApiContext& ctx, const http::Request& r);

// The Set-Cookie value that holds (or, with max_age 0, clears) a session; the
// API and the web pages share it, so one sign-in serves both.
std::string session_cookie(bool secure, const std::string& value, long max_age);

}  // namespace guiche::api
