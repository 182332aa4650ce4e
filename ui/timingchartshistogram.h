#pragma once
// Histogram of task durations on log-scale bins (10 per decade, 1 µs … 10⁴ s) with quantile
// markers (p25, median, p75, p95) and stragglers stacked in their own colour. Counts are kept
// per attempt, so an attempt flagged a straggler late moves between series instead of being
// counted twice.
#include "monitor/runsnapshot.h"
#include "timingchartsbase.h"
#include <cstdint>
#include <vector>

class QCPBars;
class QCPItemStraightLine;
class QCPItemText;

namespace sf::ui {

class DurationHistogramChart : public TimingChartBase {
    Q_OBJECT
public:
    static constexpr int BinsPerDecade = 10;
    static constexpr int FirstDecade = -3; // 10^-3 ms = 1 µs
    static constexpr int Decades = 10;     // up to 10^7 ms
    static constexpr int BinCount = BinsPerDecade * Decades;

    explicit DurationHistogramChart(QWidget *parent = nullptr);

    void reset();
    void applySnapshot(const sf::RunSnapshot &snapshot);

    // Bin of a duration; durations outside the range land in the first/last bin.
    static int binOf(double ms);
    std::int64_t count(int bin) const { return m_normal[static_cast<std::size_t>(bin)]; }
    std::int64_t stragglerCount(int bin) const
    {
        return m_stragglers[static_cast<std::size_t>(bin)];
    }
    std::int64_t total() const { return m_total; }
    // x position (log10 ms) of the marker of quantile `index` (0 p25, 1 median, 2 p75, 3 p95).
    double markerPosition(int index) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyRecord(const TaskRecord &r);
    void colourMarkers(); // from the palette, so the median line shows in the dark theme too
    void refreshPlot(const DurationQuantiles &q);

    std::vector<std::int64_t> m_normal = std::vector<std::int64_t>(BinCount, 0);
    std::vector<std::int64_t> m_stragglers = std::vector<std::int64_t>(BinCount, 0);
    std::vector<std::int16_t> m_binOfAttempt;       // -1: not counted
    std::vector<std::uint8_t> m_stragglerOfAttempt; // series it was counted in
    std::int64_t m_total = 0;
    QCPBars *m_normalBars = nullptr;
    QCPBars *m_stragglerBars = nullptr;
    QCPItemStraightLine *m_markers[4] = {};
    QCPItemText *m_labels[4] = {};
};

} // namespace sf::ui
