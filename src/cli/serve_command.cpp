#include <arpa/inet.h>

#include <charconv>
#include <iostream>
#include <memory>

#include "api/routes.hpp"
#include "app/desk.hpp"
#include "app/housekeeping.hpp"
#include "cli/options.hpp"
#include "cli/subcommands.hpp"
#include "demo/demo_data.hpp"
#include "domain/error.hpp"
#include "domain/time.hpp"
#include "http/server.hpp"
#include "web/page_routes.hpp"

namespace guiche::cli {
namespace {

struct Listen {
  std::string host;
  unsigned short port = 0;
};

// HOST:PORT, HOST being an IP address ("[::1]" for IPv6) or "localhost": the
// server binds an address, it does not resolve names, so anything else would
// only fail later with a less helpful message.
Listen parse_listen(const std::string& text) {
  const auto bad = [&] {
    return invalid_field("--listen", "Endereço inválido em --listen: \"" + text +
                                         "\"; use HOST:PORTA, por exemplo 127.0.0.1:8080.");
  };
  const auto colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0) throw bad();
  Listen listen{text.substr(0, colon)};
  if (listen.host.size() > 2 && listen.host.front() == '[' && listen.host.back() == ']')
    listen.host = listen.host.substr(1, listen.host.size() - 2);

  const std::string port = text.substr(colon + 1);
  unsigned value = 0;
  const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
  if (port.empty() || ec != std::errc{} || end != port.data() + port.size() || value == 0 ||
      value > 65535)
    throw bad();
  listen.port = static_cast<unsigned short>(value);

  unsigned char address[16];
  const bool is_ip = ::inet_pton(AF_INET, listen.host.c_str(), address) == 1 ||
                     ::inet_pton(AF_INET6, listen.host.c_str(), address) == 1;
  if (!is_ip && listen.host != "localhost") throw bad();
  return listen;
}

}  // namespace

void add_serve(CLI::App& app, Runners& runners) {
  auto options = std::make_shared<StoreOptions>();
  auto listen = std::make_shared<std::string>("127.0.0.1:8080");
  auto demo = std::make_shared<bool>(false);
  auto web_dir = std::make_shared<std::string>(GUICHE_WEB_DIR);
  auto* command = app.add_subcommand("serve", "serve a API e as páginas");
  options->add_to(*command);
  command->add_option("--listen", *listen, "HOST:PORTA");
  command->add_option("--web", *web_dir, "pasta do portal (modelos e arquivos estáticos)");
  command->add_flag("--demo", *demo, "carrega os dados de demonstração se o banco estiver vazio");
  runners[command] = [options, listen, demo, web_dir] {
    // Checked before touching the database, so a typo costs nothing.
    const auto where = parse_listen(*listen);
    auto db = options->open_migrated();
    if (*demo && !demo::has_data(*db)) std::cout << demo::load_demo_data(*db, options->data_dir);
    SystemClock clock;
    app::DeskConfig config;
    config.data_dir = options->data_dir;
    app::Desk desk(*db, clock, config);
    // Resolved tickets close themselves once the reopen window ends.
    app::Housekeeping housekeeping(desk, std::chrono::minutes(1));
    std::cout << "Guichê em http://" << *listen << std::endl;
    api::ApiContext api_context{desk};
    auto routes = api::api_routes(api_context);
    // The pages share the port and the sessions with the API.
    web::WebContext web_context(desk, *web_dir, api_context.secure_cookies);
    for (auto& route : web::web_routes(web_context)) routes.push_back(std::move(route));
    // SQLite reads are local and quick enough to answer on the I/O threads;
    // PostgreSQL reads wait on the network, so they go to the workers too.
    http::ServeOptions serving;
    serving.reads_may_block = db->dialect() == store::Dialect::postgres;
    return http::serve(routes, where.host, where.port, serving);
  };
}

}  // namespace guiche::cli
