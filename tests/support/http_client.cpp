#include "support/http_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>

namespace guiche::testing {
namespace {

sockaddr_in loopback(unsigned short port) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return address;
}

}  // namespace

unsigned short free_loopback_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  auto address = loopback(0);
  socklen_t size = sizeof address;
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
  ::close(fd);
  return ntohs(address.sin_port);
}

HttpResult http_request(unsigned short port, const std::string& method, const std::string& target,
                        const std::vector<std::pair<std::string, std::string>>& headers,
                        const std::string& body) {
  HttpResult result;
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  timeval timeout{10, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  auto address = loopback(port);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return result;
  }
  std::string request = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  for (const auto& [name, value] : headers) request += name + ": " + value + "\r\n";
  request += "Content-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n";
  request += body;
  std::size_t sent = 0;
  while (sent < request.size()) {
    ssize_t n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
  result.connected = sent == request.size();
  std::string raw;
  char buffer[65536];
  for (;;) {
    ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    raw.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  const auto end_of_head = raw.find("\r\n\r\n");
  if (end_of_head == std::string::npos || raw.rfind("HTTP/1.1 ", 0) != 0) return result;
  result.status = std::atoi(raw.c_str() + 9);
  if (raw.size() > 13 && raw[12] == ' ') result.reason = raw.substr(13, raw.find("\r\n") - 13);
  std::size_t line = raw.find("\r\n") + 2;
  while (line < end_of_head) {
    auto end = raw.find("\r\n", line);
    std::string header = raw.substr(line, end - line);
    auto colon = header.find(':');
    if (colon != std::string::npos) {
      std::string name = header.substr(0, colon);
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      std::string value = header.substr(header.find_first_not_of(' ', colon + 1));
      if (name == "set-cookie") result.set_cookies.push_back(value);
      result.headers[name] = value;
    }
    line = end + 2;
  }
  result.body = raw.substr(end_of_head + 4);
  return result;
}

}  // namespace guiche::testing
