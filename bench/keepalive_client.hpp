#pragma once
// A minimal HTTP/1.1 keep-alive client for load benchmarks on loopback: one
// connection, requests sent one after another, responses read by Content-Length.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

namespace guiche::bench {

class KeepAliveClient {
 public:
  explicit KeepAliveClient(unsigned short port) : port_(port) { connect_now(); }
  ~KeepAliveClient() {
    if (fd_ >= 0) ::close(fd_);
  }
  KeepAliveClient(const KeepAliveClient&) = delete;
  KeepAliveClient& operator=(const KeepAliveClient&) = delete;

  // Returns the status code (0 on a transport failure) and fills `body`.
  int request(const std::string& method, const std::string& target, const std::string& headers,
              const std::string& body, std::string& response_body) {
    std::string req = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers +
                      "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    if (!send_all(req)) {
      connect_now();
      if (!send_all(req)) return 0;
    }
    return read_response(response_body);
  }

 private:
  void connect_now() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port_);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address);
    buffer_.clear();
  }

  bool send_all(const std::string& data) {
    std::size_t sent = 0;
    while (sent < data.size()) {
      ssize_t n = ::send(fd_, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return false;
      sent += static_cast<std::size_t>(n);
    }
    return true;
  }

  bool fill() {
    char chunk[16384];
    ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    buffer_.append(chunk, static_cast<std::size_t>(n));
    return true;
  }

  int read_response(std::string& body) {
    std::size_t head_end;
    while ((head_end = buffer_.find("\r\n\r\n")) == std::string::npos) {
      if (!fill()) return 0;
    }
    const int status = std::atoi(buffer_.c_str() + 9);
    std::size_t length = 0;
    for (const char* name : {"Content-Length: ", "content-length: "}) {
      auto pos = buffer_.find(name);
      if (pos != std::string::npos && pos < head_end) {
        length = std::strtoul(buffer_.c_str() + pos + 16, nullptr, 10);
      }
    }
    while (buffer_.size() < head_end + 4 + length) {
      if (!fill()) return 0;
    }
    body = buffer_.substr(head_end + 4, length);
    buffer_.erase(0, head_end + 4 + length);
    return status;
  }

  unsigned short port_;
  int fd_ = -1;
  std::string buffer_;
};

}  // namespace guiche::bench
