#pragma once
// The workbench's door to the run history: every read and write of the SQLite file happens on
// one worker thread that owns the RunHistory (and so its QSqlDatabase connection); results
// come back as signals in the GUI thread. Finished runs are copied out of the engine Run on
// the GUI thread and saved there (dataset fingerprints are read there too).
#include "history/storedrun.h"
#include <QList>
#include <QObject>
#include <QThread>
#include <functional>
#include <memory>

namespace sf {
class Run;
class RunHistory;
} // namespace sf

namespace sf::ui {

class HistoryService : public QObject {
    Q_OBJECT
public:
    // `path` empty: Settings::historyPath(); `maxRuns` 0: Settings::historyMaxRuns().
    explicit HistoryService(QObject *parent = nullptr, const QString &path = QString(),
                            int maxRuns = 0);
    ~HistoryService() override; // finishes queued work, then stops the thread

    QString path() const { return m_path; }
    void setLocation(const QString &path, int maxRuns);

    // Saves every job of a finished run as one stored run (GUI thread: copies, then queues).
    void recordFinished(const Run &run);
    void save(StoredRun run);
    void requestList();
    void requestLoad(std::int64_t id);
    void requestRemove(std::int64_t id);
    // Tests: blocks until everything queued so far is done (results still arrive as signals).
    bool waitForIdle(int timeoutMs = 10000);

Q_SIGNALS:
    void saved(qint64 id);
    void listed(const QList<sf::StoredRun> &runs); // newest first, without tasks
    void loaded(const sf::StoredRun &run);         // with tasks
    void removed(qint64 id);
    void changed();                       // after a save or removal: lists are stale
    void problem(const QString &message); // failures and recoveries, for the status bar

private:
    // Runs `work` on the worker thread with the open history (null when it cannot be opened,
    // the reason then in `error`).
    void post(std::function<void(RunHistory *history, QString *error)> work);
    void report(const QString &message); // from the worker: queued to the GUI thread

    QThread m_thread;
    QObject *m_context = nullptr;          // lives in m_thread; work is posted to it
    std::shared_ptr<RunHistory> m_history; // touched only on m_thread
    QString m_path;
    int m_maxRuns = 0;
};

} // namespace sf::ui
