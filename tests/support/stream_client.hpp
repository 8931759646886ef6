#pragma once
// A client of a server-sent event stream over a real socket, for the tests
// of the live pages: what has arrived so far, and waiting for a text.
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>

namespace guiche::testing {

// One open stream: what has arrived so far.
class StreamClient {
 public:
  StreamClient(unsigned short port, const std::string& target, const std::string& cookie) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) return;
    const std::string request = "GET " + target +
                                " HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: " + cookie +
                                "\r\nAccept: text/event-stream\r\n\r\n";
    ::send(fd_, request.data(), request.size(), MSG_NOSIGNAL);
  }
  ~StreamClient() { close(); }
  void close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }
  // Reads until `text` has arrived, the peer closed, or `limit` passed.
  bool wait_for(const std::string& text,
                std::chrono::milliseconds limit = std::chrono::seconds(5)) {
    const auto until = std::chrono::steady_clock::now() + limit;
    while (received.find(text) == std::string::npos) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          until - std::chrono::steady_clock::now());
      if (left.count() <= 0 || fd_ < 0) return false;
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
      char buffer[4096];
      const auto n = ::recv(fd_, buffer, sizeof buffer, 0);
      if (n <= 0) {
        closed_by_server = true;
        return false;
      }
      received.append(buffer, static_cast<std::size_t>(n));
    }
    return true;
  }
  std::string received;
  bool closed_by_server = false;

 private:
  int fd_ = -1;
};

}  // namespace guiche::testing
