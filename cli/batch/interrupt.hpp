// SIGINT, SIGTERM, SIGHUP or SIGQUIT while a batch runs: the handler only sets a flag; the batch
// loop sees it, stops reading, and removes its temporary output file. A
// SIGHUP ignored when the run starts (nohup) stays ignored.
#pragma once

namespace icp::cli::batch {

// Installs the handlers for its lifetime (restoring the previous ones after).
class InterruptGuard {
 public:
  InterruptGuard();
  ~InterruptGuard();
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;
};

bool interrupted();  // a signal arrived since the guard was installed (or request_stop())
// Stops a running batch as a signal would: for a caller that handles signals
// itself (the server, on shutdown).
void request_stop();
int interrupt_signal();

}  // namespace icp::cli::batch
