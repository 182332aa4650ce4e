#pragma once
// Files other tools read: results (JSON/CSV), timings (CSV, one row per attempt), the run as
// a Chrome Trace Event Format file (Perfetto, chrome://tracing) and rejected records (CSV).
// All written atomically; false with `error` set on failure.
#include "analysis/analysisresult.h"
#include "data/rejects.h"
#include "monitor/runsnapshot.h"
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <vector>

namespace sf {

bool exportJson(const QJsonObject &document, const QString &path, QString *error);
bool exportResultCsv(const ResultTable &table, const QString &path, QString *error);
// Chooses JSON or CSV by the file extension (.json / .csv): `document` (the result's json, with
// what a caller adds) and the result's rows (export/resultdocument.h), or the result's table.
bool exportResult(const QJsonObject &document, const AnalysisResult &result, const QString &path,
                  QString *error);
bool exportTimingsCsv(const std::vector<TaskRecord> &records, const QStringList &jobNames,
                      const QString &path, QString *error);
bool exportChromeTrace(const std::vector<TaskRecord> &records, const RunSummary &summary,
                       const QStringList &jobNames, const QString &runName, const QString &path,
                       QString *error);
bool exportRejectsCsv(const QList<RejectedRecord> &rejects, const QString &sourcePath,
                      const QString &path, QString *error);

} // namespace sf
