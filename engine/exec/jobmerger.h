#pragma once
// Folds one job's finished chunks into its accumulator strictly in chunk order, so the answer
// never depends on chunk size, worker count or policy. Out-of-order partials wait here; the
// worker that completes the next chunk in order merges every ready one. Also applies the
// job's reject policy in file order and finalizes.
#include "analysis/analysis.h"
#include "data/rejects.h"
#include <QString>
#include <map>
#include <memory>
#include <mutex>

namespace sf {

class JobMerger {
public:
    static constexpr qsizetype kMaxKeptRejects = 100000;

    JobMerger(const Analysis &analysis, QString path, RejectPolicy policy);

    // Rejects found while indexing, before any chunk: counted and judged first.
    // Returns false with `error` when the policy fails the job on them.
    bool addIndexRejects(QList<RejectedRecord> rejects, QString *error);

    struct Deposit {
        bool failed = false;
        QString error;
        std::int64_t mergedChunks = 0; // chunks merged so far (a prefix 0..n-1)
    };
    // `partial` covers chunks [chunk, chunk + chunks): a lane may merge consecutive chunks of a
    // batch itself and deposit them as one.
    Deposit deposit(std::int64_t chunk, std::unique_ptr<Partial> partial, QList<RejectedRecord> rejects,
                    std::int64_t rows, std::int64_t chunks = 1);
    // Folds `later` into `acc` (created first when null), catching what the analysis throws:
    // false with `error` then. The one place a merge's exceptions become a job's error.
    static bool tryMerge(const Analysis &analysis, std::unique_ptr<Partial> &acc, Partial &later,
                         QString *error);
    // The job stopped (failed or cancelled): pending partials are dropped, later deposits ignored.
    void discard();
    // Builds the result from everything merged; false with `error` when finalize threw.
    bool finalize(AnalysisResult *result, QString *error);

    std::int64_t rows() const;
    std::int64_t rejectedRows() const;
    QList<RejectedRecord> rejects() const; // in file order, capped at kMaxKeptRejects

private:
    struct Pending {
        std::unique_ptr<Partial> partial;
        QList<RejectedRecord> rejects;
        std::int64_t rows = 0;
        std::int64_t chunks = 1;
    };
    bool mergeOne(Pending p, Deposit *d); // caller holds m_mutex; false when the job failed
    bool judgeRejects(const QList<RejectedRecord> &rejects, QString *error); // caller holds m_mutex
    QString where(const RejectedRecord &r) const;

    const Analysis &m_analysis;
    const QString m_path;
    const RejectPolicy m_policy;
    mutable std::mutex m_mutex;
    std::unique_ptr<Partial> m_acc;
    std::map<std::int64_t, Pending> m_pending;
    std::int64_t m_next = 0;
    std::int64_t m_rows = 0;
    std::int64_t m_rejected = 0;
    QList<RejectedRecord> m_rejects;
    bool m_discarded = false;
    bool m_failed = false;
    bool m_indexRejects = false;
};

} // namespace sf
