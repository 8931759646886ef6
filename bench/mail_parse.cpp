// Incoming mail parsing throughput: the whole tests/mail/corpus parsed N
// times, in messages/s and MB/s, against two baselines measured in the same
// run: copying the raw bytes, and building GMime's memory stream over them
// (what parsing costs at least before any MIME work).
//
//   bench_mail_parse [--rounds N]
// The 20 MB message of the corpus is timed on its own: it would swamp the rest.
#include <gmime/gmime.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "../tests/mail/corpus_files.hpp"
#include "mail/inbound_message.hpp"

using namespace guiche;

namespace {

template <class F>
double seconds(F&& f) {
  const auto start = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

size_t sink = 0;  // results feed this so the work cannot be optimised away

void parse_all(const std::vector<std::string>& messages) {
  for (const auto& raw : messages) {
    try {
      sink += mail::parse_inbound(raw).text.size();
    } catch (const mail::UnparseableMessage&) {
      ++sink;
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  int rounds = 200;
  for (int i = 1; i + 1 < argc; i += 2)
    if (std::string(argv[i]) == "--rounds") rounds = std::atoi(argv[i + 1]);

  std::vector<std::string> messages;
  std::string big;
  size_t bytes = 0;
  for (const auto& c : mail::corpus::cases(std::string(GUICHE_SOURCE_DIR) + "/tests/mail/corpus")) {
    std::string raw = mail::corpus::read_file(c.eml);
    if (raw.find("@@BASE64 ") != std::string::npos) {
      big = mail::corpus::expand_markers(raw);
      continue;
    }
    bytes += raw.size();
    messages.push_back(std::move(raw));
  }
  parse_all(messages);  // warm-up: GMime initialisation, iconv caches

  const double copy = seconds([&] {
    for (int r = 0; r < rounds; ++r)
      for (const auto& raw : messages) {
        std::string copy(raw);
        sink += copy.size();
      }
  });
  const double stream = seconds([&] {
    for (int r = 0; r < rounds; ++r)
      for (const auto& raw : messages) {
        GMimeStream* s = g_mime_stream_mem_new_with_buffer(raw.data(), raw.size());
        sink += static_cast<size_t>(g_mime_stream_length(s));
        g_object_unref(s);
      }
  });
  const double parse = seconds([&] {
    for (int r = 0; r < rounds; ++r) parse_all(messages);
  });

  const double n = static_cast<double>(messages.size()) * rounds;
  const double mb = static_cast<double>(bytes) * rounds / 1e6;
  std::printf("corpus: %zu messages, %zu bytes, %d rounds\n", messages.size(), bytes, rounds);
  std::printf("%-22s %12.0f msg/s %10.1f MB/s\n", "copy raw bytes", n / copy, mb / copy);
  std::printf("%-22s %12.0f msg/s %10.1f MB/s\n", "GMime stream only", n / stream, mb / stream);
  std::printf("%-22s %12.0f msg/s %10.1f MB/s\n", "parse_inbound", n / parse, mb / parse);
  std::printf("parse / copy: %.0fx slower, parse / stream: %.0fx slower\n", parse / copy,
              parse / stream);
  if (!big.empty()) {
    const double t = seconds([&] { sink += mail::parse_inbound(big).attachments.size(); });
    std::printf("%zu MB message: parsed in %.0f ms (%.1f MB/s)\n", big.size() / 1000000, t * 1000,
                static_cast<double>(big.size()) / 1e6 / t);
  }
  return sink == 0 ? 1 : 0;
}
