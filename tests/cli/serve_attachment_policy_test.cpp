// The attachment policy is the server's configuration (issue 17): `guiche
// serve --attachment-type` replaces the accepted types, and a file outside
// them is kept held, not refused, with the reason in the upload's answer.
#include <gmock/gmock.h>
#include <signal.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "support/child_process.hpp"
#include "support/http_client.hpp"
#include "support/served_desk.hpp"
#include "support/test_database.hpp"

namespace guiche::testing {
namespace {

constexpr const char* kPolicyBoundary = "----politica-de-anexos-k2";

TEST(ServeAttachmentPolicy, TheAcceptedTypesComeFromTheCommandLine) {
  const std::string dir = make_temp_dir("guiche-policy-");
  const auto port = free_loopback_port();
  ASSERT_NE(port, 0);
  Child server({"serve", "--listen", "127.0.0.1:" + std::to_string(port), "--data", dir, "--demo",
                "--attachment-type", "application/pdf", "--attachment-max-mb", "2"},
               dir + "/serve.log");
  ASSERT_TRUE(wait_until_accepting(server, port)) << server.output();
  auto headers = sign_in_over_http(port);
  ASSERT_FALSE(headers.empty()) << server.output();
  auto json_headers = headers;
  json_headers.push_back({"Content-Type", "application/json"});
  const auto created = http_request(
      port, "POST", "/api/v1/tickets", json_headers,
      R"({"service_code":"SUP-TEC","subject":"Notas","description":"Seguem as notas.",)"
      R"("form_answers":{"tipo":"Dúvida","retorno":"E-mail"}})");
  ASSERT_EQ(created.status, 201) << created.body;
  const auto id = nlohmann::json::parse(created.body)["id"].get<std::int64_t>();

  auto upload_headers = headers;
  upload_headers.push_back(
      {"Content-Type", std::string("multipart/form-data; boundary=") + kPolicyBoundary});
  const std::string body = std::string("--") + kPolicyBoundary +
                           "\r\nContent-Disposition: form-data; name=\"file\"; "
                           "filename=\"notas.txt\"\r\n\r\nTexto simples.\r\n--" +
                           kPolicyBoundary + "--\r\n";
  const auto r = http_request(
      port, "POST", "/api/v1/tickets/" + std::to_string(id) + "/attachments", upload_headers, body);
  ASSERT_EQ(r.status, 201) << r.body;
  const auto receipt = nlohmann::json::parse(r.body);
  EXPECT_EQ(receipt["items"].size(), 0u);  // text is accepted by default, not by this desk
  ASSERT_EQ(receipt["not_accepted"].size(), 1u);
  EXPECT_THAT(receipt["not_accepted"][0]["reason"].get<std::string>(),
              ::testing::HasSubstr("text/plain"));

  server.signal(SIGTERM);
  EXPECT_EQ(server.wait_exit(std::chrono::seconds(10)), 0) << server.output();
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace guiche::testing
