#pragma once
// A finished run as the Results page and the exports keep it: copied out of the engine Run
// once, so the next run can replace the Run while results stay on screen and exportable.
#include "exec/run.h"
#include <QList>
#include <QStringList>
#include <vector>

namespace sf::ui {

struct FinishedRun {
    QString name; // "run 3 — 14:02:11"
    QStringList jobNames;
    QStringList sourcePaths;    // per job; empty for jobs without a dataset
    QList<JobOutcome> outcomes; // per job
    std::vector<TaskRecord> records;
    RunSummary summary;

    static FinishedRun capture(const Run &run, const QString &name);
};

} // namespace sf::ui
