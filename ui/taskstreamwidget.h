#pragma once
// The task stream view: a QCustomPlot holding one TaskStreamPlottable, the lane axis, the
// Follow button and the colour-mode switch. Turns snapshots into paced replots (ReplotThrottle),
// follows the live edge until the user zooms or pans, and reports hovered/clicked attempts.
#include "monitor/runsnapshot.h"
#include "taskstreamplottable.h"
#include <QWidget>
#include <functional>

class QCustomPlot;
class QComboBox;
class QToolButton;

namespace sf::ui {

class ReplotThrottle;

class TaskStreamWidget : public QWidget {
    Q_OBJECT
public:
    using DescribeAttempt = std::function<QString(std::int64_t attemptId)>;

    explicit TaskStreamWidget(QWidget *parent = nullptr);

    void reset(int workers);
    void applySnapshot(const sf::RunSnapshot &snapshot);
    // Supplies the hover tooltip text (the tasks model knows the full record).
    void setDescribeAttempt(DescribeAttempt describe) { m_describe = std::move(describe); }
    void selectAttempt(std::int64_t attemptId);
    void setColourMode(TaskStreamPlottable::ColourMode mode);
    void setFollowing(bool follow);
    bool isFollowing() const { return m_following; }

    QCustomPlot *plot() const { return m_plot; }
    TaskStreamPlottable *plottable() const { return m_bars; }
    // What the tooltip shows at a plot pixel position (empty: nothing there).
    QString tooltipAt(const QPoint &pos) const;
    void exportInteractively(); // the Export… button: format, size, file

Q_SIGNALS:
    void taskClicked(qint64 attemptId);
    void followingChanged(bool following);
    void chartExported(const QString &path);

private:
    void updateLaneTicks(int lanes);
    void applyFollow();
    void onMousePress(QMouseEvent *event);
    void onMouseMove(QMouseEvent *event);
    void onMouseRelease(QMouseEvent *event);

    QCustomPlot *m_plot = nullptr;
    TaskStreamPlottable *m_bars = nullptr;
    ReplotThrottle *m_replot = nullptr;
    QToolButton *m_followButton = nullptr;
    QComboBox *m_colourBox = nullptr;
    DescribeAttempt m_describe;
    QPoint m_pressPos;
    bool m_pressed = false;
    bool m_following = true;
    int m_tickedLanes = -1;
};

} // namespace sf::ui
