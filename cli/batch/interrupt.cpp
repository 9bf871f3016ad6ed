#include "batch/interrupt.hpp"

#include <csignal>
#include <cstddef>
#include <iterator>

namespace icp::cli::batch {
namespace {

volatile std::sig_atomic_t g_signal = 0;
constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
struct sigaction g_old[4];

extern "C" void on_signal(int sig) {
  g_signal = sig;
}

}  // namespace

InterruptGuard::InterruptGuard() {
  g_signal = 0;
  struct sigaction sa {};
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;  // no SA_RESTART: a blocking read() returns EINTR and the loop sees the flag
  for (std::size_t i = 0; i < std::size(kSignals); ++i) {
    sigaction(kSignals[i], nullptr, &g_old[i]);
    // Under nohup (SIGHUP ignored when the run starts) a hangup stays ignored.
    if (kSignals[i] == SIGHUP && g_old[i].sa_handler == SIG_IGN) continue;
    sigaction(kSignals[i], &sa, nullptr);
  }
}

InterruptGuard::~InterruptGuard() {
  for (std::size_t i = 0; i < std::size(kSignals); ++i) sigaction(kSignals[i], &g_old[i], nullptr);
}

bool interrupted() {
  return g_signal != 0;
}
void request_stop() {
  g_signal = SIGTERM;
}

int interrupt_signal() {
  return g_signal;
}

}  // namespace icp::cli::batch
