#pragma once
// The Results page: per job of the finished run, how it ended, its result table (sortable, rows
// filtered by a text), the JSON document (its first 256 KiB, formatted off the GUI thread) and
// the rejected records, with the export actions.
#include "finishedrun.h"
#include "jsonpreview.h"
#include <QFutureWatcher>
#include <QWidget>
#include <memory>
#include <utility>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSortFilterProxyModel;
class QTableView;
class QTabWidget;
class QTreeWidget;

namespace sf::ui {

class ExportActions;
class ResultModel;

class ResultsPage : public QWidget {
    Q_OBJECT
public:
    explicit ResultsPage(QWidget *parent = nullptr);

    void setRun(std::shared_ptr<const FinishedRun> run);
    std::shared_ptr<const FinishedRun> run() const { return m_run; }
    void showJob(int job);

    ResultModel *resultModel() const { return m_model; }
    ExportActions *exportActions() const { return m_exports; }
    QLabel *summaryLabel() const { return m_summary; }
    QPlainTextEdit *jsonView() const { return m_json; }
    QLineEdit *rowFilter() const { return m_filter; }
    QSortFilterProxyModel *tableProxy() const { return m_proxy; }
    QLabel *rowCountLabel() const { return m_rowCount; }

private:
    void showJsonPreview();
    void applyRowFilter(bool newTable);
    void showFilteredRows();
    void updateRowCount();

    std::shared_ptr<const FinishedRun> m_run;
    ResultModel *m_model;
    QSortFilterProxyModel *m_proxy;
    ExportActions *m_exports;
    QComboBox *m_job;
    QLabel *m_summary;
    QTabWidget *m_tabs;
    QTableView *m_table;
    QPlainTextEdit *m_json;
    QTreeWidget *m_rejects;
    QLineEdit *m_filter;
    QLabel *m_rowCount;
    QFutureWatcher<std::pair<int, JsonPreview>> *m_jsonWatcher; // (request, preview)
    int m_jsonRequest = 0;
    // (request, one flag per table row)
    using FilterResult = std::pair<int, std::shared_ptr<const std::vector<char>>>;
    QFutureWatcher<FilterResult> *m_filterWatcher;
    int m_filterRequest = 0;
    bool m_filtering = false;
};

} // namespace sf::ui
