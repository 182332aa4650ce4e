#include "data/recordblock.h"

#include <cstring>

namespace sf {

namespace {
constexpr std::size_t kPageBytes = 64 * 1024;
} // namespace

void RecordBlock::reset(int columns)
{
    m_rows = 0;
    m_columns = columns;
    const auto cells = std::size_t(kMaxRows) * std::size_t(columns);
    if (m_fields.size() < cells) {
        m_fields.resize(cells);
        m_nulls.resize(cells);
    }
    m_page = 0;
    m_pageUsed = 0;
    m_large.clear();
}

std::string_view RecordBlock::copy(std::string_view text)
{
    if (text.size() > kPageBytes / 4) {
        m_large.push_back(std::make_unique<char[]>(text.size()));
        std::memcpy(m_large.back().get(), text.data(), text.size());
        return {m_large.back().get(), text.size()};
    }
    if (m_pages.empty() || m_pageUsed + text.size() > kPageBytes) {
        if (!m_pages.empty()) ++m_page;
        if (m_page == m_pages.size()) m_pages.push_back(std::make_unique<char[]>(kPageBytes));
        m_pageUsed = 0;
    }
    char *dst = m_pages[m_page].get() + m_pageUsed;
    std::memcpy(dst, text.data(), text.size());
    m_pageUsed += text.size();
    return {dst, text.size()};
}

void RecordBlock::append(const Record &r)
{
    std::string_view *fields = rowFields();
    std::uint8_t *nulls = rowNulls();
    const std::size_t n = std::min(r.fields.size(), std::size_t(m_columns));
    for (std::size_t i = 0; i < n; ++i) {
        fields[i * kStride] = r.fields[i].empty() ? std::string_view() : copy(r.fields[i]);
        nulls[i * kStride] = r.nulls[i];
    }
    commitRow(n);
}

void RecordBlock::commitRow(std::size_t written)
{
    std::string_view *fields = rowFields();
    std::uint8_t *nulls = rowNulls();
    for (std::size_t i = written; i < std::size_t(m_columns); ++i) {
        fields[i * kStride] = {};
        nulls[i * kStride] = 1;
    }
    ++m_rows;
}

} // namespace sf
