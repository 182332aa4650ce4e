#include "sweeptable.h"
#include "export/csvwriter.h"
#include <QJsonArray>

namespace sf::cli {

namespace {

QJsonObject settingJson(const SweepSetting &s) {
    QJsonObject o;
    if (s.chunk > 0)
        o.insert(s.chunkBytes ? QStringLiteral("chunk_bytes") : QStringLiteral("chunk_rows"),
                 qint64(s.chunk));
    o.insert(QStringLiteral("workers"), s.workers);
    o.insert(QStringLiteral("policy"), schedulePolicyName(s.policy));
    return o;
}

QString statusName(SweepResult::Status s) {
    switch (s) {
    case SweepResult::Status::Complete: return QStringLiteral("complete");
    case SweepResult::Status::Cancelled: return QStringLiteral("interrupted");
    case SweepResult::Status::Failed: return QStringLiteral("failed");
    }
    return QStringLiteral("complete");
}

} // namespace

QByteArray sweepCsv(const SweepResult &result) {
    CsvWriter csv;
    const bool bytes = !result.cells.isEmpty() && result.cells.first().setting.chunkBytes;
    csv.row({bytes ? QStringLiteral("chunk_bytes") : QStringLiteral("chunk_rows"),
             QStringLiteral("workers"), QStringLiteral("policy"), QStringLiteral("repeats"),
             QStringLiteral("median_ms"), QStringLiteral("min_ms"), QStringLiteral("max_ms"),
             QStringLiteral("rows_per_s"), QStringLiteral("mb_per_s"), QStringLiteral("speedup"),
             QStringLiteral("efficiency"), QStringLiteral("baseline_workers")});
    for (const SweepCell &c : result.cells) {
        if (c.setting.chunk > 0)
            csv.field(c.setting.chunk);
        else
            csv.field(QByteArray());
        csv.field(c.setting.workers).field(schedulePolicyName(c.setting.policy));
        csv.field(std::int64_t(c.wallMs.size()));
        csv.fixed(c.medianMs, 3).fixed(c.minMs, 3).fixed(c.maxMs, 3);
        csv.fixed(c.rowsPerSec, 1).fixed(c.mbPerSec, 3);
        csv.fixed(c.speedup, 3).fixed(c.efficiency, 3).field(c.baselineWorkers);
        csv.endRow();
    }
    return csv.data();
}

QJsonObject sweepJson(const QString &analysis, const QString &datasetPath, const SweepPlan &plan,
                      const SweepResult &result, const Recommendation &rec) {
    QJsonObject doc;
    doc.insert(QStringLiteral("analysis"), analysis);
    if (!datasetPath.isEmpty()) doc.insert(QStringLiteral("dataset"), datasetPath);
    doc.insert(QStringLiteral("status"), statusName(result.status));
    doc.insert(QStringLiteral("repeats"), plan.repeats);
    doc.insert(QStringLiteral("sample"), plan.sample.name());
    doc.insert(QStringLiteral("sample_rows"), qint64(result.datasetRows));
    if (!result.sampleNote.isEmpty()) doc.insert(QStringLiteral("sample_note"), result.sampleNote);
    doc.insert(QStringLiteral("fixed_ms_per_task"), result.fixedMsPerTask);
    QJsonArray cells;
    for (const SweepCell &c : result.cells) {
        QJsonObject o = settingJson(c.setting);
        QJsonArray walls;
        for (double w : c.wallMs)
            walls.append(w);
        o.insert(QStringLiteral("wall_ms"), walls);
        o.insert(QStringLiteral("median_ms"), c.medianMs);
        o.insert(QStringLiteral("speedup"), c.speedup);
        o.insert(QStringLiteral("efficiency"), c.efficiency);
        o.insert(QStringLiteral("baseline_workers"), c.baselineWorkers);
        o.insert(QStringLiteral("rows"), qint64(c.rows));
        o.insert(QStringLiteral("tasks"), qint64(c.diag.tasks));
        o.insert(QStringLiteral("mean_task_ms"), c.diag.meanTaskMs());
        o.insert(QStringLiteral("overhead_share"), c.overheadShare());
        o.insert(QStringLiteral("tail_idle_share"), c.tailShare());
        o.insert(QStringLiteral("budget_idle_share"), c.budgetShare());
        o.insert(QStringLiteral("budget_wait_tasks"), qint64(c.diag.budgetWaitTasks));
        cells.append(o);
    }
    doc.insert(QStringLiteral("cells"), cells);
    if (rec.valid) {
        QJsonObject r;
        r.insert(QStringLiteral("best"), settingJson(rec.best.setting));
        r.insert(QStringLiteral("median_ms"), rec.best.medianMs);
        r.insert(QStringLiteral("speedup"), rec.speedup);
        r.insert(QStringLiteral("efficiency"), rec.efficiency);
        if (!rec.limiter.isEmpty()) r.insert(QStringLiteral("limiter"), rec.limiter);
        QJsonArray losers;
        for (const SweepVerdict &v : rec.losers) {
            QJsonObject o = settingJson(v.setting);
            o.insert(QStringLiteral("median_ms"), v.medianMs);
            o.insert(QStringLiteral("slowdown"), v.slowdown);
            o.insert(QStringLiteral("cause"), lossCauseName(v.cause));
            o.insert(QStringLiteral("reason"), v.reason);
            losers.append(o);
        }
        r.insert(QStringLiteral("others"), losers);
        r.insert(QStringLiteral("text"), rec.text(int(rec.losers.size())));
        doc.insert(QStringLiteral("recommendation"), r);
    }
    return doc;
}

} // namespace sf::cli
