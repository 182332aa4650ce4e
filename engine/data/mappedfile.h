#pragma once
// A dataset file's bytes, memory-mapped read-only, and readable by offset into buffers.
// Compressed input (.gz, .zst, detected by magic bytes) is first stream-decompressed into a
// temporary file that is then mapped, so memory never holds the whole file; the temporary file
// is removed with the last reference.
//
// Reading a range into a buffer (read()) beats touching the mapping for a pass over much of the
// file: every first touch of a mapped page costs a page fault (and on virtual machines with
// shadow paging far more, ~2.5 us per 4 KiB page on the machines BENCHMARKS.md describes),
// while read() copies from the page cache into memory that is already mapped.
#include "data/datasource.h"
#include <QString>
#include <memory>
#include <string_view>

namespace sf {

class MappedFile {
public:
    // Null on failure, with `error` naming the file and the reason ("not found", "is a
    // directory", "corrupt gzip stream at byte N", "cancelled", …). An empty file maps to an
    // empty view (no error).
    static std::shared_ptr<MappedFile> open(const QString &path, const OpenControl &control,
                                            QString *error);
    ~MappedFile();
    MappedFile(const MappedFile &) = delete;
    MappedFile &operator=(const MappedFile &) = delete;

    std::string_view bytes() const { return m_bytes; }
    // Copies bytes()[offset, offset + size) into `out` (pread(2) on the file; safe to call from
    // several threads at once). False, with `error` set, when the file cannot be read.
    bool read(std::int64_t offset, std::size_t size, char *out, QString *error) const;
    QString path() const { return m_path; }
    QString compression() const { return m_compression; } // "", "gzip", "zstd"

private:
    MappedFile() = default;
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    std::string_view m_bytes;
    QString m_path;
    QString m_compression;
};

} // namespace sf
