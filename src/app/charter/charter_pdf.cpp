#include "app/charter/charter_pdf.hpp"
#include "observability/log.hpp"

#include <sodium.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace guiche::app {
namespace fs = std::filesystem;
namespace {

std::shared_ptr<const std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return nullptr;
  return std::make_shared<const std::string>(std::istreambuf_iterator<char>(in),
                                             std::istreambuf_iterator<char>());
}

// Writes `bytes` beside `path` and returns the part's name, for the caller to rename into place:
// a PDF on disk is always whole.
std::string write_part(const std::string& path, const std::string& bytes) {
  const std::string part = path + ".parte";
  std::ofstream out(part, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out.flush()) throw std::runtime_error("Não foi possível gravar " + part + ".");
  return part;
}

}  // namespace

CharterPdf::CharterPdf(std::string data_dir) : dir_((fs::path(data_dir) / "charter").string()) {}

CharterPdf::~CharterPdf() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (worker_.joinable()) worker_.join();
}

void CharterPdf::set_printer(std::shared_ptr<PdfPrinter> printer) {
  std::lock_guard lock(mutex_);
  printer_ = std::move(printer);
}

bool CharterPdf::available() const {
  std::lock_guard lock(mutex_);
  return printer_ != nullptr;
}

std::string CharterPdf::fingerprint_of(const std::string& content) {
  unsigned char hash[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(hash, reinterpret_cast<const unsigned char*>(content.data()), content.size());
  // 128 bits tell catalogs apart well enough and keep the file name short.
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 16; ++i) {
    out += digits[hash[i] >> 4];
    out += digits[hash[i] & 15];
  }
  return out;
}

std::string CharterPdf::path_for(const std::string& fingerprint) const {
  return (fs::path(dir_) / ("carta-" + fingerprint + ".pdf")).string();
}

std::int64_t CharterPdf::generations() const {
  std::lock_guard lock(mutex_);
  return generations_;
}

CharterPdf::Answer CharterPdf::get(const std::string& content,
                                   const std::function<std::string()>& render) {
  Answer answer;
  answer.fingerprint = fingerprint_of(content);
  const auto& fp = answer.fingerprint;
  {
    std::lock_guard lock(mutex_);
    if (current_fingerprint_ == fp && current_pdf_) {
      answer.state = State::ready;
      answer.pdf = current_pdf_;
      return answer;
    }
    // Printed before a restart.
    if (auto kept = read_file(path_for(fp))) {
      current_fingerprint_ = fp;
      current_pdf_ = kept;
      answer.state = State::ready;
      answer.pdf = kept;
      return answer;
    }
    if (!printer_) return answer;
    if (printing_ == fp || (pending_ && pending_->fingerprint == fp)) {
      answer.state = State::generating;
      return answer;
    }
    if (failed_ && failed_->first == fp &&
        std::chrono::steady_clock::now() - failed_->second < kRetryAfterFailure) {
      answer.state = State::failed;
      return answer;
    }
  }
  // Rendered outside the lock: it reads the database. Two requests may both
  // render; the second finds the first's job queued and drops its own.
  std::string html = render();
  std::lock_guard lock(mutex_);
  if (current_fingerprint_ == fp && current_pdf_) {  // printed meanwhile
    answer.state = State::ready;
    answer.pdf = current_pdf_;
    return answer;
  }
  answer.state = State::generating;
  if (printing_ == fp || (pending_ && pending_->fingerprint == fp)) return answer;
  // A newer catalog replaces a queued older one: only the latest is wanted.
  pending_ = Job{fp, std::move(html)};
  if (!worker_.joinable()) worker_ = std::thread([this] { work(); });
  wake_.notify_all();
  return answer;
}

void CharterPdf::work() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return stopping_ || pending_.has_value(); });
    if (stopping_) return;
    Job job = std::move(*pending_);
    pending_.reset();
    printing_ = job.fingerprint;
    auto printer = printer_;
    lock.unlock();
    print(*printer, job);
    lock.lock();
    printing_.reset();
  }
}

// One at a time: only the worker thread calls it.
void CharterPdf::print(PdfPrinter& printer, const Job& job) {
  try {
    auto pdf = std::make_shared<const std::string>(printer.print(job.html));
    fs::create_directories(dir_);
    const auto path = path_for(job.fingerprint);
    const auto part = write_part(path, *pdf);
    // The folder changes together with the state (a rename and a few removals): get() also
    // serves a kept file from disk, and must never find this one before the print is counted,
    // nor an older catalog's once this one is served.
    std::lock_guard lock(mutex_);
    fs::rename(part, path);
    std::error_code ignored;
    for (const auto& entry : fs::directory_iterator(dir_, ignored)) {
      const auto name = entry.path().filename().string();
      if (name.rfind("carta-", 0) == 0 && entry.path().string() != path)
        fs::remove(entry.path(), ignored);
    }
    current_fingerprint_ = job.fingerprint;
    current_pdf_ = std::move(pdf);
    failed_.reset();
    ++generations_;
  } catch (const std::exception& e) {
    observability::log_error("carta", std::string("a carta em PDF não foi gerada: ") + e.what());
    std::lock_guard lock(mutex_);
    failed_ = {job.fingerprint, std::chrono::steady_clock::now()};
  }
}

}  // namespace guiche::app
