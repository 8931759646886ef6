#pragma once
// Reading a report page's table and its CSV back as cells, to compare them:
// the page escapes what the CSV writes as is, and the CSV opens with a
// byte-order mark, separates with `;` and quotes with `"`.
#include <regex>
#include <string>
#include <vector>

namespace guiche::testing {

using ReportCells = std::vector<std::vector<std::string>>;

// The cells of the table `id` ("tabela-<id>") of a page, row by row.
inline ReportCells html_table_cells(const std::string& html, const std::string& id) {
  const auto start = html.find("id=\"tabela-" + id + "\"");
  if (start == std::string::npos) return {};
  const std::string table = html.substr(start, html.find("</table>", start) - start);
  ReportCells rows;
  const std::regex row_re("<tr>(.*?)</tr>");
  const std::regex cell_re("<t[hd][^>]*>(.*?)</t[hd]>");
  for (std::sregex_iterator r(table.begin(), table.end(), row_re), e; r != e; ++r) {
    const std::string row = (*r)[1];
    std::vector<std::string> cells;
    for (std::sregex_iterator c(row.begin(), row.end(), cell_re); c != e; ++c) {
      std::string text = (*c)[1];
      for (auto [from, to] : {std::pair{"&amp;", "&"},
                              {"&lt;", "<"},
                              {"&gt;", ">"},
                              {"&quot;", "\""},
                              {"&#39;", "'"}}) {
        for (auto p = text.find(from); p != std::string::npos; p = text.find(from, p + 1)) {
          text.replace(p, std::string(from).size(), to);
        }
      }
      cells.push_back(text);
    }
    rows.push_back(cells);
  }
  return rows;
}

// The cells of a CSV download (after its byte-order mark).
inline ReportCells csv_cells(const std::string& body) {
  ReportCells rows;
  const std::string text = body.substr(3);
  std::vector<std::string> cells;
  std::string cell;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (quoted) {
      if (ch == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (ch == '"') {
        quoted = false;
      } else {
        cell += ch;
      }
    } else if (ch == '"') {
      quoted = true;
    } else if (ch == ';') {
      cells.push_back(cell);
      cell.clear();
    } else if (ch == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      cells.push_back(cell);
      rows.push_back(cells);
      cells.clear();
      cell.clear();
      ++i;
    } else {
      cell += ch;
    }
  }
  if (!cell.empty() || !cells.empty()) {
    cells.push_back(cell);
    rows.push_back(cells);
  }
  return rows;
}

}  // namespace guiche::testing
