// guiche mailgate: the MTA side of mail intake (the rt-mailgate convention).
// An MTA pipes one RFC 5322 message to it (Postfix alias:
//   atendimento: "|/usr/bin/guiche mailgate --url https://guiche.exemplo.gov.br")
// and it posts the message to POST /api/v1/mail/inbound with the mail
// gateway's token (GUICHE_MAILGATE_TOKEN, so it shows in no process list).
// Exit codes (sysexits.h), which every MTA understands:
//   0  EX_OK        the server answered 202: the message is stored;
//   75 EX_TEMPFAIL  the MTA keeps the message and retries: no connection,
//                   timeout, 5xx, 429, and configuration problems (missing URL
//                   or token, 401/403/404): mail waits in the queue until an
//                   admin fixes them instead of bouncing to the sender;
//   65 EX_DATAERR   the server refused this message for good (too large,
//                   empty): the MTA bounces it with the reason printed here.
// So nothing is lost: either the desk stored it, the MTA still holds it, or
// the sender got it back.
#include <curl/curl.h>

#include <cstdlib>
#include <iostream>
#include <iterator>
#include <memory>

#include "cli/subcommands.hpp"
#include "mail/curl_once.hpp"

namespace guiche::cli {
namespace {

constexpr int kExOk = 0;
constexpr int kExDataErr = 65;
constexpr int kExTempFail = 75;

struct MailgateOptions {
  std::string url;
  std::string token;
  int timeout_seconds = 180;
};

std::size_t collect(char* data, std::size_t size, std::size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

int post_message(const MailgateOptions& o, const std::string& message) {
  std::string url = o.url;
  while (!url.empty() && url.back() == '/') url.pop_back();
  url += "/api/v1/mail/inbound";
  mail::init_curl_once();
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) {
    std::cerr << "guiche mailgate: libcurl não inicializou\n";
    return kExTempFail;
  }
  curl_slist* headers = nullptr;
  headers = curl_slist_append(headers, "Content-Type: message/rfc822");
  headers = curl_slist_append(headers, ("Authorization: Bearer " + o.token).c_str());
  headers = curl_slist_append(headers, "Expect:");
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> header_list(headers,
                                                                          curl_slist_free_all);
  std::string answer;
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(c, CURLOPT_POST, 1L);
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, message.data());
  curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(message.size()));
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, 10'000L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(o.timeout_seconds) * 1000L);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &answer);
  const CURLcode rc = curl_easy_perform(c);
  if (rc != CURLE_OK) {
    std::cerr << "guiche mailgate: servidor indisponível (" << curl_easy_strerror(rc)
              << "); a mensagem fica na fila do servidor de e-mail\n";
    return kExTempFail;
  }
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  if (status >= 200 && status < 300) {
    std::cout << answer << "\n";
    return kExOk;
  }
  std::cerr << "guiche mailgate: o servidor respondeu " << status << ": " << answer << "\n";
  if (status >= 500 || status == 429 || status == 401 || status == 403 || status == 404 ||
      status == 408) {
    return kExTempFail;
  }
  return kExDataErr;
}

}  // namespace

void add_mailgate(CLI::App& app, Runners& runners) {
  auto options = std::make_shared<MailgateOptions>();
  auto* command =
      app.add_subcommand("mailgate", "entrega ao Guichê a mensagem lida da entrada padrão (MTA)");
  command->add_option("--url", options->url, "endereço do Guichê, ex.: https://guiche.exemplo")
      ->envname("GUICHE_MAILGATE_URL");
  command->add_option("--token", options->token, "token da conta do gateway de e-mail")
      ->envname("GUICHE_MAILGATE_TOKEN");
  command->add_option("--timeout", options->timeout_seconds, "segundos de espera pelo servidor")
      ->check(CLI::Range(1, 3600));
  runners[command] = [options] {
    // Checked here, not by the parser: a missing setting must defer the mail
    // (75), not bounce it.
    if (options->url.empty() || options->token.empty()) {
      std::cerr << "guiche mailgate: informe --url e o token (--token ou "
                   "GUICHE_MAILGATE_TOKEN); a mensagem fica na fila\n";
      return kExTempFail;
    }
    std::string message(std::istreambuf_iterator<char>(std::cin), {});
    if (!std::cin.eof() && std::cin.bad()) {
      std::cerr << "guiche mailgate: erro ao ler a mensagem da entrada padrão\n";
      return kExTempFail;
    }
    return post_message(*options, message);
  };
}

}  // namespace guiche::cli
