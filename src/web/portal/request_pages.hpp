#pragma once
// What the requester's request pages share: the request page is rendered
// both on GET and again, with the sent values and errors, when one of its
// forms fails (request_actions.cpp); Minha Área and the actions register
// their routes through add_request_pages.
#include <map>
#include <string>
#include <vector>

#include "web/page.hpp"

namespace guiche::web {

// The state of the one form of the request page that was just sent and
// refused: which form ("resposta", "arquivos", "avaliacao", "reabertura"),
// what was typed, and the errors by field name of that form.
struct SentForm {
  std::string name;
  Form values;
  std::map<std::string, std::string> errors;
};

http::Response request_page(WebContext& ctx, const Visitor& v, const std::string& protocol,
                            const SentForm& sent, int status, const std::string& done = "");

void add_my_area_pages(WebContext& ctx, std::vector<http::Route>& routes);
void add_my_data_pages(WebContext& ctx, std::vector<http::Route>& routes);  // my_data_pages.cpp
void add_request_actions(WebContext& ctx, std::vector<http::Route>& routes);

}  // namespace guiche::web
