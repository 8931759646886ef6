#include <arpa/inet.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>

#include "api/metrics_routes.hpp"
#include "api/routes.hpp"
#include "app/accounts/accounts.hpp"
#include "app/calendars/calendar_book.hpp"
#include "app/calendars/calendars.hpp"
#include "app/charter/charter.hpp"
#include "app/desk.hpp"
#include "app/housekeeping.hpp"
#include "app/live/live_relay.hpp"
#include "app/mail_intake/mail_intake.hpp"
#include "app/outbox/outbox_metrics.hpp"
#include "app/periodic.hpp"
#include "app/reports/report_subscriptions.hpp"
#include "app/whatsapp/whatsapp_conversations.hpp"
#include "app/whatsapp/whatsapp_inbox.hpp"
#include "cli/ldap_options.hpp"
#include "cli/oidc_options.hpp"
#include "cli/options.hpp"
#include "cli/shipped_files.hpp"
#include "cli/subcommands.hpp"
#include "demo/demo_data.hpp"
#include "domain/error.hpp"
#include "domain/time.hpp"
#include "http/server.hpp"
#include "identity/ldap/ldap_server.hpp"
#include "identity/oidc/oidc_client.hpp"
#include "mail/imap_poller.hpp"
#include "observability/heartbeat_metrics.hpp"
#include "observability/log.hpp"
#include "observability/process_metrics.hpp"
#include "transports/email/delivery_worker.hpp"
#include "transports/outbox_worker.hpp"
#include "transports/pdf/chromium_printer.hpp"
#include "transports/webhook/webhook_transport.hpp"
#include "transports/whatsapp/cloud_media_source.hpp"
#include "transports/whatsapp/whatsapp_transport.hpp"
#include "web/page_routes.hpp"
#include "web/reports/report_mail.hpp"

namespace guiche::cli {
namespace {

// A start-up message: plain on standard output for a person at a terminal,
// a log line when the log is JSON (a log shipper reads both streams).
void announce(const std::string& text) {
  if (observability::log_format() == observability::LogFormat::json)
    observability::log_notice("guiche serve", text);
  else
    std::cout << text << std::endl;
}

struct Listen {
  std::string host;
  unsigned short port = 0;
};

// HOST:PORT, HOST being an IP address ("[::1]" for IPv6) or "localhost": the
// server binds an address, it does not resolve names, so anything else would
// only fail later with a less helpful message.
Listen parse_listen(const std::string& text, const std::string& option = "--listen") {
  const auto bad = [&] {
    return invalid_field(option, "Endereço inválido em " + option + ": \"" + text +
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

mail::SmtpConfig::Tls parse_tls(const std::string& text) {
  if (text == "none") return mail::SmtpConfig::Tls::none;
  if (text == "optional") return mail::SmtpConfig::Tls::optional;
  if (text == "required") return mail::SmtpConfig::Tls::required;
  throw invalid_field("--smtp-starttls", "Use none, optional ou required em --smtp-starttls.");
}

// A CLI11 check from one of the parsers above, so a bad value is refused while
// parsing: in the configuration file, with its line (cli/config_file.hpp).
template <typename Parse>
std::function<std::string(const std::string&)> parsed_by(Parse parse) {
  return [parse](const std::string& text) {
    try {
      parse(text);
      return std::string();
    } catch (const DomainError& e) {
      return std::string(e.what());
    }
  };
}

// SMTP settings; the password only ever comes from the environment
// (GUICHE_SMTP_PASSWORD), so it shows in no process list nor shell history.
struct MailOptions {
  std::string host;
  int port = 25;
  std::string starttls = "optional";
  std::string user;
  std::string from = "nao-responda@guiche.localhost";
  std::string from_name = "Central de Serviços";
  std::string public_url;
  // Who speaks in status notices, and the clients' incident channel they name.
  std::string agency_name = "Central de Serviços";
  std::string incident_channel = "canal de comunicação de incidentes";

  void add_to(CLI::App& command) {
    command.add_option("--smtp-host", host, "servidor SMTP (sem ele, as mensagens ficam na fila)")
        ->envname("GUICHE_SMTP_HOST");
    command.add_option("--smtp-port", port, "porta SMTP")->envname("GUICHE_SMTP_PORT");
    command.add_option("--smtp-starttls", starttls, "none | optional | required")
        ->check(parsed_by(parse_tls))
        ->envname("GUICHE_SMTP_STARTTLS");
    command.add_option("--smtp-user", user, "usuário SMTP (senha em GUICHE_SMTP_PASSWORD)")
        ->envname("GUICHE_SMTP_USER");
    command.add_option("--mail-from", from, "remetente das mensagens")->envname("GUICHE_MAIL_FROM");
    command.add_option("--mail-from-name", from_name, "nome do remetente")
        ->envname("GUICHE_MAIL_FROM_NAME");
    command.add_option("--public-url", public_url, "endereço público, para os links das mensagens")
        ->envname("GUICHE_PUBLIC_URL");
    command
        .add_option("--agency-name", agency_name,
                    "quem assina os comunicados de incidente (\"PRODEST Informa:\")")
        ->envname("GUICHE_AGENCY_NAME");
    command
        .add_option("--incident-channel", incident_channel,
                    "o canal onde os órgãos relatam incidentes (\"Grupo WhatsApp TI ES\")")
        ->envname("GUICHE_INCIDENT_CHANNEL");
  }
};

// The IMAP poller's mailboxes; the password only from GUICHE_IMAP_PASSWORD.
struct ImapOptions {
  std::vector<std::string> urls;
  std::string user;
  int interval_seconds = 60;

  void add_to(CLI::App& command) {
    command.add_option("--imap-url", urls,
                       "caixa a ler, imaps://servidor/INBOX (repetível; senha em "
                       "GUICHE_IMAP_PASSWORD)");
    command.add_option("--imap-user", user, "usuário IMAP")->envname("GUICHE_IMAP_USER");
    command.add_option("--imap-interval", interval_seconds, "segundos entre leituras das caixas")
        ->check(CLI::Range(1, 86400));
  }
};

// The WhatsApp channel (docs: BRAZIL.md, 7.1): where the Cloud API answers
// and which number speaks; the secrets only from the environment.
struct WhatsAppOptions {
  std::string api_url;
  std::string phone_number_id;
  std::string templates = shipped_file("whatsapp_templates.json", GUICHE_WHATSAPP_TEMPLATES);

  void add_to(CLI::App& command) {
    command
        .add_option("--whatsapp-api-url", api_url,
                    "URL da Cloud API do WhatsApp com a versão (https://graph.facebook.com/v21.0)")
        ->envname("GUICHE_WHATSAPP_API_URL");
    command
        .add_option("--whatsapp-phone-number-id", phone_number_id,
                    "id do número do WhatsApp Business (token em GUICHE_WHATSAPP_TOKEN)")
        ->envname("GUICHE_WHATSAPP_PHONE_NUMBER_ID");
    command.add_option(
        "--whatsapp-templates", templates,
        "arquivo dos modelos aprovados do WhatsApp (config/whatsapp_templates.json)");
  }

  app::WhatsAppConfig config() const {
    app::WhatsAppConfig c;
    c.api_url = api_url;
    c.phone_number_id = phone_number_id;
    auto secret = [](const char* name) {
      const char* value = std::getenv(name);
      return value ? std::string(value) : std::string();
    };
    c.token = secret("GUICHE_WHATSAPP_TOKEN");
    c.app_secret = secret("GUICHE_WHATSAPP_APP_SECRET");
    c.verify_token = secret("GUICHE_WHATSAPP_VERIFY_TOKEN");
    return c;
  }
};

// "Canal WhatsApp desligado: falta ..." naming the settings, never a value.
std::string whatsapp_off_message(const app::WhatsAppConfig& c) {
  std::string names;
  const auto missing = c.missing();
  for (std::size_t i = 0; i < missing.size(); ++i) {
    if (i) names += i + 1 == missing.size() ? " e " : ", ";
    names += missing[i];
  }
  return "Canal WhatsApp desligado: falta" + std::string(missing.size() > 1 ? "m " : " ") + names +
         ".";
}

// The desk's file policy (app/attachments/attachment_policy.hpp). A list given
// replaces its default whole; files it refuses are kept, held for staff.
struct AttachmentOptions {
  std::vector<std::string> types;
  std::vector<std::string> binary_extensions;
  std::vector<std::string> refused_extensions;
  int max_mb = 25;

  void add_to(CLI::App& command) {
    command.add_option("--attachment-type", types,
                       "tipo de arquivo aceito (prefixo do tipo detectado, ex. application/pdf; "
                       "repetível, substitui a lista padrão)");
    command.add_option("--attachment-binary-extension", binary_extensions,
                       "extensão aceita quando o conteúdo não tem tipo conhecido "
                       "(application/octet-stream), ex. dmp, log (repetível)");
    command.add_option("--attachment-refused-extension", refused_extensions,
                       "extensão sempre recusada (programas e scripts), ex. exe (repetível)");
    command.add_option("--attachment-max-mb", max_mb, "tamanho máximo aceito de um anexo, em MB")
        ->check(CLI::Range(1, 1024));
  }

  void apply(app::DeskConfig& config) const {
    auto lowered = [](std::vector<std::string> list) {
      for (auto& item : list) {
        while (!item.empty() && item.front() == '.') item.erase(0, 1);
        for (auto& ch : item) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      }
      return list;
    };
    if (!types.empty()) config.attachment_types = lowered(types);
    if (!binary_extensions.empty())
      config.attachment_binary_extensions = lowered(binary_extensions);
    if (!refused_extensions.empty()) {
      config.attachment_refused_extensions = lowered(refused_extensions);
    }
    config.max_attachment_bytes = std::int64_t{max_mb} * 1024 * 1024;
    config.max_held_attachment_bytes =
        std::max(config.max_held_attachment_bytes, config.max_attachment_bytes);
  }
};

}  // namespace

void add_serve(CLI::App& app, Runners& runners) {
  auto options = std::make_shared<StoreOptions>();
  auto listen = std::make_shared<std::string>("127.0.0.1:8080");
  auto demo = std::make_shared<bool>(false);
  auto calendar = std::make_shared<std::string>("br");
  auto web_dir = std::make_shared<std::string>(shipped_file("web", GUICHE_WEB_DIR));
  auto* command = app.add_subcommand("serve", "serve a API e as páginas");
  options->add_to(*command);
  command->add_option("--listen", *listen, "HOST:PORTA")
      ->check(parsed_by([](const std::string& text) { return parse_listen(text); }));
  command->add_option("--web", *web_dir, "pasta do portal (modelos e arquivos estáticos)");
  command->add_flag("--demo", *demo, "carrega os dados de demonstração se o banco estiver vazio");
  command->add_option("--calendar", *calendar,
                      "calendário do expediente da central (br, br-es, br-ms ou um cadastrado)");
  // Status notices' reminders (app/incidents/notice_reminders.hpp); 0 turns one off.
  auto maintenance_reminder_hours = std::make_shared<int>(24);
  auto incident_reminder_hours = std::make_shared<int>(2);
  command
      ->add_option("--maintenance-reminder-hours", *maintenance_reminder_hours,
                   "horas antes do início de uma manutenção para lembrar os órgãos (0: não lembra)")
      ->check(CLI::Range(0, 24 * 30))
      ->envname("GUICHE_MAINTENANCE_REMINDER_HOURS");
  command
      ->add_option("--incident-reminder-hours", *incident_reminder_hours,
                   "horas sem atualização publicada de um incidente para lembrar a ASCOM (0: não "
                   "lembra)")
      ->check(CLI::Range(0, 24 * 30))
      ->envname("GUICHE_INCIDENT_REMINDER_HOURS");
  // LGPD art. 37: how long the personal-data access log keeps its entries
  // (app/privacy/access_log.hpp); housekeeping deletes older ones.
  auto access_log_retention_days = std::make_shared<int>(1825);
  command
      ->add_option("--access-log-retention-days", *access_log_retention_days,
                   "dias que o registro de acessos a dados pessoais guarda cada leitura (LGPD, "
                   "art. 37; padrão 1825, cerca de 5 anos)")
      ->check(CLI::Range(1, 36500))
      ->envname("GUICHE_ACCESS_LOG_RETENTION_DAYS");
  // Observability (observability/): the log's format and where /metrics is served.
  auto log_format = std::make_shared<std::string>("text");
  command
      ->add_option("--log-format", *log_format,
                   "formato do log: text ou json (uma linha JSON por evento)")
      ->check(CLI::IsMember({"text", "json"}))
      ->envname("GUICHE_LOG_FORMAT");
  auto metrics_listen = std::make_shared<std::string>();
  command
      ->add_option("--metrics-listen", *metrics_listen,
                   "HOST:PORTA onde GET /metrics responde sem token (só a rede de monitoramento "
                   "deve alcançá-lo); no endereço principal /metrics exige GUICHE_METRICS_TOKEN")
      ->check(
          parsed_by([](const std::string& text) { return parse_listen(text, "--metrics-listen"); }))
      ->envname("GUICHE_METRICS_LISTEN");
  // LGPD retention (app/personal_data/personal_data.hpp); 0 turns it off.
  auto anonymize_after_years = std::make_shared<int>(0);
  command
      ->add_option("--anonymize-requesters-after-years", *anonymize_after_years,
                   "anonimiza os solicitantes cujos chamados foram todos fechados há mais de N "
                   "anos (LGPD; 0: nunca)")
      ->check(CLI::Range(0, 100))
      ->envname("GUICHE_ANONYMIZE_REQUESTERS_AFTER_YEARS");
  auto mail_options = std::make_shared<MailOptions>();
  mail_options->add_to(*command);
  auto imap_options = std::make_shared<ImapOptions>();
  imap_options->add_to(*command);
  auto whatsapp_options = std::make_shared<WhatsAppOptions>();
  whatsapp_options->add_to(*command);
  auto attachment_options = std::make_shared<AttachmentOptions>();
  attachment_options->add_to(*command);
  auto ldap_options = std::make_shared<LdapOptions>();
  ldap_options->add_to(*command);
  auto oidc_options = std::make_shared<OidcOptions>();
  oidc_options->add_to(*command);
  runners[command] = [options, listen, demo, calendar, mail_options, imap_options, web_dir,
                      maintenance_reminder_hours, incident_reminder_hours, whatsapp_options,
                      log_format, metrics_listen, attachment_options, anonymize_after_years,
                      access_log_retention_days, ldap_options, oidc_options] {
    // Before any thread starts: a SIGTERM during start-up then waits for the
    // server's handler and ends in the same clean stop (http/server.hpp).
    http::hold_stop_signals();
    observability::set_log_format(*observability::parse_log_format(*log_format));
    // Checked before touching the database, so a typo costs nothing.
    const auto where = parse_listen(*listen);
    std::optional<Listen> metrics_where;
    if (!metrics_listen->empty()) metrics_where = parse_listen(*metrics_listen, "--metrics-listen");
    const auto tls = parse_tls(mail_options->starttls);
    std::optional<identity::LdapConfig> ldap;
    std::vector<identity::OidcClientConfig> oidc;
    try {
      ldap = ldap_options->config();
      oidc = oidc_options->configs();
    } catch (const std::invalid_argument& e) {
      std::cerr << "guiche serve: " << e.what() << "\n";
      return 2;
    }
    auto db = options->open_migrated();
    if (*demo && !demo::has_data(*db)) {
      // Through a connection of its own whose commits do not wait for the
      // disk (store/database.hpp): the demo is loaded again if it is lost.
      auto loader = options->open_migrated(store::Durability::relaxed);
      auto report = demo::load_demo_data(*loader, options->data_dir);
      while (!report.empty() && report.back() == '\n') report.pop_back();
      announce(report);
    }
    SystemClock clock;
    app::DeskConfig config;
    config.data_dir = options->data_dir;
    config.calendar = *calendar;
    config.mail_from_address = mail_options->from;
    config.mail_from_name = mail_options->from_name;
    config.agency_name = mail_options->agency_name;
    config.incident_group_name = mail_options->incident_channel;
    config.maintenance_reminder_before = std::chrono::hours(*maintenance_reminder_hours);
    config.incident_update_reminder = std::chrono::hours(*incident_reminder_hours);
    config.access_log_retention = std::chrono::days(*access_log_retention_days);
    config.session_recheck = std::chrono::minutes(oidc_options->session_recheck_minutes);
    config.public_url =
        mail_options->public_url.empty() ? "http://" + *listen : mail_options->public_url;
    // Only PostgreSQL is shared by several nodes.
    const bool shared_database = db->dialect() == store::Dialect::postgres;
    config.share_live_changes = shared_database;
    config.whatsapp = whatsapp_options->config();
    attachment_options->apply(config);
    config.anonymize_requesters_after_years = *anonymize_after_years;
    if (config.whatsapp.enabled()) {
      try {
        config.whatsapp.templates = app::load_whatsapp_templates(whatsapp_options->templates);
      } catch (const std::invalid_argument& e) {
        std::cerr << "guiche serve: " << e.what() << "\n";
        return 2;
      }
      config.notice_channels.push_back("whatsapp");
    }
    app::Desk desk(*db, clock, config);
    if (!desk.calendars().book().find(config.calendar)) {
      std::cerr << "guiche serve: calendário desconhecido em --calendar: " << config.calendar
                << "\n";
      return 2;
    }
    // Signing in through the directory, asked after the local passwords (app/accounts/auth/).
    if (ldap) {
      auto server = std::make_shared<identity::LdapServer>(*ldap);
      announce("Entrada pelo diretório ligada: " + server->describe() + ".");
      if (ldap->insecure) {
        observability::log_notice(
            "ldap",
            "ATENÇÃO: --ldap-insecure: as senhas vão ao diretório SEM criptografia. "
            "Só para testes; em produção use ldaps:// ou StartTLS.");
      }
      desk.accounts().use_directory(std::move(server));
    }
    // OpenID Connect providers (app/accounts/auth/oidc_backend.hpp): one button each on /entrar.
    for (auto& provider : oidc) {
      announce("Entrada pelo provedor OpenID Connect \"" + provider.settings.name +
               "\" ligada: " + provider.settings.issuer + ".");
      desk.accounts().use_oidc_provider(
          std::make_shared<identity::OidcClient>(std::move(provider)));
    }
    // Notices are always written to the outbox; they leave only with a server.
    std::unique_ptr<mail::DeliveryWorker> delivery;
    if (!mail_options->host.empty()) {
      mail::DeliveryConfig mail_config;
      mail_config.smtp.host = mail_options->host;
      mail_config.smtp.port = mail_options->port;
      mail_config.smtp.tls = tls;
      mail_config.smtp.user = mail_options->user;
      if (const char* password = std::getenv("GUICHE_SMTP_PASSWORD"))
        mail_config.smtp.password = password;
      mail_config.from = {config.mail_from_name, config.mail_from_address};
      delivery = std::make_unique<mail::DeliveryWorker>(*db, clock, mail_config);
    }
    // Webhook deliveries leave through their own worker (transports/), whatever the mail setup.
    transports::OutboxWorker webhook_delivery(
        *db, clock, std::make_unique<transports::WebhookTransport>(*db, clock),
        transports::WorkerConfig{});
    // WhatsApp notices leave through the Cloud API once the channel is configured.
    std::unique_ptr<transports::OutboxWorker> whatsapp_delivery;
    std::unique_ptr<transports::CloudMediaSource> whatsapp_media;
    std::optional<app::Periodic> whatsapp_inbox;
    if (config.whatsapp.enabled()) {
      transports::WhatsAppTransportConfig wa;
      wa.api = {config.whatsapp.api_url, config.whatsapp.phone_number_id, config.whatsapp.token};
      wa.attachments_dir = (std::filesystem::path(config.data_dir) / "attachments").string();
      whatsapp_delivery = std::make_unique<transports::OutboxWorker>(
          *db, clock, std::make_unique<transports::WhatsAppTransport>(*db, clock, wa),
          transports::WorkerConfig{});
      // What the webhook kept is worked here, after it was answered: statuses, then the
      // chatbot's conversations, which fetch the files people send (docs/whatsapp.md).
      whatsapp_media = std::make_unique<transports::CloudMediaSource>(wa.api);
      desk.whatsapp_conversations().set_media_source(whatsapp_media.get());
      whatsapp_inbox.emplace("whatsapp-inbox", std::chrono::milliseconds(500), [&desk] {
        desk.whatsapp_inbox().process_due();
        desk.whatsapp_conversations().expire_quiet();
      });
      announce("Canal WhatsApp ligado (número " + config.whatsapp.phone_number_id + ").");
    } else {
      announce(whatsapp_off_message(config.whatsapp));
    }
    // Mail from the configured mailboxes enters through the same intake as mailgate's.
    std::unique_ptr<mail::ImapPoller> poller;
    if (!imap_options->urls.empty()) {
      mail::ImapConfig imap;
      imap.mailboxes = imap_options->urls;
      imap.user = imap_options->user;
      if (const char* password = std::getenv("GUICHE_IMAP_PASSWORD")) imap.password = password;
      imap.interval = std::chrono::seconds(imap_options->interval_seconds);
      poller = std::make_unique<mail::ImapPoller>(
          imap, [&desk](const std::string& raw, const std::string& source) {
            try {
              desk.mail().receive_polled_mail(raw, source);
            } catch (const DomainError& e) {
              throw mail::RefusedMessage(e.what());
            }
          });
    }
    // The charter in PDF is printed by Chromium, when there is one.
    if (const auto chromium = transports::find_chromium(); !chromium.empty()) {
      transports::ChromiumConfig printing;
      printing.binary = chromium;
      desk.charter().pdf().set_printer(std::make_shared<transports::ChromiumPrinter>(printing));
      announce("Carta em PDF impressa com " + chromium + ".");
    } else {
      announce(
          "Carta em PDF desligada: Chromium não encontrado (pacote chromium, ou GUICHE_CHROMIUM).");
    }
    // Scheduled reports are written by the pages' layer, which owns their tables and CSV.
    // Its own context: the housekeeping thread writes them while the pages' one serves.
    desk.report_subscriptions().set_writer(
        [mail_pages = std::make_shared<web::WebContext>(desk, *web_dir, false)](
            const app::Actor& a, const std::string& report, const app::ReportFilters& query) {
          return web::report_mail(*mail_pages, a, report, query);
        });
    // Resolved tickets close themselves once the reopen window ends.
    app::Housekeeping housekeeping(desk, std::chrono::minutes(1));
    // Live pages also hear of changes made through other nodes on the same database.
    std::optional<app::LiveRelay> live_relay;
    if (shared_database) live_relay.emplace(desk, std::chrono::milliseconds(500));
    announce("Guichê em http://" + *listen);
    // /metrics: the process, the workers' heartbeats and the outbox, measured at each scrape.
    auto process_metrics = observability::add_process_metrics(observability::metrics());
    auto heartbeat_metrics =
        observability::add_heartbeat_metrics(observability::metrics(), observability::heartbeats());
    auto outbox_metrics = app::add_outbox_metrics(desk.outbox(), observability::metrics());
    api::ApiContext api_context{desk};
    if (const char* token = std::getenv("GUICHE_METRICS_TOKEN")) api_context.metrics_token = token;
    auto routes = api::api_routes(api_context);
    // The pages share the port and the sessions with the API.
    web::WebContext web_context(desk, *web_dir, api_context.secure_cookies);
    web_context.public_url = mail_options->public_url;
    for (auto& route : web::web_routes(web_context)) routes.push_back(std::move(route));
    // SQLite reads are local and quick enough to answer on the I/O threads;
    // PostgreSQL reads wait on the network, so they go to the workers too.
    http::ServeOptions serving;
    serving.reads_may_block = db->dialect() == store::Dialect::postgres;
    // Bodies past what any route accepts (an upload batch, a raw e-mail) are
    // refused at their head, before they are read.
    // Held files (refused by type, still kept) may be larger than accepted ones.
    const auto largest = std::max({config.max_attachment_bytes, config.max_held_attachment_bytes,
                                   config.max_mail_bytes}) +
                         (2LL << 20);
    serving.max_body_bytes = std::max(serving.max_body_bytes, static_cast<std::uint64_t>(largest));
    if (metrics_where) {
      serving.side = {metrics_where->host, metrics_where->port, api::metrics_listener_routes()};
      announce("Métricas em http://" + *metrics_listen + "/metrics");
    }
    return http::serve(routes, where.host, where.port, serving);
  };
}

}  // namespace guiche::cli
