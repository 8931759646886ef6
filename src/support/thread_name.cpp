#include "support/thread_name.hpp"

#include <pthread.h>

namespace guiche::support {

void name_this_thread(const std::string& name) {
  // Linux refuses names over 15 characters outright; cut rather than lose it.
  pthread_setname_np(pthread_self(), name.substr(0, 15).c_str());
}

}  // namespace guiche::support
