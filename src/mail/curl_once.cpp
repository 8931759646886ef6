#include "mail/curl_once.hpp"

#include <curl/curl.h>

#include <mutex>

namespace guiche::mail {

void init_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace guiche::mail
