#pragma once
// Process-wide malloc settings for analysis work, set once at startup by each program's main().
//
// glibc adjusts two thresholds by itself: blocks above the mmap threshold (128 KiB at first)
// get fresh pages from mmap, and the free memory at the top of a heap beyond the trim threshold
// goes back to the kernel. A run's tasks each build tables of 1-3 MB and free them after the
// merge, so with the defaults much of that memory went back and was faulted in again by the
// next task: 8,000-11,500 page faults in a 2-worker profile of the 500 MB bench file, at 10-14
// µs each on the AMD PVM guest. Fixed thresholds keep those blocks in the heaps: 3,700-3,900.
namespace sf {

// Blocks under 4 MiB come from the heaps, and up to 32 MiB of free memory at a heap's top is
// kept. Without glibc nothing changes. Call before other threads start.
void tuneAllocator();

} // namespace sf
