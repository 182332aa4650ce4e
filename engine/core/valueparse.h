#pragma once
// Strict parsers from field text to typed values: the one copy used by type inference, strict
// validation and every analysis. All take the full text and fail on trailing garbage.
#include "core/columntype.h"
#include <cstdint>
#include <string_view>

namespace sf {

bool parseInt64(std::string_view text, std::int64_t *out);
bool parseDouble(std::string_view text, double *out); // accepts ints too, "inf", "nan"
bool parseBool(std::string_view text, bool *out);     // true/false, case-insensitive
// ISO-8601: YYYY-MM-DD, optionally followed by T or space and hh:mm[:ss[.fff]] and Z or +hh:mm.
// Result in milliseconds since the Unix epoch, UTC.
bool parseDateTime(std::string_view text, std::int64_t *msSinceEpoch);

// Whether `text` is a value of `type` (strings accept anything): the strict-types check every
// reader applies.
bool valueFitsType(ColumnType type, std::string_view text);

} // namespace sf
