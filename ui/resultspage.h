#pragma once
// The Results page: per job of the finished run, how it ended, its result table (sortable),
// the JSON document and the rejected records, with the export actions beside them.
#include "finishedrun.h"
#include <QWidget>
#include <memory>

class QComboBox;
class QLabel;
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

private:
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
};

} // namespace sf::ui
