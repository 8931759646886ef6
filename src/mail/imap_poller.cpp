#include "mail/imap_poller.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <sstream>

#include "mail/curl_once.hpp"

#include "observability/log.hpp"
#include "observability/metrics.hpp"

namespace guiche::mail {
namespace {

// Rounds that failed on a mailbox (the server down, a wrong password):
// /metrics' signal that mail has stopped coming in.
void count_poll_error(const std::string& mailbox) {
  static auto& family = observability::metrics().counter(
      "guiche_imap_poll_errors_total",
      "Leituras de caixa IMAP que falharam (servidor fora, senha errada, mensagem ilegível).",
      {"mailbox"});
  family.with({mailbox}).inc();
}

}  // namespace

namespace {

std::size_t append(char* data, std::size_t size, std::size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

// The message of a "UID FETCH n BODY.PEEK[]" answer: curl hands a custom
// command's untagged responses, literal included, to the header callback.
// The literal's announced size ("{N}\r\n") says exactly where it ends.
std::string literal_of(const std::string& response) {
  const auto open = response.find("BODY[] {");
  if (open == std::string::npos) throw ImapError("resposta FETCH sem BODY[]");
  const auto size_at = open + 8;
  const auto close = response.find("}\r\n", size_at);
  if (close == std::string::npos) throw ImapError("resposta FETCH sem literal");
  const std::size_t size = std::stoul(response.substr(size_at, close - size_at));
  if (response.size() < close + 3 + size) throw ImapError("mensagem IMAP incompleta");
  return response.substr(close + 3, size);
}

std::vector<std::string> search_uids(const std::string& response) {
  std::vector<std::string> uids;
  std::istringstream lines(response);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("* SEARCH", 0) != 0) continue;
    std::istringstream words(line.substr(8));
    for (std::string uid; words >> uid;) {
      // The line may reach both of curl's streams: each UID once.
      if (uid.find_first_not_of("0123456789") == std::string::npos &&
          std::find(uids.begin(), uids.end(), uid) == uids.end()) {
        uids.push_back(uid);
      }
    }
  }
  return uids;
}

}  // namespace

std::string mailbox_of(const std::string& url) {
  const auto scheme = url.find("://");
  const auto slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  if (slash == std::string::npos || slash + 1 >= url.size()) return "INBOX";
  return url.substr(slash + 1);
}

ImapPoller::ImapPoller(ImapConfig config, DeliverMail deliver, bool start_thread)
    : config_(std::move(config)), deliver_(std::move(deliver)) {
  init_curl_once();
  curl_ = curl_easy_init();
  if (!curl_) throw ImapError("libcurl não inicializou");
  if (start_thread) {
    // A round reads every mailbox, each command bounded by the timeout: a
    // backlog of messages takes a while, a hung server is caught.
    beat_ =
        observability::heartbeats().enroll("imap", 3 * config_.interval + std::chrono::minutes(30));
    thread_ = std::thread([this] { run(); });
  }
}

ImapPoller::~ImapPoller() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  curl_easy_cleanup(static_cast<CURL*>(curl_));
}

int ImapPoller::poll_once() {
  int delivered = 0;
  for (const auto& url : config_.mailboxes) {
    try {
      delivered += poll_mailbox(url);
    } catch (const std::exception& e) {
      count_poll_error(mailbox_of(url));
      observability::log_error("imap", mailbox_of(url) + ": " + e.what());
    }
  }
  return delivered;
}

int ImapPoller::poll_mailbox(const std::string& url) {
  CURL* curl = static_cast<CURL*>(curl_);
  // One command on the mailbox; returns what the server answered (untagged
  // lines go to the header stream for custom commands).
  auto command = [&](const std::string& text) {
    std::string headers, body;
    curl_easy_reset(curl);
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, 10'000L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(config_.timeout.count() * 1000));
    curl_easy_setopt(curl, CURLOPT_USERNAME, config_.user.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, config_.password.c_str());
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, text.c_str());
    // curl reads a custom command's answer line by line into this buffer; a
    // longer line (RFC 5322 allows 998 bytes, senders exceed it) is cut short.
    curl_easy_setopt(curl, CURLOPT_BUFFERSIZE, 512L * 1024);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, append);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &headers);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, append);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
    char detail[CURL_ERROR_SIZE] = {0};
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, detail);
    const CURLcode rc = curl_easy_perform(curl);
    if (rc != CURLE_OK) {
      // curl's text names the host at most, never the credentials.
      std::string what = curl_easy_strerror(rc);
      if (detail[0] != '\0') what += ": " + std::string(detail);
      throw ImapError(what);
    }
    return headers + body;
  };
  const std::string source = "imap:" + mailbox_of(url);
  int delivered = 0;
  for (const auto& uid : search_uids(command("UID SEARCH UNSEEN"))) {
    std::string raw;
    try {
      raw = literal_of(command("UID FETCH " + uid + " BODY.PEEK[]"));
    } catch (const ImapError& e) {
      // One message that cannot be read must not hold up the others; it
      // stays unseen and is tried again next round.
      count_poll_error(mailbox_of(url));
      observability::log_error(
          "imap", mailbox_of(url) + ": mensagem UID " + uid + " não lida: " + e.what());
      continue;
    }
    try {
      deliver_(raw, source);
    } catch (const RefusedMessage& e) {
      observability::log_error(
          "imap", mailbox_of(url) + ": mensagem UID " + uid + " recusada: " + e.what());
      command("UID STORE " + uid + " +FLAGS (\\Seen \\Flagged)");
      continue;
    }
    // Only now: the intake has committed it.
    command("UID STORE " + uid + " +FLAGS (\\Seen)");
    ++delivered;
  }
  return delivered;
}

void ImapPoller::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    beat_.now();
    poll_once();
    lock.lock();
    wake_.wait_for(lock, config_.interval, [this] { return stopping_; });
  }
}

}  // namespace guiche::mail
