#pragma once
// Rejected records: what was wrong, where, and the raw bytes, so none is lost silently.
#include <QByteArray>
#include <QList>
#include <QString>
#include <cstdint>
#include <utility>

namespace sf {

struct RejectedRecord {
    std::int64_t row = -1;   // record index (-1 when the record could not be delimited)
    std::int64_t line = 0;   // 1-based physical line
    std::int64_t column = 0; // 1-based byte column in that line where the problem is (0: n/a)
    std::int64_t offset = 0; // byte offset in the (decompressed) data
    QString reason;          // e.g. "expected 5 fields, found 7"
    QByteArray raw;          // raw bytes of the record (capped at 64 KiB)
};

// The raw bytes a reject keeps: the record's first 64 KiB (a 5 MB bad line stays reportable
// without a 5 MB copy per reject).
constexpr qsizetype kMaxRejectRawBytes = 64 * 1024;
inline QByteArray rejectRaw(const char *data, qsizetype size)
{
    return QByteArray(data, size < kMaxRejectRawBytes ? size : kMaxRejectRawBytes);
}

// What to do when a record is rejected.
struct RejectPolicy {
    enum class Mode {
        Skip,
        Fail,
        Max
    };
    Mode mode = Mode::Skip;
    std::int64_t maxRejects = 0; // for Max: abort once more than this many were rejected
};

// Collects the rejects of one task; the run merges sinks in chunk order.
class RejectSink {
public:
    void add(RejectedRecord r) { m_rejects.append(std::move(r)); }
    const QList<RejectedRecord> &rejects() const { return m_rejects; }
    QList<RejectedRecord> take() { return std::exchange(m_rejects, {}); }
    std::int64_t count() const { return m_rejects.size(); }

private:
    QList<RejectedRecord> m_rejects;
};

} // namespace sf
