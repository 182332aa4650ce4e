#pragma once
// The run history: every run's parameters, totals and task timings in one SQLite file (QtSql).
// A deleted file is recreated; a file that is not a Superflow history (not SQLite, corrupt,
// someone else's tables) is moved aside to `<name>.corrupt-<timestamp>` and a new one started,
// and notice() says so — the run being saved is never lost to a bad file.
//
// One RunHistory is one connection: use it from the thread that opened it (QSqlDatabase's
// rule). Connection names are unique per instance, so threads can each hold their own.
#include "history/storedrun.h"
#include <QList>
#include <QString>
#include <optional>

namespace sf {

class RunHistory {
public:
    RunHistory();
    ~RunHistory();
    RunHistory(const RunHistory &) = delete;
    RunHistory &operator=(const RunHistory &) = delete;

    // Opens (creating folders and schema as needed). False with `error` when the file can be
    // neither used nor replaced.
    bool open(const QString &path, QString *error);
    bool isOpen() const { return m_open; }
    QString path() const { return m_path; }
    // What recovery did since open() (moved a corrupt file, recreated a deleted one); empty
    // when nothing happened. Cleared by takeNotice().
    QString takeNotice();

    // Saves run, tasks included, in one transaction; sets run->id.
    bool saveRun(StoredRun *run, QString *error);
    // Newest first, without tasks.
    QList<StoredRun> list(QString *error) const;
    std::optional<StoredRun> load(std::int64_t id, QString *error) const;
    // False with "no run N" when it is not there.
    bool remove(std::int64_t id, QString *error);
    // Keeps the newest `maxRuns` runs; `removed` says how many went.
    bool prune(int maxRuns, QString *error, int *removed = nullptr);

private:
    bool connect(QString *error);
    void disconnect();
    bool recoverCorrupt(const QString &reason, QString *error);
    bool ensureFile(QString *error);
    bool trySave(StoredRun *run, QString *error, bool *corrupt);
    void note(const QString &text);

    QString m_connection;
    QString m_path;
    QString m_notice;
    bool m_open = false;
};

// history.sqlite in the user's data directory (~/.local/share/Superflow/Superflow/): the same
// file for the workbench and superflow-cli.
QString defaultHistoryPath();

} // namespace sf
