#include "exportactions.h"

#include "export/exporters.h"
#include "settings.h"
#include "workbenchicon.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>
#include <QRegularExpression>
#include <QWidget>

namespace sf::ui {

ExportActions::ExportActions(QWidget *dialogParent)
    : QObject(dialogParent)
    , m_dialogParent(dialogParent)
    , m_result(new QAction(tr("Result (CSV/JSON)…"), this))
    , m_timings(new QAction(tr("Timings (CSV)…"), this))
    , m_trace(new QAction(tr("Trace (Chrome JSON)…"), this))
    , m_rejects(new QAction(tr("Rejected records (CSV)…"), this))
{
    m_result->setShortcut(QKeySequence(QStringLiteral("Ctrl+E")));
    m_result->setIcon(themedIcon("document-save", QStyle::SP_DialogSaveButton));
    connect(m_result, &QAction::triggered, this, [this] {
        ask(tr("Export result"), baseName() + QStringLiteral(".csv"),
            tr("CSV (*.csv);;JSON (*.json)"), What::Result);
    });
    connect(m_timings, &QAction::triggered, this, [this] {
        ask(tr("Export timings"), baseName() + QStringLiteral("-timings.csv"), tr("CSV (*.csv)"),
            What::Timings);
    });
    connect(m_trace, &QAction::triggered, this, [this] {
        ask(tr("Export trace"), baseName() + QStringLiteral("-trace.json"),
            tr("Chrome Trace JSON (*.json)"), What::Trace);
    });
    connect(m_rejects, &QAction::triggered, this, [this] {
        ask(tr("Export rejected records"), baseName() + QStringLiteral("-rejects.csv"),
            tr("CSV (*.csv)"), What::Rejects);
    });
    updateEnabled();
}

void ExportActions::setRun(std::shared_ptr<const FinishedRun> run)
{
    m_run = std::move(run);
    m_job = 0;
    updateEnabled();
}

void ExportActions::setCurrentJob(int job)
{
    m_job = job;
    updateEnabled();
}

void ExportActions::updateEnabled()
{
    const bool haveJob = m_run && m_job >= 0 && m_job < m_run->outcomes.size();
    const bool done = haveJob && m_run->outcomes[m_job].status == JobOutcome::Status::Done;
    const bool idle = !m_writing;
    m_result->setEnabled(idle && done);
    m_timings->setEnabled(idle && m_run != nullptr);
    m_trace->setEnabled(idle && m_run != nullptr);
    m_rejects->setEnabled(idle && haveJob && !m_run->outcomes[m_job].rejects.isEmpty());
}

QString ExportActions::baseName() const
{
    if (!m_run || m_job < 0 || m_job >= m_run->jobNames.size()) return QStringLiteral("superflow");
    // "profile · weather.csv (p2)" → "profile-weather-p2": safe in any file system.
    QString name = m_run->jobNames[m_job];
    name.replace(QRegularExpression(QStringLiteral("\\.(csv|tsv|jsonl?|gz|zst|sqlite|db)")),
                 QString());
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_]+")), QStringLiteral("-"));
    return name.remove(QRegularExpression(QStringLiteral("^-+|-+$")));
}

void ExportActions::ask(const QString &title, const QString &suggested, const QString &filters,
                        What what)
{
    const QString path = QFileDialog::getSaveFileName(
        m_dialogParent, title, QDir(Settings::exportDirectory()).filePath(suggested), filters);
    if (path.isEmpty()) return;
    Settings::setExportDirectory(QFileInfo(path).absolutePath());
    startExport(what, path);
}

bool ExportActions::startExport(What what, const QString &path)
{
    if (m_writing) return false;
    m_writing = true;
    updateEnabled();
    Q_EMIT exportStarted(path);
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path] {
        const QString error = watcher->result();
        watcher->deleteLater();
        m_writing = false;
        updateEnabled();
        if (error.isEmpty())
            Q_EMIT exported(path);
        else
            Q_EMIT exportFailed(error);
    });
    watcher->setFuture(QtConcurrent::run([what, target = Target{m_run, m_job}, path] {
        QString error;
        if (write(what, target, path, &error)) return QString();
        return error.isEmpty() ? tr("Could not write %1.").arg(path) : error;
    }));
    return true;
}

bool ExportActions::exportResult(const QString &path, QString *error) const
{
    return write(What::Result, {m_run, m_job}, path, error);
}

bool ExportActions::exportTimings(const QString &path, QString *error) const
{
    return write(What::Timings, {m_run, m_job}, path, error);
}

bool ExportActions::exportTrace(const QString &path, QString *error) const
{
    return write(What::Trace, {m_run, m_job}, path, error);
}

bool ExportActions::exportRejects(const QString &path, QString *error) const
{
    return write(What::Rejects, {m_run, m_job}, path, error);
}

bool ExportActions::write(What what, const Target &target, const QString &path, QString *error)
{
    const FinishedRun *run = target.run.get();
    const int job = target.job;
    const bool haveJob = run && job >= 0 && job < run->outcomes.size();
    switch (what) {
    case What::Result: {
        if (!haveJob) {
            *error = tr("No finished job to export.");
            return false;
        }
        const JobOutcome &outcome = run->outcomes[job];
        if (outcome.status != JobOutcome::Status::Done) {
            *error = tr("Job \"%1\" did not finish: no result to export.").arg(run->jobNames.value(job));
            return false;
        }
        return sf::exportResult(outcome.result.json, outcome.result, path, error);
    }
    case What::Timings:
        if (!run) {
            *error = tr("No run to export.");
            return false;
        }
        return exportTimingsCsv(run->records, run->jobNames, path, error);
    case What::Trace:
        if (!run) {
            *error = tr("No run to export.");
            return false;
        }
        return exportChromeTrace(run->records, run->summary, run->jobNames, run->name, path, error);
    case What::Rejects:
        if (!haveJob) {
            *error = tr("No finished job to export.");
            return false;
        }
        return exportRejectsCsv(run->outcomes[job].rejects, run->sourcePaths.value(job), path,
                                error);
    }
    return false;
}

} // namespace sf::ui
