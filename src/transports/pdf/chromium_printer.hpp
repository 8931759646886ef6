#pragma once
// Prints our own HTML to a tagged PDF with headless Chromium (the
// app::PdfPrinter port): the document goes to a private temporary folder,
// Chromium runs on its file URL as a child process (support/child_run.hpp)
// with a fresh profile and every network request refused, and
// is killed if it takes longer than the limit. Nothing of the request
// reaches its command line: only paths we made.
#include <chrono>
#include <string>

#include "app/charter/pdf_printer.hpp"

namespace guiche::transports {

// The browser to print with: GUICHE_CHROMIUM when set, else Debian's binary
// (/usr/lib/chromium/chromium: /usr/bin/chromium is a shell script that
// starts it), else chromium, chromium-browser or google-chrome on PATH; ""
// when there is none.
std::string find_chromium();

struct ChromiumConfig {
  std::string binary;    // absolute path
  std::string temp_dir;  // "": the system's (TMPDIR, /tmp)
  std::chrono::seconds timeout{60};
};

class ChromiumPrinter final : public app::PdfPrinter {
 public:
  explicit ChromiumPrinter(ChromiumConfig config) : config_(std::move(config)) {}
  std::string print(const std::string& html) override;

 private:
  ChromiumConfig config_;
};

}  // namespace guiche::transports
