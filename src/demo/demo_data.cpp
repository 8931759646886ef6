#include "demo/demo_data.hpp"

namespace guiche::demo {

bool has_data(store::Database& db) {
  bool any = false;
  db.read([&](store::Connection& c) {
    any = c.query_one("SELECT count(*) FROM organizations")->integer(0) > 0;
  });
  return any;
}

std::string load_demo_data(store::Database&, const std::string&) { return "demo: em construção\n"; }

}  // namespace guiche::demo
