#pragma once
// The File ▸ Export actions of a finished run: the selected job's result (CSV/JSON), the
// timings of every attempt (CSV), the run as a Chrome trace (JSON) and the rejected records
// (CSV). Each asks for a path, then writes through the engine's exporters (atomically).
#include "finishedrun.h"
#include <QObject>
#include <memory>

class QAction;
class QWidget;

namespace sf::ui {

class ExportActions : public QObject {
    Q_OBJECT
public:
    explicit ExportActions(QWidget *dialogParent);

    void setRun(std::shared_ptr<const FinishedRun> run);
    void setCurrentJob(int job);
    int currentJob() const { return m_job; }

    QAction *resultAction() const { return m_result; }
    QAction *timingsAction() const { return m_timings; }
    QAction *traceAction() const { return m_trace; }
    QAction *rejectsAction() const { return m_rejects; }

    // The writes behind the actions, without a dialog; false with `error` set.
    bool exportResult(const QString &path, QString *error) const;
    bool exportTimings(const QString &path, QString *error) const;
    bool exportTrace(const QString &path, QString *error) const;
    bool exportRejects(const QString &path, QString *error) const;

Q_SIGNALS:
    void exported(const QString &path);
    void exportFailed(const QString &message);

private:
    using Writer = bool (ExportActions::*)(const QString &, QString *) const;
    void ask(const QString &title, const QString &suggested, const QString &filters, Writer writer);
    QString baseName() const;
    void updateEnabled();

    QWidget *m_dialogParent;
    std::shared_ptr<const FinishedRun> m_run;
    int m_job = 0;
    QAction *m_result;
    QAction *m_timings;
    QAction *m_trace;
    QAction *m_rejects;
};

} // namespace sf::ui
