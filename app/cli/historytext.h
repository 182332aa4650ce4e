#pragma once
// What `superflow-cli history` prints: the runs table, one run's details, and two runs side
// by side — as text tables for people and as JSON for scripts (same figures in both).
#include "history/runcomparison.h"
#include "history/storedrun.h"
#include <QJsonObject>
#include <QList>
#include <QString>

namespace sf::cli {

QString historyListText(const QList<StoredRun> &runs);
QString historyShowText(const StoredRun &run);
QString historyCompareText(const StoredRun &a, const StoredRun &b, const RunComparison &c);

QJsonObject historyRunJson(const StoredRun &run, bool withTasks);
QJsonObject historyCompareJson(const StoredRun &a, const StoredRun &b, const RunComparison &c);

} // namespace sf::cli
