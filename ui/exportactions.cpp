#include "exportactions.h"

#include "export/exporters.h"
#include "settings.h"
#include "workbenchicon.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
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
            tr("CSV (*.csv);;JSON (*.json)"), &ExportActions::exportResult);
    });
    connect(m_timings, &QAction::triggered, this, [this] {
        ask(tr("Export timings"), baseName() + QStringLiteral("-timings.csv"), tr("CSV (*.csv)"),
            &ExportActions::exportTimings);
    });
    connect(m_trace, &QAction::triggered, this, [this] {
        ask(tr("Export trace"), baseName() + QStringLiteral("-trace.json"),
            tr("Chrome Trace JSON (*.json)"), &ExportActions::exportTrace);
    });
    connect(m_rejects, &QAction::triggered, this, [this] {
        ask(tr("Export rejected records"), baseName() + QStringLiteral("-rejects.csv"),
            tr("CSV (*.csv)"), &ExportActions::exportRejects);
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
    m_result->setEnabled(done);
    m_timings->setEnabled(m_run != nullptr);
    m_trace->setEnabled(m_run != nullptr);
    m_rejects->setEnabled(haveJob && !m_run->outcomes[m_job].rejects.isEmpty());
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
                        Writer writer)
{
    const QString path = QFileDialog::getSaveFileName(
        m_dialogParent, title, QDir(Settings::exportDirectory()).filePath(suggested), filters);
    if (path.isEmpty()) return;
    Settings::setExportDirectory(QFileInfo(path).absolutePath());
    QString error;
    if ((this->*writer)(path, &error))
        Q_EMIT exported(path);
    else
        Q_EMIT exportFailed(error);
}

bool ExportActions::exportResult(const QString &path, QString *error) const
{
    if (!m_run || m_job < 0 || m_job >= m_run->outcomes.size()) {
        *error = tr("No finished job to export.");
        return false;
    }
    const JobOutcome &outcome = m_run->outcomes[m_job];
    if (outcome.status != JobOutcome::Status::Done) {
        *error =
            tr("Job \"%1\" did not finish: no result to export.").arg(m_run->jobNames.value(m_job));
        return false;
    }
    return sf::exportResult(outcome.result.json, outcome.result.table, path, error);
}

bool ExportActions::exportTimings(const QString &path, QString *error) const
{
    if (!m_run) {
        *error = tr("No run to export.");
        return false;
    }
    return exportTimingsCsv(m_run->records, m_run->jobNames, path, error);
}

bool ExportActions::exportTrace(const QString &path, QString *error) const
{
    if (!m_run) {
        *error = tr("No run to export.");
        return false;
    }
    return exportChromeTrace(m_run->records, m_run->summary, m_run->jobNames, m_run->name, path,
                             error);
}

bool ExportActions::exportRejects(const QString &path, QString *error) const
{
    if (!m_run || m_job < 0 || m_job >= m_run->outcomes.size()) {
        *error = tr("No finished job to export.");
        return false;
    }
    return exportRejectsCsv(m_run->outcomes[m_job].rejects, m_run->sourcePaths.value(m_job), path,
                            error);
}

} // namespace sf::ui
