#include "tuning/sweeprunner.h"
#include "export/resultdocument.h"
#include "tuning/sampledsource.h"
#include "tuning/tuningtext.h"
#include <QElapsedTimer>
#include <QJsonDocument>
#include <algorithm>
#include <cmath>

namespace sf {

namespace {

struct Measured {
    double wallMs = 0;
    std::vector<TaskRecord> records;
    std::int64_t rows = 0;
    std::int64_t bytes = 0;
};

QString share(std::int64_t part, std::int64_t whole)
{
    return QString::number(whole > 0 ? 100.0 * double(part) / double(whole) : 0, 'f', 1) +
           QLatin1Char('%');
}

} // namespace

SweepRunner::SweepRunner(SweepPlan plan, SweepJob job)
    : m_plan(std::move(plan))
    , m_job(std::move(job))
    , m_source(m_job.source)
{}

std::int64_t SweepRunner::sampleChunkRows() const
{
    // The largest chunk of the grid, so every setting reads the same rows and even the
    // largest chunk gives the sample's N tasks.
    const std::int64_t largest = *std::max_element(m_plan.chunks.begin(), m_plan.chunks.end());
    if (!m_plan.chunkBytes) return largest;
    const RowIndex &index = m_job.source->index();
    const double bytesPerRow =
        index.rowCount > 0 ? double(index.byteSize()) / double(index.rowCount) : 1.0;
    return std::max<std::int64_t>(1, std::int64_t(std::ceil(double(largest) / bytesPerRow)));
}

bool SweepRunner::prepare(QString *error)
{
    if (!m_plan.validate(error)) return false;
    if (!m_job.makeAnalysis) {
        *error = Tuning::tr("the sweep has no analysis");
        return false;
    }
    m_source = m_job.source;
    m_sampleNote.clear();
    m_prepared = true;
    if (m_plan.sample.kind == SweepSample::Kind::All) return true;
    if (!m_job.source) {
        *error = Tuning::tr("a sample needs a dataset; this analysis reads none");
        return false;
    }
    const std::int64_t chunkRows = sampleChunkRows();
    const std::int64_t total = m_job.source->rowCount();
    std::vector<SampledSource::Segment> segments =
        SampledSource::plan(m_plan.sample, chunkRows, total);
    std::int64_t rows = 0;
    for (const auto &s : segments)
        rows += s.rowCount;
    if (rows >= total) {
        m_sampleNote = Tuning::tr("The sample %1 covers the whole dataset (%2 rows).")
                           .arg(m_plan.sample.name())
                           .arg(total);
        return true;
    }
    m_source = std::make_shared<SampledSource>(m_job.source, std::move(segments));
    const QString figures =
        Tuning::tr("%1 of %2 rows, %3").arg(rows).arg(total).arg(share(rows, total));
    m_sampleNote =
        m_plan.sample.kind == SweepSample::Kind::First
            ? Tuning::tr("Measured on a sample: the first %1 chunks of %2 rows (%3).")
                  .arg(m_plan.sample.chunks)
                  .arg(chunkRows)
                  .arg(figures)
            : Tuning::tr("Measured on a stratified sample: %1 chunks of %2 rows spread evenly "
                         "over the dataset (%3).")
                  .arg(m_plan.sample.chunks)
                  .arg(chunkRows)
                  .arg(figures);
    return true;
}

SweepResult SweepRunner::run(const SweepHooks &hooks)
{
    SweepResult result;
    if (!m_prepared && !prepare(&result.error)) {
        result.status = SweepResult::Status::Failed;
        return result;
    }
    result.sampleNote = m_sampleNote;
    result.memoryBudget = m_job.run.memoryBudget;
    result.datasetRows = m_source ? m_source->rowCount() : 0;
    const std::vector<SweepSetting> settings = m_plan.settings();
    SweepProgress progress;
    progress.cells = int(settings.size());
    progress.runsTotal = m_plan.runCount();
    QByteArray firstResult;
    auto cancelled = [&] { return hooks.cancel && hooks.cancel->load(); };

    for (const SweepSetting &setting : settings) {
        ++progress.cell;
        progress.setting = setting;
        std::vector<Measured> runs;
        for (int r = 0; r < m_plan.repeats && result.status == SweepResult::Status::Complete; ++r) {
            if (cancelled()) {
                result.status = SweepResult::Status::Cancelled;
                break;
            }
            QString error;
            JobSpec job;
            job.name = m_job.name;
            job.source = m_source;
            job.analysis = m_job.makeAnalysis(&error);
            if (!job.analysis) {
                result.status = SweepResult::Status::Failed;
                result.error = error;
                break;
            }
            job.partition = m_job.partition;
            if (setting.chunk > 0) {
                job.partition.size = setting.chunk;
                job.partition.unit =
                    setting.chunkBytes ? PartitionSpec::Unit::Bytes : PartitionSpec::Unit::Rows;
            }
            job.priority = m_job.priority;
            job.rejectPolicy = m_job.rejectPolicy;
            RunOptions options = m_job.run;
            options.workers = setting.workers;
            options.policy = setting.policy;

            Run run(options);
            run.addJob(std::move(job));
            QElapsedTimer clock;
            clock.start();
            run.start();
            bool stopRequested = false;
            while (!run.wait(hooks.pollMs)) {
                if (hooks.onPoll) hooks.onPoll(run);
                if (!stopRequested && cancelled()) {
                    stopRequested = true;
                    run.cancel();
                }
            }
            Measured m;
            m.wallMs = double(clock.nsecsElapsed()) / 1e6;
            const JobOutcome outcome = run.outcome(0);
            if (stopRequested || outcome.status == JobOutcome::Status::Cancelled) {
                result.status = SweepResult::Status::Cancelled;
                break;
            }
            if (outcome.status != JobOutcome::Status::Done) {
                result.status = SweepResult::Status::Failed;
                result.error = QStringLiteral("%1: %2").arg(setting.describe(), outcome.error);
                break;
            }
            m.records = run.records();
            m.rows = outcome.rows;
            m.bytes = run.summary().bytesDone;
            const QByteArray json = resultDocumentText(outcome.result.json, outcome.result,
                                                       QJsonDocument::Compact);
            if (firstResult.isEmpty())
                firstResult = json;
            else if (json != firstResult)
                result.resultsDiffer = true;
            runs.push_back(std::move(m));
            ++progress.runsDone;
            progress.wallMs = runs.back().wallMs;
            progress.cellDone = r + 1 == m_plan.repeats;
            if (progress.cellDone) {
                std::vector<double> walls;
                for (const Measured &x : runs)
                    walls.push_back(x.wallMs);
                progress.cellMedianMs = SweepResult::median(walls);
            }
            if (hooks.onRun) hooks.onRun(progress);
        }
        if (result.status != SweepResult::Status::Complete) result.stoppedAt = progress.cell;
        if (runs.empty()) break;
        SweepCell cell;
        cell.setting = setting;
        for (const Measured &x : runs)
            cell.wallMs.push_back(x.wallMs);
        const double med = SweepResult::median(cell.wallMs);
        const auto closest =
            std::min_element(runs.begin(), runs.end(), [&](const auto &a, const auto &b) {
                return std::abs(a.wallMs - med) < std::abs(b.wallMs - med);
            });
        cell.rows = closest->rows;
        cell.bytes = closest->bytes;
        cell.diag = RunDiagnostics::of(closest->records, setting.workers, m_job.run.memoryBudget);
        result.cells.append(cell);
        if (result.status != SweepResult::Status::Complete) break;
    }
    result.compute();
    return result;
}

} // namespace sf
