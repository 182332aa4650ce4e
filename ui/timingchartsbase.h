#pragma once
// What every timings chart shares: one QCustomPlot, a title, and replots that are paced while
// the chart is visible (ReplotThrottle) and deferred to the next show while it is hidden (a
// hidden tab costs nothing during a run).
#include <QWidget>

class QCPAxis;
class QCustomPlot;

namespace sf::ui {

class ReplotThrottle;

class TimingChartBase : public QWidget {
    Q_OBJECT
public:
    explicit TimingChartBase(const QString &title, QWidget *parent = nullptr);

    QCustomPlot *plot() const { return m_plot; }
    QString title() const { return m_title; }
    // Puts ticks of `axis` on whole numbers (1, 2, 5, 10 … apart): counts have no 2.5.
    static void useCountTicks(QCPAxis *axis);

protected:
    void requestReplot();
    void showEvent(QShowEvent *event) override;

private:
    QCustomPlot *m_plot = nullptr;
    ReplotThrottle *m_replot = nullptr;
    QString m_title;
    bool m_dirty = false;
};

} // namespace sf::ui
