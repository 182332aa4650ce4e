#pragma once
// Per-thread scheduling niceness (Linux: the nice value is a per-thread attribute; elsewhere
// these do nothing). A desktop run lowers its worker threads' priority so the GUI thread gets
// a core as soon as it wakes, while the workers still take every idle cycle.
namespace sf {

// Sets the calling thread's nice value to the process's plus `increment` (capped at 19).
// Idempotent; raising priority back needs privileges, so a thread stays lowered until it ends.
void lowerCurrentThreadPriority(int increment);

// The calling thread's nice value (0 where unsupported).
int currentThreadNice();

} // namespace sf
