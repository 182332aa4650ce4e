#include "analysis/syntheticanalysis.h"
#include "core/exactsum.h"
#include "core/hash.h"
#include <QJsonObject>
#include <chrono>
#include <cmath>
#include <numbers>
#include <random>
#include <thread>

namespace sf {

namespace {

struct SyntheticPartial : Partial {
    std::vector<std::pair<std::int64_t, double>> tasks; // task index, planned ms
};

// [0, 1) with 53 random bits.
double unit(std::mt19937_64 &rng)
{
    return double(rng() >> 11) * 0x1.0p-53;
}

constexpr double kHeavyTailCap = 1000.0;

} // namespace

SyntheticAnalysis::SyntheticAnalysis(const AnalysisOptions &options)
    : m_options(options.synthetic)
{}

QStringList SyntheticAnalysis::distributionNames()
{
    return {QStringLiteral("constant"),  QStringLiteral("uniform"), QStringLiteral("exponential"),
            QStringLiteral("lognormal"), QStringLiteral("bimodal"), QStringLiteral("heavytail")};
}

bool SyntheticAnalysis::validate(const AnalysisOptions &options, QString *error)
{
    const SyntheticOptions &s = options.synthetic;
    if (s.tasks < 1) {
        *error = QStringLiteral("synthetic: --tasks must be at least 1, not %1").arg(s.tasks);
        return false;
    }
    if (!distributionNames().contains(s.duration)) {
        *error = QStringLiteral("synthetic: unknown duration distribution '%1' (expected %2)")
                     .arg(s.duration, distributionNames().join(QStringLiteral(", ")));
        return false;
    }
    if (!(s.meanMs >= 0) || !std::isfinite(s.meanMs)) {
        *error = QStringLiteral("synthetic: the mean duration must be 0 ms or more");
        return false;
    }
    if (!(s.failRate >= 0 && s.failRate <= 1)) {
        *error = QStringLiteral("synthetic: the failure rate must be between 0 and 1, not %1")
                     .arg(s.failRate);
        return false;
    }
    if (s.memoryPerTask < 0) {
        *error = QStringLiteral("synthetic: the memory per task cannot be negative");
        return false;
    }
    return true;
}

std::vector<double> SyntheticAnalysis::plannedDurationsMs(const SyntheticOptions &o)
{
    std::mt19937_64 rng(o.seed);
    std::vector<double> out;
    out.reserve(std::size_t(std::max<std::int64_t>(o.tasks, 0)));
    const double mean = o.meanMs;
    const QString &d = o.duration;
    for (std::int64_t i = 0; i < o.tasks; ++i) {
        double ms = mean;
        if (d == QLatin1String("uniform")) {
            ms = mean * (0.5 + unit(rng));
        } else if (d == QLatin1String("exponential")) {
            ms = -mean * std::log1p(-unit(rng));
        } else if (d == QLatin1String("lognormal")) {
            // Box–Muller; mean of exp(mu + z) is exp(mu + 1/2) for sigma = 1.
            const double u1 = unit(rng);
            const double u2 = unit(rng);
            const double z =
                std::sqrt(-2.0 * std::log1p(-u1)) * std::cos(2.0 * std::numbers::pi * u2);
            ms = mean > 0 ? std::exp(std::log(mean) - 0.5 + z) : 0.0;
        } else if (d == QLatin1String("bimodal")) {
            ms = unit(rng) < 0.9 ? 0.5 * mean : 5.5 * mean;
        } else if (d == QLatin1String("heavytail")) {
            // Pareto with alpha 1.5 has mean 3·x_m.
            const double xm = mean / 3.0;
            ms = std::min(xm * std::pow(1.0 - unit(rng), -1.0 / 1.5), kHeavyTailCap * mean);
        }
        out.push_back(ms);
    }
    return out;
}

bool SyntheticAnalysis::attemptFails(const SyntheticOptions &o, std::int64_t task, int attempt)
{
    if (o.failRate <= 0) return false;
    std::uint64_t h = hashU64(o.seed ^ 0x5f3759df5f3759dfULL);
    h = hashU64(h ^ std::uint64_t(task));
    h = hashU64(h ^ std::uint64_t(attempt));
    return double(h >> 11) * 0x1.0p-53 < o.failRate;
}

bool SyntheticAnalysis::prepare(const Schema &, QString *error)
{
    AnalysisOptions options;
    options.synthetic = m_options;
    if (!validate(options, error)) return false;
    m_durationsMs = plannedDurationsMs(m_options);
    return true;
}

std::vector<PlannedTask> SyntheticAnalysis::plannedTasks() const
{
    std::vector<PlannedTask> out;
    out.reserve(m_durationsMs.size());
    for (double ms : m_durationsMs)
        out.push_back(PlannedTask{ms * 1e6, m_options.memoryPerTask, 0});
    return out;
}

std::unique_ptr<Partial> SyntheticAnalysis::createPartial() const
{
    return std::make_unique<SyntheticPartial>();
}

void SyntheticAnalysis::process(Partial &partial, TaskInput &input) const
{
    using Clock = std::chrono::steady_clock;
    const std::int64_t index = input.task.chunk;
    if (index < 0 || index >= std::int64_t(m_durationsMs.size()))
        throw TaskError("synthetic: task " + std::to_string(index) + " is not in the plan");
    const double plannedMs = m_durationsMs[std::size_t(index)];
    const bool fails = attemptFails(m_options, index, input.context.attempt());
    // A failing attempt wastes half its time first, as a real failure would.
    const auto work = std::chrono::duration<double, std::milli>(fails ? plannedMs / 2 : plannedMs);

    // Hold the memory demand for the whole task, touching each page so it is really resident.
    std::vector<char> memory(std::size_t(m_options.memoryPerTask));
    for (std::size_t i = 0; i < memory.size(); i += 4096)
        memory[i] = char(i);

    const auto start = Clock::now();
    const auto end = start + std::chrono::duration_cast<Clock::duration>(work);
    volatile double sink = 0;
    while (Clock::now() < end) {
        const auto sliceEnd = std::min(end, Clock::now() + std::chrono::milliseconds(1));
        if (m_options.cpuBound) {
            double x = 1.0;
            while (Clock::now() < sliceEnd)
                for (int k = 0; k < 64; ++k)
                    x = x * 1.0000001 + 1e-9;
            sink = sink + x;
        } else {
            std::this_thread::sleep_until(sliceEnd);
        }
        if (!input.context.checkpoint(0, 0)) return;
    }
    if (fails)
        throw TaskError("synthetic failure of task " + std::to_string(index) + " (attempt " +
                        std::to_string(input.context.attempt()) + ")");
    input.context.checkpoint(1, 0);
    static_cast<SyntheticPartial &>(partial).tasks.emplace_back(index, plannedMs);
}

void SyntheticAnalysis::merge(Partial &acc, Partial &later) const
{
    auto &a = static_cast<SyntheticPartial &>(acc);
    auto &b = static_cast<SyntheticPartial &>(later);
    a.tasks.insert(a.tasks.end(), b.tasks.begin(), b.tasks.end());
    b.tasks.clear();
}

AnalysisResult SyntheticAnalysis::finalize(Partial &merged) const
{
    auto &p = static_cast<SyntheticPartial &>(merged);
    ExactSum total;
    AnalysisResult result;
    result.table.columns = {QStringLiteral("task"), QStringLiteral("planned_ms")};
    for (const auto &[index, ms] : p.tasks) {
        total.add(ms);
        result.table.appendRow({qlonglong(index), ms});
    }
    const auto n = qint64(p.tasks.size());
    result.json.insert(QStringLiteral("tasks"), n);
    result.json.insert(QStringLiteral("planned_ms_total"), total.value());
    result.json.insert(QStringLiteral("distribution"), m_options.duration);
    result.json.insert(QStringLiteral("mean_ms"), n ? total.value() / double(n) : 0.0);
    if (m_options.seed <= std::uint64_t(INT64_MAX))
        result.json.insert(QStringLiteral("seed"), qint64(m_options.seed));
    else
        result.json.insert(QStringLiteral("seed"), QString::number(m_options.seed));
    return result;
}

} // namespace sf
