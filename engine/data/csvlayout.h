#pragma once
// Everything a CsvReader needs to read an opened CSV file, shared read-only by the source and
// all its readers (so readers stay valid however long a task holds one).
#include "core/columntype.h"
#include "core/nulltokens.h"
#include "data/bufferpool.h"
#include "data/csvdialect.h"
#include "data/mappedfile.h"
#include "data/rowindex.h"
#include <QStringList>
#include <memory>
#include <vector>

namespace sf::csv {

struct Layout {
    std::shared_ptr<MappedFile> file;
    std::string_view bytes;          // the whole (decompressed) file
    Dialect dialect;
    RowIndex index;
    NullTokens nulls;
    std::vector<ColumnType> types;   // empty until the schema is inferred
    bool strictTypes = false;
    mutable BufferPool buffers;      // the readers' chunk buffers, reused across chunks
};

} // namespace sf::csv
