#include "replotthrottle.h"

#include <algorithm>
#include <qcustomplot.h>

namespace sf::ui {

namespace {
constexpr int kMaxIntervalMs = 1000; // a live chart still moves at least once a second
}

ReplotThrottle::ReplotThrottle(QCustomPlot *plot, int minIntervalMs, double maxShare)
    : QObject(plot)
    , m_plot(plot)
    , m_minIntervalMs(minIntervalMs)
    , m_maxShare(std::clamp(maxShare, 0.01, 1.0))
    , m_intervalMs(minIntervalMs)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ReplotThrottle::replotNow);
}

void ReplotThrottle::request()
{
    if (m_timer.isActive()) return;
    const qint64 since = m_sinceReplot.isValid() ? m_sinceReplot.elapsed() : kMaxIntervalMs;
    m_timer.start(int(std::max<qint64>(0, m_intervalMs - since)));
}

void ReplotThrottle::replotNow()
{
    m_sinceReplot.start();
    // Drawn now into the plot's buffer; the widget is repainted with the next paint event.
    m_plot->replot(QCustomPlot::rpQueuedRefresh);
    const double costMs = m_plot->replotTime(false);
    m_intervalMs = std::clamp(int(costMs / m_maxShare), m_minIntervalMs, kMaxIntervalMs);
}

} // namespace sf::ui
