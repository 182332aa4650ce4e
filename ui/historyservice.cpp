#include "historyservice.h"
#include "exec/run.h"
#include "history/runhistory.h"
#include "settings.h"
#include <QSemaphore>
#include <QThread>

namespace sf::ui {

namespace {

// One stored run per job of `run`, with the job's attempts; fingerprints are left for the
// worker thread (they read the file).
QList<StoredRun> captureJobs(const Run &run)
{
    QList<StoredRun> out;
    const std::vector<TaskRecord> records = run.records();
    const RunSummary summary = run.summary();
    const RunOptions &options = run.options();
    for (int j = 0; j < run.jobCount(); ++j) {
        const JobSpec &job = run.job(j);
        StoredRun r;
        r.startedAt = QDateTime::currentDateTimeUtc().addMSecs(-qint64(summary.elapsedMs));
        r.params.origin = QStringLiteral("gui");
        r.params.analysis = job.analysis ? job.analysis->name() : QString();
        r.params.jobName = job.name;
        r.params.datasetPath = job.source ? job.source->path() : QString();
        r.params.partition = job.partition;
        r.params.workers = summary.workers > 0 ? summary.workers : options.workers;
        r.params.policy = options.policy;
        r.params.priority = job.priority;
        r.params.memoryBudget = options.memoryBudget;
        r.totals = runTotals(run.outcome(j), summary, summary.elapsedMs);
        for (const TaskRecord &t : records) {
            if (t.job != j) continue;
            r.tasks.push_back(t);
            if (run.jobCount() > 1) r.tasks.back().job = 0; // stored alone, it is job 0
        }
        if (run.jobCount() > 1) {
            std::int64_t bytes = 0;
            for (const TaskRecord &t : r.tasks)
                bytes += t.bytesDone;
            r.totals.bytes = bytes;
        }
        out.append(std::move(r));
    }
    return out;
}

} // namespace

HistoryService::HistoryService(QObject *parent, const QString &path, int maxRuns)
    : QObject(parent)
    , m_path(path.isEmpty() ? Settings::historyPath() : path)
    , m_maxRuns(maxRuns > 0 ? maxRuns : Settings::historyMaxRuns())
{
    m_thread.setObjectName(QStringLiteral("history"));
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
}

HistoryService::~HistoryService()
{
    // Queued saves finish first; the connection belongs to the worker thread: close it there.
    QMetaObject::invokeMethod(
        m_context, [this] { m_history.reset(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void HistoryService::setLocation(const QString &path, int maxRuns)
{
    const QString newPath = path.isEmpty() ? Settings::historyPath() : path;
    m_maxRuns = maxRuns > 0 ? maxRuns : Settings::historyMaxRuns();
    if (newPath == m_path) return;
    m_path = newPath;
    post([](RunHistory *, QString *) {}); // reopens at the new path
    Q_EMIT changed();
}

void HistoryService::report(const QString &message)
{
    QMetaObject::invokeMethod(this, [this, message] { Q_EMIT problem(message); });
}

void HistoryService::post(std::function<void(RunHistory *, QString *)> work)
{
    const QString path = m_path;
    QMetaObject::invokeMethod(m_context, [this, path, work = std::move(work)] {
        QString error;
        if (!m_history || m_history->path() != path) {
            m_history = std::make_shared<RunHistory>();
            if (!m_history->open(path, &error)) m_history.reset();
        }
        if (m_history) {
            const QString notice = m_history->takeNotice();
            if (!notice.isEmpty()) report(notice);
        }
        work(m_history.get(), &error);
        if (m_history) {
            const QString notice = m_history->takeNotice();
            if (!notice.isEmpty()) report(notice);
        }
    });
}

void HistoryService::recordFinished(const Run &run)
{
    for (StoredRun &r : captureJobs(run))
        save(std::move(r));
}

void HistoryService::save(StoredRun run)
{
    const int maxRuns = m_maxRuns;
    post([this, run = std::move(run), maxRuns](RunHistory *history, QString *error) mutable {
        if (!history) {
            report(tr("The run was not saved to the history: %1").arg(*error));
            return;
        }
        if (!run.params.datasetPath.isEmpty())
            run.params.fingerprint = DatasetFingerprint::of(run.params.datasetPath);
        if (!history->saveRun(&run, error)) {
            report(tr("The run was not saved to the history: %1").arg(*error));
            return;
        }
        history->prune(maxRuns, error);
        const qint64 id = run.id;
        QMetaObject::invokeMethod(this, [this, id] {
            Q_EMIT saved(id);
            Q_EMIT changed();
        });
    });
}

void HistoryService::requestList()
{
    post([this](RunHistory *history, QString *error) {
        QList<StoredRun> runs;
        if (history) runs = history->list(error);
        if (!history || !error->isEmpty()) report(tr("Cannot read the history: %1").arg(*error));
        QMetaObject::invokeMethod(this, [this, runs] { Q_EMIT listed(runs); });
    });
}

void HistoryService::requestLoad(std::int64_t id)
{
    post([this, id](RunHistory *history, QString *error) {
        std::optional<StoredRun> run;
        if (history) run = history->load(id, error);
        if (!run) {
            report(tr("Cannot read run %1 from the history: %2").arg(id).arg(*error));
            return;
        }
        QMetaObject::invokeMethod(this, [this, r = std::move(*run)] { Q_EMIT loaded(r); });
    });
}

void HistoryService::requestRemove(std::int64_t id)
{
    post([this, id](RunHistory *history, QString *error) {
        if (!history || !history->remove(id, error)) {
            report(tr("Cannot remove run %1: %2").arg(id).arg(*error));
            return;
        }
        QMetaObject::invokeMethod(this, [this, id] {
            Q_EMIT removed(id);
            Q_EMIT changed();
        });
    });
}

bool HistoryService::waitForIdle(int timeoutMs)
{
    auto done = std::make_shared<QSemaphore>();
    QMetaObject::invokeMethod(m_context, [done] { done->release(); });
    return done->tryAcquire(1, timeoutMs);
}

} // namespace sf::ui
