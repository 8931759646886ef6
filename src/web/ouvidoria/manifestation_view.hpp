#pragma once
// A manifestação as the pages show it (the author's tracking page and the
// ouvidoria's): labels in the page's language, dates as dd/mm/aaaa, texts as
// paragraphs, the identity only when the view carries it.
#include <nlohmann/json.hpp>

#include "app/manifestations/manifestations.hpp"
#include "domain/ticket.hpp"
#include "web/web_context.hpp"

namespace guiche::web {

nlohmann::json manifestation_view(WebContext& ctx, const app::ManifestationView& v);

struct Visitor;
// The ticket page's "Manifestações ligadas": those the ouvidoria linked to
// `t`, each with its protocol, kind, status and a link to read it.
nlohmann::json linked_manifestations_view(WebContext& ctx, const Visitor& v, const Ticket& t);

}  // namespace guiche::web
