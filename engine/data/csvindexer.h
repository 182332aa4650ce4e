#pragma once
// The index scan of a CSV file: one quote-aware pass over the data, 64 bytes at a time, that
// records a checkpoint every `stride` records. An unterminated quote makes the rest of the file one rejected record.
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

// The same index of a file, read in windows (MappedFile::read, one window ahead on a helper
// thread for files over two windows) rather than by touching the mapping. False when cancelled
// (`error` untouched) or when the file cannot be read (`error` says why). `windowBytes`: 0 for
// the default (1 MiB); tests use small windows to put many window ends inside records.
bool buildIndex(const MappedFile &file, const Dialect &dialect, const OpenControl &control,
                RowIndex *index, QList<RejectedRecord> *rejects, QString *error,
                std::int64_t stride = 128, std::size_t windowBytes = 0);

} // namespace sf::csv
