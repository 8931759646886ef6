#include "web/assets.hpp"

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>

namespace guiche::web {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string content_type_of(const std::string& path) {
  static const std::map<std::string, std::string> types = {
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".ttf", "font/ttf"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".map", "application/json"}};
  auto it = types.find(fs::path(path).extension().string());
  return it == types.end() ? "application/octet-stream" : it->second;
}

}  // namespace

Assets::Assets(const std::string& web_dir) {
  const fs::path base(web_dir);
  const fs::path modules = base / "node_modules";
  roots_ = {{"govbr", (modules / "@govbr-ds/core/dist").string()},
            {"raleway", (modules / "@fontsource/raleway").string()},
            {"fontawesome", (modules / "@fortawesome/fontawesome-free").string()},
            {"htmx", (modules / "htmx.org/dist").string()},
            {"htmx-sse", (modules / "htmx-ext-sse/dist").string()},
            {"app", (base / "static").string()}};
  for (const auto& [pack, dir] : roots_) {
    if (!fs::is_directory(dir)) {
      throw std::runtime_error("Arquivos do portal ausentes em " + dir +
                               " (rode `make deps`, que executa npm ci em web/).");
    }
  }
  // The version changes whenever the packages or our own CSS change.
  std::string fingerprint = read_file(base / "package-lock.json");
  for (const auto& entry : fs::directory_iterator(roots_["app"])) {
    fingerprint += entry.path().filename().string() + read_file(entry.path());
  }
  std::ostringstream hex;
  hex << std::hex << std::hash<std::string>{}(fingerprint);
  prefix_ = "/static/" + hex.str().substr(0, 12);
}

std::optional<std::string> Assets::resolve(const std::string& path) const {
  const auto slash = path.find('/');
  if (slash == std::string::npos) return std::nullopt;
  auto root = roots_.find(path.substr(0, slash));
  if (root == roots_.end()) return std::nullopt;
  const fs::path relative(path.substr(slash + 1));
  for (const auto& segment : relative) {
    const auto s = segment.string();
    if (s.empty() || s[0] == '.') return std::nullopt;
  }
  const fs::path file = fs::path(root->second) / relative;
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) return std::nullopt;
  return file.string();
}

void Assets::add_routes(std::vector<http::Route>& routes) const {
  routes.push_back(
      {"GET", "/static/:version/:path(.*)", [this](const http::Request& r) {
         auto file = resolve(r.params.at("path"));
         if (!file) {
           return http::Response{404, "text/plain; charset=utf-8", "Arquivo não encontrado.", {}};
         }
         http::Response response{200, content_type_of(*file), read_file(*file), {}};
         // An old version's URL still answers, but only the
         // current one may be kept for long.
         const bool current = "/static/" + r.params.at("version") == prefix_;
         response.headers.emplace_back(
             "Cache-Control", current ? "public, max-age=31536000, immutable" : "no-cache");
         response.headers.emplace_back("X-Content-Type-Options", "nosniff");
         return response;
       }});
}

}  // namespace guiche::web
