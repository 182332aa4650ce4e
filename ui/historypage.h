#pragma once
// The History page: every stored run in a sortable, filterable table; a past run's timing
// charts (the Live run page's widgets fed from the stored attempts); two runs compared side by
// side. Reads go through HistoryService, so the GUI thread never touches the file.
#include "history/storedrun.h"
#include <QWidget>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;

namespace sf::ui {

class ComparisonView;
class HistoryModel;
class HistoryService;
class TimingCharts;

class HistoryPage : public QWidget {
    Q_OBJECT
public:
    explicit HistoryPage(HistoryService *service, QWidget *parent = nullptr);

    void refresh(); // asks for the list again
    // Selects the rows of these run ids in the table (tests, "compare with previous").
    void selectRuns(const QList<qint64> &ids);
    void openSelected();    // the selected run's charts
    void compareSelected(); // the two selected runs
    void removeSelected();

    HistoryModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filter; }
    TimingCharts *charts() const { return m_charts; }
    ComparisonView *comparison() const { return m_comparison; }
    QTabWidget *views() const { return m_views; }
    QLabel *runLabel() const { return m_runLabel; }

Q_SIGNALS:
    void listUpdated(); // the table shows the latest list
    void runOpened(qint64 id);
    void runsCompared(qint64 a, qint64 b);

protected:
    void showEvent(QShowEvent *event) override;

private:
    QList<qint64> selectedIds() const;
    void onListed(const QList<sf::StoredRun> &runs);
    void onLoaded(const sf::StoredRun &run);
    void updateButtons();

    HistoryService *m_service;
    HistoryModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QLineEdit *m_filter;
    QPushButton *m_open;
    QPushButton *m_compare;
    QPushButton *m_remove;
    QTabWidget *m_views;
    QLabel *m_runLabel;
    TimingCharts *m_charts;
    ComparisonView *m_comparison;
    bool m_stale = true;
    QList<qint64> m_reselect;
    qint64 m_openId = 0;        // waiting for its load
    QList<qint64> m_compareIds; // waiting for both loads
    QList<sf::StoredRun> m_compareLoaded;
};

} // namespace sf::ui
