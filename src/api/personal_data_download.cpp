#include "api/personal_data_download.hpp"

namespace guiche::api {

http::Response personal_data_download(app::PersonalDataExport exported) {
  http::Response response{200, "application/zip", std::move(exported.archive), {}};
  response.headers = {
      {"Content-Disposition", "attachment; filename=\"" + exported.file_name + "\""},
      {"X-Content-Type-Options", "nosniff"},
      // Personal data: neither the client's cache nor a shared one keeps it.
      {"Cache-Control", "private, no-store"}};
  return response;
}

}  // namespace guiche::api
