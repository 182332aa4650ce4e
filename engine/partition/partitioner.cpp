#include "partition/partitioner.h"

#include <algorithm>
#include <cmath>

namespace sf {

Partitioner::Partitioner(const RowIndex &index, PartitionSpec spec, int workers)
    : m_index(&index), m_spec(spec), m_workers(workers < 1 ? 1 : workers)
{
    if (m_spec.size < 1) m_spec.size = 1;
    if (!(m_spec.targetTaskMs > 0)) m_spec.targetTaskMs = 20.0;
}

std::int64_t Partitioner::byteOfRow(const RowIndex &index, std::int64_t row)
{
    if (row <= 0) return index.checkpoints.empty() ? index.dataBegin : index.checkpoints.front().offset;
    if (row >= index.rowCount) return index.dataEnd;
    const auto &cps = index.checkpoints;
    const std::int64_t stride = index.stride > 0 ? index.stride : 1;
    const std::int64_t k = row / stride;
    if (cps.empty()) {
        // No checkpoints: spread the bytes evenly.
        return index.dataBegin + std::int64_t(double(index.byteSize()) * double(row) / double(index.rowCount));
    }
    if (k >= std::int64_t(cps.size())) {
        const auto &last = cps.back();
        const std::int64_t lastRow = (std::int64_t(cps.size()) - 1) * stride;
        const double frac = double(row - lastRow) / double(index.rowCount - lastRow);
        return last.offset + std::int64_t(double(index.dataEnd - last.offset) * frac);
    }
    const std::int64_t rowAtK = k * stride;
    if (row == rowAtK) return cps[std::size_t(k)].offset;
    const std::int64_t nextRow = std::min(rowAtK + stride, index.rowCount);
    const std::int64_t nextOffset =
        k + 1 < std::int64_t(cps.size()) ? cps[std::size_t(k + 1)].offset : index.dataEnd;
    const double frac = double(row - rowAtK) / double(nextRow - rowAtK);
    return cps[std::size_t(k)].offset + std::int64_t(double(nextOffset - cps[std::size_t(k)].offset) * frac);
}

double Partitioner::bytesPerRow() const
{
    return m_index->rowCount > 0 ? double(m_index->byteSize()) / double(m_index->rowCount) : 1.0;
}

std::int64_t Partitioner::desiredUnits(double nsPerRow) const
{
    const std::int64_t size = m_spec.size;
    const bool bytes = m_spec.unit == PartitionSpec::Unit::Bytes;
    const std::int64_t remainingUnits =
        bytes ? m_index->dataEnd - byteOfRow(*m_index, m_nextRow) : rowsRemaining();
    switch (m_spec.strategy) {
    case PartitionSpec::Strategy::Fixed:
        return size;
    case PartitionSpec::Strategy::Guided:
        return std::max<std::int64_t>(size, remainingUnits / (2 * std::int64_t(m_workers)));
    case PartitionSpec::Strategy::Auto: {
        if (m_chunks < 2 * std::int64_t(m_workers) || !(nsPerRow > 0)) return size;
        double rows = m_spec.targetTaskMs * 1e6 / nsPerRow;
        double units = bytes ? rows * bytesPerRow() : rows;
        // Sane bounds: never below a quarter of the calibration size (tiny tasks drown in
        // overhead), never above an even share of what is left (keeps every worker busy to the
        // end) nor 1024× the calibration size.
        const double lo = std::max(1.0, double(size) / 4);
        const double share = std::ceil(double(remainingUnits) / double(m_workers));
        const double hi = std::max(lo, std::min(double(size) * 1024, share));
        units = std::clamp(units, lo, hi);
        return std::int64_t(units);
    }
    }
    return size;
}

std::int64_t Partitioner::rowsForBytes(std::int64_t bytes) const
{
    // Chunk ends at the first checkpoint whose offset >= begin + bytes (so its bytes are exact).
    const auto &cps = m_index->checkpoints;
    const std::int64_t stride = m_index->stride > 0 ? m_index->stride : 1;
    const std::int64_t rowCount = m_index->rowCount;
    if (cps.empty()) {
        const double bpr = bytesPerRow();
        return std::max<std::int64_t>(1, std::int64_t(std::ceil(double(bytes) / (bpr > 0 ? bpr : 1))));
    }
    const std::int64_t begin = byteOfRow(*m_index, m_nextRow);
    const std::int64_t target = begin + bytes;
    // First checkpoint strictly after the current row.
    std::size_t lo = std::size_t(m_nextRow / stride + 1);
    if (lo >= cps.size()) return rowCount - m_nextRow;
    auto it = std::lower_bound(cps.begin() + std::ptrdiff_t(lo), cps.end(), target,
                               [](const Checkpoint &c, std::int64_t v) { return c.offset < v; });
    if (it == cps.end()) return rowCount - m_nextRow;
    const std::int64_t endRow = std::min(rowCount, std::int64_t(it - cps.begin()) * stride);
    return std::max<std::int64_t>(1, endRow - m_nextRow);
}

bool Partitioner::next(ChunkRange *out, double nsPerRow)
{
    if (atEnd()) return false;
    const std::int64_t units = std::max<std::int64_t>(1, desiredUnits(nsPerRow));
    std::int64_t rows = m_spec.unit == PartitionSpec::Unit::Bytes ? rowsForBytes(units) : units;
    rows = std::clamp<std::int64_t>(rows, 1, rowsRemaining());
    out->firstRow = m_nextRow;
    out->rowCount = rows;
    out->byteBegin = byteOfRow(*m_index, m_nextRow);
    out->byteEnd = byteOfRow(*m_index, m_nextRow + rows);
    m_nextRow += rows;
    ++m_chunks;
    return true;
}

std::int64_t Partitioner::estimatedRemainingChunks(double nsPerRow) const
{
    const std::int64_t remaining = rowsRemaining();
    if (remaining <= 0) return 0;
    const bool bytes = m_spec.unit == PartitionSpec::Unit::Bytes;
    if (m_spec.strategy == PartitionSpec::Strategy::Guided) {
        // Simulate the shrinking sequence on rows; cheap (logarithmic in the row count, then
        // linear in the minimum-size tail, which we compute in closed form).
        const double bpr = bytes ? bytesPerRow() : 1.0;
        const double minRows = std::max(1.0, double(m_spec.size) / bpr);
        double left = double(remaining);
        std::int64_t n = 0;
        while (left > 0) {
            const double share = left / (2.0 * m_workers);
            if (share <= minRows) {
                n += std::int64_t(std::ceil(left / minRows));
                break;
            }
            left -= std::floor(share);
            ++n;
        }
        return n;
    }
    double rowsPerChunk;
    if (m_spec.strategy == PartitionSpec::Strategy::Auto && nsPerRow > 0
        && m_chunks >= 2 * std::int64_t(m_workers)) {
        rowsPerChunk = double(desiredUnits(nsPerRow)) / (bytes ? bytesPerRow() : 1.0);
    } else {
        rowsPerChunk = double(m_spec.size) / (bytes ? bytesPerRow() : 1.0);
    }
    rowsPerChunk = std::max(1.0, rowsPerChunk);
    return std::int64_t(std::ceil(double(remaining) / rowsPerChunk));
}

} // namespace sf
