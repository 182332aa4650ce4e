#pragma once
// The File ▸ Export actions of a finished run: the selected job's result (CSV/JSON), the
// timings of every attempt (CSV), the run as a Chrome trace (JSON) and the rejected records
// (CSV). Each asks for a path, then writes through the engine's exporters (atomically) on a
// pool thread: a million attempts make a 180 MB trace. The actions stay disabled until then.
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

    // The writes behind the actions, without a dialog, on the calling thread; false with
    // `error` set.
    bool exportResult(const QString &path, QString *error) const;
    bool exportTimings(const QString &path, QString *error) const;
    bool exportTrace(const QString &path, QString *error) const;
    bool exportRejects(const QString &path, QString *error) const;
    // As the actions do after their dialog: the write on a pool thread, then exported or
    // exportFailed. False (nothing started) while another write is running.
    enum class What { Result, Timings, Trace, Rejects };
    bool startExport(What what, const QString &path);
    bool isWriting() const { return m_writing; }

Q_SIGNALS:
    void exportStarted(const QString &path);
    void exported(const QString &path);
    void exportFailed(const QString &message);

private:
    // What a write reads, copied when it starts: the page may show another run meanwhile.
    struct Target {
        std::shared_ptr<const FinishedRun> run;
        int job = 0;
    };
    static bool write(What what, const Target &target, const QString &path, QString *error);
    void ask(const QString &title, const QString &suggested, const QString &filters, What what);
    QString baseName() const;
    void updateEnabled();

    QWidget *m_dialogParent;
    std::shared_ptr<const FinishedRun> m_run;
    int m_job = 0;
    bool m_writing = false;
    QAction *m_result;
    QAction *m_timings;
    QAction *m_trace;
    QAction *m_rejects;
};

} // namespace sf::ui
