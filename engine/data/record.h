#pragma once
// One parsed record as handed by a RecordReader to an analysis. Views stay valid until the
// reader's next call to next().
#include <cstdint>
#include <span>
#include <string_view>

namespace sf {

struct Record {
    std::span<const std::string_view> fields; // decoded texts: quotes removed, "" unescaped
    std::span<const std::uint8_t> nulls;      // 1 where the field is null (null token / JSON null)
    std::int64_t row = 0;                     // 0-based index of the record in the dataset
    std::int64_t line = 0;                    // 1-based physical line where the record starts
    std::int64_t offset = 0;                  // byte offset of the record's first byte
    std::string_view raw;                     // the record's raw bytes, without the line end

    bool isNull(std::size_t i) const { return nulls[i] != 0; }
};

} // namespace sf
