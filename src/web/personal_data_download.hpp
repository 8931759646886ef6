#pragma once
// The LGPD export as a browser download (app/personal_data/personal_data.hpp):
// the person's own from Minha Área, anyone's from the admin's person page.
#include "app/personal_data/personal_data.hpp"
#include "http/message.hpp"

namespace guiche::web {

http::Response personal_data_download(app::PersonalDataExport exported);

}  // namespace guiche::web
