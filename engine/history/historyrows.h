#pragma once
// Reading and writing the rows of the history's two tables (runs, tasks); RunHistory wraps
// them in transactions and recovery.
#include "history/storedrun.h"
#include <QSqlDatabase>
#include <QSqlQuery>

namespace sf::history {

// The columns runFromRow() expects, in its order.
QString runColumns();
StoredRun runFromRow(const QSqlQuery &q);

// Inserts the run row and its task rows (inside the caller's transaction); sets run->id.
// On failure `error` holds the database's message and `nativeCode` its SQLite code.
bool insertRun(QSqlDatabase &db, StoredRun *run, QString *error, QString *nativeCode);
bool readTasks(QSqlDatabase &db, std::int64_t runId, std::vector<TaskRecord> *out, QString *error);

} // namespace sf::history
