#pragma once
// A PDF printer for tests (the app::PdfPrinter port): it records the HTML it
// was given, holds each print until the gate opens (so a test sees the
// generation in progress), fails when told, and counts how many prints ran
// at the same time.
#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/charter/pdf_printer.hpp"

namespace guiche::testing {

class GatedPrinter final : public app::PdfPrinter {
 public:
  std::string print(const std::string& html) override {
    std::unique_lock lock(mutex_);
    htmls_.push_back(html);
    max_at_once_ = std::max(max_at_once_, ++at_once_);
    changed_.notify_all();
    changed_.wait(lock, [this] { return open_; });
    --at_once_;
    if (failing_) throw std::runtime_error("impressora de teste desligada");
    return "%PDF-1.7 teste " + std::to_string(htmls_.size());
  }
  void close() {
    set([this] { open_ = false; });
  }
  void open() {
    set([this] { open_ = true; });
  }
  void fail(bool failing) {
    set([this, failing] { failing_ = failing; });
  }
  // Waits until `n` prints have started.
  bool started(std::size_t n) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, std::chrono::seconds(10), [&] { return htmls_.size() >= n; });
  }
  std::vector<std::string> htmls() {
    std::lock_guard lock(mutex_);
    return htmls_;
  }
  int max_at_once() {
    std::lock_guard lock(mutex_);
    return max_at_once_;
  }

 private:
  template <typename F>
  void set(F change) {
    std::lock_guard lock(mutex_);
    change();
    changed_.notify_all();
  }
  std::mutex mutex_;
  std::condition_variable changed_;
  bool open_ = true;
  bool failing_ = false;
  int at_once_ = 0;
  int max_at_once_ = 0;
  std::vector<std::string> htmls_;
};

}  // namespace guiche::testing
