#pragma once
// The index scan of a CSV file: one quote-aware pass over the data that records a checkpoint
// every `stride` records. An unterminated quote makes the rest of the file one rejected record.
#include "data/csvdialect.h"
#include "data/datasource.h"
#include "data/rejects.h"
#include "data/rowindex.h"
#include <string_view>

namespace sf::csv {

// Scans data[dialect.dataBegin, end). False only when cancelled.
bool buildIndex(std::string_view data, const Dialect &dialect, const OpenControl &control,
                RowIndex *index, QList<RejectedRecord> *rejects, std::int64_t stride = 128);

} // namespace sf::csv
