#pragma once
// How the directory looks in the API: organizations, people (never their
// password hashes), authorized requesters, units, services with their Carta de
// Serviços fields and form, categories with pt-BR label and guidance, tokens.
#include <nlohmann/json.hpp>

#include "app/accounts/accounts.hpp"
#include "app/desk.hpp"
#include "domain/authorization.hpp"
#include "domain/organization.hpp"

namespace guiche::api {

nlohmann::json organization_json(const Organization& o);
nlohmann::json person_json(const Person& p);
nlohmann::json authorization_json(const AuthorizedRequester& a);
nlohmann::json unit_json(const Unit& u);
nlohmann::json service_json(const Service& s);
nlohmann::json category_json(Category c);
// The secret appears only when the token was just created.
nlohmann::json token_json(const app::ApiToken& t);

}  // namespace guiche::api
