#pragma once
// Strict-types validation for the JSON and SQLite readers: whether a field text is a value of
// its column's type. (csvreader.cpp keeps an identical private copy; both belong next to the
// parsers in core/valueparse once that header can take it.)
#include "core/columntype.h"
#include <string_view>

namespace sf {

bool jsonValueFits(ColumnType type, std::string_view text);

} // namespace sf
