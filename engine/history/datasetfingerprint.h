#pragma once
// Identifies the dataset file a run read, cheaply: size, modification time and a hash of its
// first 64 KiB. Two runs with equal fingerprints read (almost certainly) the same data, so
// their timings compare; a changed file shows as a different fingerprint.
#include <QString>
#include <cstdint>

namespace sf {

struct DatasetFingerprint {
    static constexpr std::int64_t kHeadBytes = 64 * 1024;

    std::int64_t size = -1;     // -1: no file (synthetic) or unreadable
    std::int64_t mtimeMs = 0;   // ms since the epoch, UTC
    std::uint64_t headHash = 0; // hashBytes of the first kHeadBytes

    bool isValid() const { return size >= 0; }
    QString hashHex() const; // 16 hex digits
    bool operator==(const DatasetFingerprint &) const = default;

    // Reads the file's head: call off the GUI thread. Invalid when it cannot be read.
    static DatasetFingerprint of(const QString &path);
};

} // namespace sf
