#include "exec/jobmerger.h"

#include <algorithm>

namespace sf {

JobMerger::JobMerger(const Analysis &analysis, QString path, RejectPolicy policy)
    : m_analysis(analysis), m_path(std::move(path)), m_policy(policy)
{
}

QString JobMerger::where(const RejectedRecord &r) const
{
    return m_path + QLatin1Char(':') + QString::number(r.line) + QStringLiteral(": ") + r.reason;
}

bool JobMerger::judgeRejects(const QList<RejectedRecord> &rejects, QString *error)
{
    if (rejects.isEmpty()) return true;
    const std::int64_t before = m_rejected;
    m_rejected += rejects.size();
    for (const auto &r : rejects) {
        if (m_rejects.size() >= kMaxKeptRejects) break;
        m_rejects.append(r);
    }
    switch (m_policy.mode) {
    case RejectPolicy::Mode::Skip: return true;
    case RejectPolicy::Mode::Fail:
        *error = where(rejects.front());
        return false;
    case RejectPolicy::Mode::Max:
        if (m_rejected > m_policy.maxRejects) {
            // Name the record that crossed the limit, in file order.
            const auto &r = rejects[qsizetype(m_policy.maxRejects - before)];
            *error = QStringLiteral("more than %1 rejected records; at ").arg(m_policy.maxRejects) + where(r);
            return false;
        }
        return true;
    }
    return true;
}

bool JobMerger::addIndexRejects(QList<RejectedRecord> rejects, QString *error)
{
    std::lock_guard lock(m_mutex);
    m_indexRejects = !rejects.isEmpty();
    if (!judgeRejects(rejects, error)) {
        m_failed = true;
        return false;
    }
    return true;
}

JobMerger::Deposit JobMerger::deposit(std::int64_t chunk, std::unique_ptr<Partial> partial,
                                      QList<RejectedRecord> rejects, std::int64_t rows,
                                      std::int64_t chunks)
{
    std::lock_guard lock(m_mutex);
    Deposit d;
    if (m_discarded || m_failed) {
        d.mergedChunks = m_next;
        return d;
    }
    if (chunk == m_next && m_pending.empty()) {
        // In-order completion (the common case): merge straight away, no map node.
        mergeOne(Pending{std::move(partial), std::move(rejects), rows, chunks}, &d);
        d.mergedChunks = m_next;
        return d;
    }
    m_pending[chunk] = Pending{std::move(partial), std::move(rejects), rows, chunks};
    for (auto it = m_pending.begin(); it != m_pending.end() && it->first == m_next;
         it = m_pending.erase(it)) {
        if (!mergeOne(std::move(it->second), &d)) {
            m_pending.clear();
            break;
        }
    }
    d.mergedChunks = m_next;
    return d;
}

bool JobMerger::tryMerge(const Analysis &analysis, std::unique_ptr<Partial> &acc, Partial &later,
                         QString *error)
{
    try {
        if (!acc) acc = analysis.createPartial();
        analysis.merge(*acc, later);
        return true;
    } catch (const std::exception &e) {
        *error = QString::fromUtf8(e.what());
    } catch (...) {
        *error = QStringLiteral("unknown exception");
    }
    return false;
}

bool JobMerger::mergeOne(Pending p, Deposit *d)
{
    if (!tryMerge(m_analysis, m_acc, *p.partial, &d->error)) d->failed = true;
    m_rows += p.rows;
    if (!d->failed && !judgeRejects(p.rejects, &d->error)) d->failed = true;
    m_next += p.chunks;
    if (d->failed) m_failed = true;
    return !d->failed;
}

void JobMerger::discard()
{
    std::lock_guard lock(m_mutex);
    m_discarded = true;
    m_pending.clear();
}

bool JobMerger::finalize(AnalysisResult *result, QString *error)
{
    std::lock_guard lock(m_mutex);
    if (m_indexRejects) {
        std::stable_sort(m_rejects.begin(), m_rejects.end(),
                         [](const RejectedRecord &a, const RejectedRecord &b) { return a.offset < b.offset; });
    }
    try {
        if (!m_acc) m_acc = m_analysis.createPartial();
        *result = m_analysis.finalize(*m_acc);
        return true;
    } catch (const std::exception &e) {
        *error = QString::fromUtf8(e.what());
    } catch (...) {
        *error = QStringLiteral("unknown exception");
    }
    return false;
}

std::int64_t JobMerger::rows() const
{
    std::lock_guard lock(m_mutex);
    return m_rows;
}

std::int64_t JobMerger::rejectedRows() const
{
    std::lock_guard lock(m_mutex);
    return m_rejected;
}

QList<RejectedRecord> JobMerger::rejects() const
{
    std::lock_guard lock(m_mutex);
    return m_rejects;
}

} // namespace sf
