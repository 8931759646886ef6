#include "store/database.hpp"

#include <filesystem>

namespace guiche::store {

bool Row::is_null(std::size_t i) const {
  return std::holds_alternative<std::monostate>(cells_.at(i));
}

std::int64_t Row::integer(std::size_t i) const {
  const Value& v = cells_.at(i);
  if (auto p = std::get_if<std::int64_t>(&v)) return *p;
  if (auto d = std::get_if<double>(&v)) return static_cast<std::int64_t>(*d);
  if (auto s = std::get_if<std::string>(&v)) {
    try {
      return std::stoll(*s);
    } catch (const std::exception&) {
    }
  }
  throw StoreError(StoreError::Kind::generic, "column " + std::to_string(i) + " is not an integer");
}

double Row::real(std::size_t i) const {
  const Value& v = cells_.at(i);
  if (auto d = std::get_if<double>(&v)) return *d;
  if (auto p = std::get_if<std::int64_t>(&v)) return static_cast<double>(*p);
  throw StoreError(StoreError::Kind::generic, "column " + std::to_string(i) + " is not a number");
}

std::string Row::text(std::size_t i) const {
  const Value& v = cells_.at(i);
  if (auto s = std::get_if<std::string>(&v)) return *s;
  if (auto p = std::get_if<std::int64_t>(&v)) return std::to_string(*p);
  if (auto d = std::get_if<double>(&v)) return std::to_string(*d);
  return {};
}

std::optional<std::int64_t> Row::optional_integer(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return integer(i);
}

std::optional<std::string> Row::optional_text(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return text(i);
}

std::optional<Row> Connection::query_one(std::string_view sql, const std::vector<Value>& params) {
  auto rows = query(sql, params);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::unique_ptr<Database> open_database(const std::string& url, const std::string& data_dir,
                                        Durability durability) {
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    return open_postgres(url, durability);
  }
  if (url.rfind("sqlite:", 0) == 0) return open_sqlite(url.substr(7), durability);
  if (!url.empty()) {
    throw StoreError(
        StoreError::Kind::connection,
        "URL de banco de dados não reconhecida (use sqlite:CAMINHO ou postgresql://...)");
  }
  std::filesystem::create_directories(data_dir);
  return open_sqlite((std::filesystem::path(data_dir) / "guiche.db").string(), durability);
}

}  // namespace guiche::store
