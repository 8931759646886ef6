#pragma once
// The LGPD export as a download (app/personal_data/personal_data.hpp): through
// the API, and in the pages (the person's own from Minha Área, anyone's from
// the admin's person page).
#include "app/personal_data/personal_data.hpp"
#include "http/message.hpp"

namespace guiche::api {

http::Response personal_data_download(app::PersonalDataExport exported);

}  // namespace guiche::api
