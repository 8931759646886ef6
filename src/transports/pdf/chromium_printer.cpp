#include "transports/pdf/chromium_printer.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "support/child_run.hpp"

namespace guiche::transports {
namespace fs = std::filesystem;
namespace {

bool executable(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec) && ::access(p.c_str(), X_OK) == 0;
}

std::string on_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "/usr/bin:/bin");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    if (!dir.empty() && executable(fs::path(dir) / name)) return (fs::path(dir) / name).string();
  }
  return "";
}

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The end of Chromium's log, for the error message.
std::string log_tail(const fs::path& p) {
  auto text = read_all(p);
  if (text.size() > 600) text = "…" + text.substr(text.size() - 600);
  return text;
}

// A folder only we may read, removed with everything in it when done.
class PrivateDir {
 public:
  explicit PrivateDir(const std::string& base) {
    auto templ =
        (fs::path(base.empty() ? fs::temp_directory_path().string() : base) / "guiche-carta-XXXXXX")
            .string();
    if (!::mkdtemp(templ.data()))
      throw std::runtime_error("Não foi possível criar a pasta temporária da impressão.");
    path_ = templ;
  }
  ~PrivateDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

}  // namespace

std::string find_chromium() {
  if (const char* chosen = std::getenv("GUICHE_CHROMIUM"); chosen && *chosen) {
    if (executable(chosen)) return fs::absolute(chosen).string();
    const auto found = on_path(chosen);
    if (!found.empty()) return found;
    return "";
  }
  if (executable("/usr/lib/chromium/chromium")) return "/usr/lib/chromium/chromium";
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
    const auto found = on_path(name);
    if (!found.empty()) return found;
  }
  return "";
}

std::string ChromiumPrinter::print(const std::string& html) {
  PrivateDir work(config_.temp_dir);
  const auto page = work.path() / "carta.html";
  const auto pdf = work.path() / "carta.pdf";
  const auto log = work.path() / "chromium.log";
  {
    std::ofstream out(page, std::ios::binary);
    out << html;
    if (!out.flush()) throw std::runtime_error("Não foi possível gravar a carta para impressão.");
  }
  const std::string home = work.path().string();
  // Chromium makes its single-instance socket in TMPDIR (".org.chromium.Chromium.XXXXXX/
  // SingletonSocket", 47 characters more) and exits when that path passes a Unix socket's 107
  // bytes: from a deep folder, its temporary files get a private folder of their own in /tmp.
  std::optional<PrivateDir> short_tmp;
  if (home.size() + 47 > 107) short_tmp.emplace("/tmp");
  const std::string tmp = short_tmp ? short_tmp->path().string() : home;
  ChildRun run;
  run.argv = {
      config_.binary, "--headless", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
      "--disable-extensions", "--disable-sync", "--disable-background-networking",
      "--disable-component-update", "--disable-default-apps", "--disable-breakpad", "--mute-audio",
      // No network: names resolve to nothing, and any address (loopback
      // too: <-loopback> drops its implicit bypass) goes to the discard port.
      "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9",
      "--proxy-bypass-list=<-loopback>", "--user-data-dir=" + (work.path() / "perfil").string(),
      "--no-pdf-header-footer", "--print-to-pdf=" + pdf.string(), "file://" + page.string()};
  // The sandbox needs a user other than root; as root Chromium refuses to
  // start with it. The page is our own and the network is off.
  if (::geteuid() == 0) run.argv.insert(run.argv.begin() + 1, "--no-sandbox");
  // Only what it needs: none of the server's settings (nor its secrets).
  run.env = {"PATH=/usr/bin:/bin",      "HOME=" + home,          "TMPDIR=" + tmp, "LANG=C.UTF-8",
             "XDG_CONFIG_HOME=" + home, "XDG_CACHE_HOME=" + home};
  run.output_path = log.string();
  run.timeout = config_.timeout;
  const auto result = run_child(run);
  if (!result.started)
    throw std::runtime_error("Não foi possível executar o Chromium (" + config_.binary + ").");
  if (result.timed_out)
    throw std::runtime_error("O Chromium não terminou a impressão em " +
                             std::to_string(config_.timeout.count()) + " s e foi encerrado.");
  auto bytes = read_all(pdf);
  if (result.exit_code != 0 || bytes.rfind("%PDF-", 0) != 0)
    throw std::runtime_error("O Chromium não imprimiu a carta (saída " +
                             std::to_string(result.exit_code) + "): " + log_tail(log));
  return bytes;
}

}  // namespace guiche::transports
