#pragma once
// JSON Lines and top-level JSON arrays of objects, parsed with simdjson.
#include "data/datasource.h"
#include "data/mappedfile.h"

namespace sf {

// `format` is JsonLines, JsonArray or Auto (decide from the first non-space byte).
std::unique_ptr<DataSource> openJsonSource(std::shared_ptr<MappedFile> file, SourceFormat format,
                                           const SourceOptions &options,
                                           const OpenControl &control, QString *error);

} // namespace sf
