#pragma once
// Paces the replots of one QCustomPlot during a run: requests are coalesced into at most one
// replot per interval, and the interval grows with what a replot costs, so redrawing a live
// chart never takes more than a set share of the GUI thread (input, the tasks table and the
// other charts keep the rest).
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

class QCustomPlot;

namespace sf::ui {

class ReplotThrottle : public QObject {
    Q_OBJECT
public:
    // At most one replot per `minIntervalMs`, and replots at most `maxShare` (0..1) of the time.
    ReplotThrottle(QCustomPlot *plot, int minIntervalMs, double maxShare);

    void request(); // replot soon; several requests before it happens cost one replot
    bool isPending() const { return m_timer.isActive(); }
    int intervalMs() const { return m_intervalMs; }

private:
    void replotNow();

    QCustomPlot *m_plot;
    const int m_minIntervalMs;
    const double m_maxShare;
    int m_intervalMs;
    QTimer m_timer;
    QElapsedTimer m_sinceReplot;
};

} // namespace sf::ui
