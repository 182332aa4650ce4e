#include "sweeptable.h"
#include "export/csvwriter.h"
#include <algorithm>

namespace sf::cli {

QString SweepSetting::describe() const {
    QString text;
    if (chunk > 0)
        text = QStringLiteral("%1=%2 ")
                   .arg(chunkBytes ? QStringLiteral("chunk_bytes") : QStringLiteral("chunk_rows"))
                   .arg(chunk);
    return text +
           QStringLiteral("workers=%1 policy=%2").arg(workers).arg(schedulePolicyName(policy));
}

double SweepTable::median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

void SweepTable::add(const SweepSetting &setting, const std::vector<double> &wallMs,
                     std::int64_t rows, std::int64_t bytes) {
    SweepRow row;
    row.setting = setting;
    row.wallMs = wallMs;
    row.rows = rows;
    row.bytes = bytes;
    m_rows.append(row);
}

void SweepTable::compute() {
    for (SweepRow &r : m_rows) {
        r.medianMs = median(r.wallMs);
        r.minMs = r.wallMs.empty() ? 0 : *std::min_element(r.wallMs.begin(), r.wallMs.end());
        r.maxMs = r.wallMs.empty() ? 0 : *std::max_element(r.wallMs.begin(), r.wallMs.end());
        const double seconds = r.medianMs / 1000.0;
        r.rowsPerSec = seconds > 0 ? double(r.rows) / seconds : 0;
        r.mbPerSec = seconds > 0 ? double(r.bytes) / 1e6 / seconds : 0;
    }
    for (SweepRow &r : m_rows) {
        const SweepRow *base = nullptr;
        for (const SweepRow &c : m_rows) {
            if (c.setting.chunk != r.setting.chunk || c.setting.policy != r.setting.policy ||
                c.setting.chunkBytes != r.setting.chunkBytes)
                continue;
            if (!base || c.setting.workers < base->setting.workers) base = &c;
        }
        r.baselineWorkers = base->setting.workers;
        r.speedup = r.medianMs > 0 ? base->medianMs / r.medianMs : 0;
        r.efficiency = r.speedup * base->setting.workers / r.setting.workers;
    }
}

const SweepRow *SweepTable::best() const {
    const SweepRow *best = nullptr;
    for (const SweepRow &r : m_rows)
        if (!best || r.medianMs < best->medianMs) best = &r;
    return best;
}

QByteArray SweepTable::toCsv() const {
    CsvWriter csv;
    const bool bytes = !m_rows.isEmpty() && m_rows.first().setting.chunkBytes;
    csv.row({bytes ? QStringLiteral("chunk_bytes") : QStringLiteral("chunk_rows"),
             QStringLiteral("workers"), QStringLiteral("policy"), QStringLiteral("repeats"),
             QStringLiteral("median_ms"), QStringLiteral("min_ms"), QStringLiteral("max_ms"),
             QStringLiteral("rows_per_s"), QStringLiteral("mb_per_s"), QStringLiteral("speedup"),
             QStringLiteral("efficiency"), QStringLiteral("baseline_workers")});
    for (const SweepRow &r : m_rows) {
        if (r.setting.chunk > 0)
            csv.field(r.setting.chunk);
        else
            csv.field(QByteArray());
        csv.field(r.setting.workers).field(schedulePolicyName(r.setting.policy));
        csv.field(std::int64_t(r.wallMs.size()));
        csv.fixed(r.medianMs, 3).fixed(r.minMs, 3).fixed(r.maxMs, 3);
        csv.fixed(r.rowsPerSec, 1).fixed(r.mbPerSec, 3);
        csv.fixed(r.speedup, 3).fixed(r.efficiency, 3).field(r.baselineWorkers);
        csv.endRow();
    }
    return csv.data();
}

} // namespace sf::cli
