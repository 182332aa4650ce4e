#pragma once
// The index scan of a CSV file: one quote-aware pass over the data, 64 bytes at a time, that
// records a checkpoint every `stride` records. An unterminated quote makes the rest of the file
// one rejected record.
#include "data/csvdialect.h"
#include "data/datasource.h"
#include "data/mappedfile.h"
#include "data/rejects.h"
#include "data/rowindex.h"
#include <string_view>

namespace sf::csv {

// Scans data[dialect.dataBegin, end). False only when cancelled.
bool buildIndex(std::string_view data, const Dialect &dialect, const OpenControl &control,
                RowIndex *index, QList<RejectedRecord> *rejects, std::int64_t stride = 128);

// The same index of a file, read in windows (MappedFile::read) rather than by touching the
// mapping. With control.threads > 1 and a file of at least two segments (`minSegmentBytes`,
// 0 for the default 16 MiB) the file is cut into up to that many segments, each starting after
// an LF, scanned at once on their own threads and stitched in order; a segment whose LF turns
// out to be inside a quoted field is scanned again, serially, from the true state. Serially,
// windows are read one ahead on a helper thread for files over two windows. False when
// cancelled (`error` untouched) or when the file cannot be read (`error` says why).
// `windowBytes`: 0 for the default (1 MiB); tests use small windows and segments to put many
// window ends and segment starts inside records.
bool buildIndex(const MappedFile &file, const Dialect &dialect, const OpenControl &control,
                RowIndex *index, QList<RejectedRecord> *rejects, QString *error,
                std::int64_t stride = 128, std::size_t windowBytes = 0,
                std::size_t minSegmentBytes = 0);

} // namespace sf::csv
