#pragma once
// The port the printed charter (app/charter/charter_pdf.hpp) prints through,
// so neither the application nor the pages know which program makes the PDF
// (transports/pdf/chromium_printer.hpp does, with Chromium).
#include <string>

namespace guiche::app {

class PdfPrinter {
 public:
  virtual ~PdfPrinter() = default;
  // The PDF (tagged, A4) of a whole HTML document that needs nothing else: it
  // is printed with the network off, so whatever it would fetch is missing.
  // Throws std::runtime_error with a pt-BR message when it cannot.
  virtual std::string print(const std::string& html) = 0;
};

}  // namespace guiche::app
