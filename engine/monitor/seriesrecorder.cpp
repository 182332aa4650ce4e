#include "monitor/seriesrecorder.h"

namespace sf {

void SeriesRecorder::add(double tMs, double value, bool force)
{
    if (!m_points.empty() && !force && tMs - m_points.back().tMs < m_intervalMs) return;
    if (!m_points.empty() && tMs <= m_points.back().tMs) {
        m_points.back().value = value; // same instant: keep the latest value
        return;
    }
    m_points.push_back({tMs, value});
    if (m_points.size() >= m_cap) {
        std::vector<SeriesPoint> kept;
        kept.reserve(m_cap / 2 + 1);
        for (std::size_t i = 0; i < m_points.size(); i += 2) kept.push_back(m_points[i]);
        if (kept.back().tMs != m_points.back().tMs) kept.push_back(m_points.back());
        m_points.swap(kept);
        m_intervalMs *= 2;
    }
}

} // namespace sf
