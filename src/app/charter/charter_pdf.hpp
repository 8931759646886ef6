#pragma once
// The charter in PDF (/carta.pdf), made in the background and kept until the
// catalog changes. What the PDF shows, but for what changes by itself (the
// generation date, the measured figures), has a fingerprint; the PDF of a
// fingerprint is printed once, by one generation at a time, and kept as
// <data dir>/charter/carta-<fingerprint>.pdf, so a restart prints nothing
// again. Only the PDF of the current fingerprint is ever handed out: while
// it is being printed there is none.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "app/charter/pdf_printer.hpp"

namespace guiche::app {

class CharterPdf {
 public:
  enum class State {
    ready,        // `pdf` holds it
    generating,   // being printed (or queued behind the one printing)
    failed,       // the last attempt failed less than kRetryAfterFailure ago
    unavailable,  // no printer: this server prints no PDF
  };
  struct Answer {
    State state = State::unavailable;
    std::string fingerprint;
    std::shared_ptr<const std::string> pdf;
  };

  explicit CharterPdf(std::string data_dir);
  ~CharterPdf();  // waits for the generation in progress
  CharterPdf(const CharterPdf&) = delete;
  CharterPdf& operator=(const CharterPdf&) = delete;

  // Set once at start, before any request (`serve` does); kept while a
  // generation may still use it.
  void set_printer(std::shared_ptr<PdfPrinter> printer);
  bool available() const;

  // The PDF for `content` (everything the PDF shows but the generation date
  // and the measured figures); when there is none yet, `render` (the whole
  // HTML to print) is called and its printing started in the background.
  Answer get(const std::string& content, const std::function<std::string()>& render);

  // How many PDFs this process printed (tests: a cached PDF prints none).
  std::int64_t generations() const;
  // Where the PDF of a fingerprint is kept.
  std::string path_for(const std::string& fingerprint) const;

  static std::string fingerprint_of(const std::string& content);
  static constexpr std::chrono::seconds kRetryAfterFailure{60};

 private:
  struct Job {
    std::string fingerprint;
    std::string html;
  };
  void work();
  void print(PdfPrinter& printer, const Job& job);

  const std::string dir_;
  std::shared_ptr<PdfPrinter> printer_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::optional<Job> pending_;
  std::optional<std::string> printing_;  // the fingerprint being printed
  std::string current_fingerprint_;
  std::shared_ptr<const std::string> current_pdf_;
  std::optional<std::pair<std::string, std::chrono::steady_clock::time_point>> failed_;
  std::int64_t generations_ = 0;
  std::thread worker_;  // started by the first generation
};

}  // namespace guiche::app
