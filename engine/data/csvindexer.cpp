#include "data/csvindexer.h"

#include "data/csvblockscanner.h"
#include "data/readahead.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <functional>
#include <new>
#include <optional>
#include <thread>
#include <vector>

namespace sf::csv {

namespace {

using scan::State;
using IndexScanner = scan::BlockScanner<scan::CheckpointSink>;
using SegmentScanner = scan::BlockScanner<scan::StartSink>;

constexpr std::int64_t kTickBytes = 8 << 20;       // progress and cancel checks, not per record
constexpr std::size_t kWindowBytes = 1 << 20;      // what the index scan of a file reads at once
constexpr std::size_t kMinSegmentBytes = 16 << 20; // a parallel scan's smallest segment
constexpr std::size_t kProbeBytes = 64 << 10;      // how far a segment start looks for an LF

bool cancelled(const OpenControl &control)
{
    return control.cancel && control.cancel->load(std::memory_order_relaxed);
}

RowIndex emptyIndex(const Dialect &dialect, std::int64_t total, std::int64_t stride)
{
    RowIndex idx;
    idx.stride = stride;
    idx.dataBegin = dialect.dataBegin;
    idx.dataEnd = total;
    idx.checkpoints.reserve(std::size_t(total / (64 * stride) + 1));
    return idx;
}

IndexScanner indexScanner(const Dialect &dialect, std::int64_t stride, RowIndex *idx)
{
    State start;
    start.line = dialect.dataLine;
    return IndexScanner(dialect, start, scan::CheckpointSink{idx, stride, 0});
}

// The index's end when the scan ended inside quotes: the rest of the data, from the record
// that opened them, is one rejected record. `start` holds that record's bytes from its start
// (at least up to its opening quote), `size` of them.
void rejectUnterminated(const State &s, const char *start, std::int64_t size, RowIndex *idx,
                        QList<RejectedRecord> *rejects)
{
    RejectedRecord r;
    const Location loc = locate(start, s.lastStartLine, start + (s.openQuote - s.lastStart));
    r.line = loc.line;
    r.column = loc.column;
    r.offset = s.lastStart;
    r.reason = QStringLiteral("unterminated quoted field (the rest of the file is one record)");
    r.raw = rejectRaw(start, qsizetype(size));
    rejects->append(r);
    if ((idx->rowCount - 1) % idx->stride == 0) idx->checkpoints.pop_back(); // it took one
    --idx->rowCount;
    idx->dataEnd = s.lastStart;
}

// How a range scan reports: its bytes done so far (read by the thread that reports progress)
// and, on that thread only, the report itself.
struct Progress {
    std::atomic<std::int64_t> done{0};
    std::function<void()> report; // empty on helper threads
};

// Scans [from, to) of `file` with `scanner`, in windows read by ReadAhead (one ahead on a helper
// thread when `ahead`); the range ends at `to`. False when cancelled (`error` untouched) or when
// the file cannot be read (`error` says why).
template <class Scanner>
bool scanRange(const MappedFile &file, Scanner &scanner, std::int64_t from, std::int64_t to,
               std::size_t window, bool ahead, const OpenControl &control, Progress *progress,
               QString *error)
{
    // The unscanned end of a window (under 65 bytes: the scanner takes whole blocks) goes into
    // the next one's headroom.
    ReadAhead reader(file, from, to, window, ahead);
    char carry[ReadAhead::kHeadroom];
    std::size_t rem = 0;
    std::int64_t nextTick = from + kTickBytes;
    for (;;) {
        ReadAhead::Window w;
        if (!reader.next(&w, error)) return false;
        char *start = w.data - rem;
        std::memcpy(start, carry, rem);
        const std::size_t have = rem + w.size;
        const std::int64_t offset = w.offset - std::int64_t(rem);
        const std::size_t used = scanner.window(start, have, offset, w.last);
        if (w.last) break;
        rem = have - used;
        std::memcpy(carry, start + used, rem);
        if (offset + std::int64_t(used) >= nextTick) {
            nextTick = offset + std::int64_t(used) + kTickBytes;
            progress->done.store(offset + std::int64_t(used) - from, std::memory_order_relaxed);
            if (progress->report) progress->report();
            if (cancelled(control)) return false; // also when the report asked for it
        }
    }
    progress->done.store(to - from, std::memory_order_relaxed);
    return true;
}

// Where the segments of a parallel scan of [begin, total) start: just after the first LF at or
// after each even split, so each begins at a line start. A segment guesses that this LF is
// outside quotes; the stitching checks it. Fewer segments (none: scan serially) for small
// files, or where no LF is near a split.
std::vector<std::int64_t> segmentStarts(const MappedFile &file, std::int64_t begin,
                                        std::int64_t total, int threads, std::size_t minSegment)
{
    std::vector<std::int64_t> starts;
    const std::int64_t span = total - begin;
    const std::int64_t count =
        std::min<std::int64_t>(threads, span / std::int64_t(std::max<std::size_t>(minSegment, 1)));
    std::vector<char> probe(kProbeBytes);
    QString ignored;
    for (std::int64_t k = 1; k < count; ++k) {
        const std::int64_t at = std::max(begin + span / count * k, starts.empty() ? begin : starts.back());
        const std::size_t n = std::size_t(std::min<std::int64_t>(std::int64_t(kProbeBytes), total - at));
        if (n == 0 || !file.read(at, n, probe.data(), &ignored)) break;
        const char *lf = static_cast<const char *>(std::memchr(probe.data(), '\n', n));
        if (!lf) continue;
        const std::int64_t start = at + (lf - probe.data()) + 1;
        if (start >= total) break;
        starts.push_back(start);
    }
    return starts;
}

// One segment of a parallel scan (not the first), scanned on its own thread from the guessed
// state State::atLineStart(): lines are counted from 0 and record numbers are unknown, so it
// keeps every start.
struct Segment {
    std::int64_t begin = 0;
    std::int64_t end = 0;
    std::optional<SegmentScanner> scanner;
    Progress progress;
    bool ok = false;
    QString error;
};

// Appends segment `seg`, scanned from its guessed start, to the index `head` built so far:
// its checkpoints, and its end state made absolute, so `head` goes on from the segment's end.
// Only when `head` is at the state the segment guessed (outside quotes after the LF before it).
void stitch(IndexScanner &head, Segment &seg, RowIndex *idx)
{
    const State base = head.state();
    const State &local = seg.scanner->state();
    const std::int64_t stride = idx->stride;
    seg.scanner->sink().forEach(seg.begin, base.line, (stride - base.rows % stride) % stride, stride,
                                [idx](std::int64_t offset, std::int64_t line) {
                                    idx->checkpoints.push_back({offset, line});
                                });
    State s = local;
    s.line += base.line;
    s.rows += base.rows;
    if (local.rows == 0) {
        s.lastStart = base.lastStart;
        s.lastStartLine = base.lastStartLine;
    } else {
        s.lastStartLine += base.line;
    }
    head.setState(s);
    head.sink().untilCheckpoint = (stride - s.rows % stride) % stride;
}

// rejectUnterminated for a scan of `file` that ended inside quotes: reads the record's bytes up
// to its opening quote and the start of the raw text shown.
bool rejectUnterminated(const MappedFile &file, const State &s, RowIndex *idx,
                        QList<RejectedRecord> *rejects, QString *error)
{
    const std::int64_t total = idx->dataEnd;
    const std::int64_t to =
        std::min(total, std::max(s.openQuote + 1, s.lastStart + std::int64_t(kMaxRejectRawBytes)));
    std::vector<char> bytes(std::size_t(to - s.lastStart));
    if (!file.read(s.lastStart, bytes.size(), bytes.data(), error)) return false;
    rejectUnterminated(s, bytes.data(), std::int64_t(bytes.size()), idx, rejects);
    return true;
}

} // namespace

bool buildIndex(std::string_view data, const Dialect &dialect, const OpenControl &control,
                RowIndex *index, QList<RejectedRecord> *rejects, std::int64_t stride)
{
    if (cancelled(control)) return false;
    const std::int64_t total = std::int64_t(data.size());
    RowIndex idx = emptyIndex(dialect, total, stride);
    IndexScanner scan = indexScanner(dialect, stride, &idx);
    std::int64_t pos = std::min(dialect.dataBegin, total);
    for (;;) {
        const std::int64_t n = std::min(total - pos, kTickBytes);
        const bool last = pos + n == total;
        pos += std::int64_t(scan.window(data.data() + pos, std::size_t(n), pos, last));
        if (last) break;
        if (cancelled(control)) return false;
        if (control.progress) control.progress(pos, total);
    }
    const State &end = scan.state();
    idx.rowCount = end.rows;
    if (end.inQuote)
        rejectUnterminated(end, data.data() + end.lastStart, total - end.lastStart, &idx, rejects);
    if (control.progress) control.progress(total, total);
    *index = std::move(idx);
    return true;
}

bool buildIndex(const MappedFile &file, const Dialect &dialect, const OpenControl &control,
                RowIndex *index, QList<RejectedRecord> *rejects, QString *error, std::int64_t stride,
                std::size_t windowBytes, std::size_t minSegmentBytes)
{
    if (cancelled(control)) return false;
    const std::int64_t total = std::int64_t(file.bytes().size());
    RowIndex idx = emptyIndex(dialect, total, stride);
    IndexScanner head = indexScanner(dialect, stride, &idx);
    const std::size_t window = std::max<std::size_t>(ReadAhead::kHeadroom,
                                                     windowBytes ? windowBytes : kWindowBytes);
    const std::int64_t begin = std::min(dialect.dataBegin, total);
    const std::vector<std::int64_t> starts =
        control.threads > 1
            ? segmentStarts(file, begin, total, control.threads,
                            minSegmentBytes ? minSegmentBytes : kMinSegmentBytes)
            : std::vector<std::int64_t>();

    // Segments 1.. on helper threads, segment 0 (the only one, serially) on this one, which
    // reports the progress of all of them.
    std::vector<Segment> segments(starts.size());
    Progress headProgress;
    headProgress.report = [&] {
        if (!control.progress) return;
        std::int64_t done = begin + headProgress.done.load(std::memory_order_relaxed);
        for (const Segment &s : segments) done += s.progress.done.load(std::memory_order_relaxed);
        control.progress(done, total);
    };
    std::vector<std::thread> helpers;
    helpers.reserve(segments.size());
    for (std::size_t k = 0; k < segments.size(); ++k) {
        Segment &seg = segments[k];
        seg.begin = starts[k];
        seg.end = k + 1 < starts.size() ? starts[k + 1] : total;
        helpers.emplace_back([&, window] {
            try {
                scan::StartSink sink;
                sink.prevOffset = seg.begin;
                sink.store = PageBuffer(std::size_t((seg.end - seg.begin) / 48 + 64));
                seg.scanner.emplace(dialect, State::atLineStart(), std::move(sink));
                seg.ok = scanRange(file, *seg.scanner, seg.begin, seg.end, window, false, control,
                                   &seg.progress, &seg.error);
            } catch (const std::bad_alloc &) {
                seg.error = QStringLiteral("out of memory while indexing");
            }
        });
    }
    const std::int64_t headEnd = starts.empty() ? total : starts.front();
    const bool ahead = starts.empty() && headEnd - begin > 2 * std::int64_t(window);
    bool ok = scanRange(file, head, begin, headEnd, window, ahead, control, &headProgress, error);
    for (std::thread &t : helpers)
        t.join();
    for (Segment &seg : segments) {
        if (!ok) break;
        if (!seg.ok) {
            if (!seg.error.isEmpty() && error) *error = seg.error;
            ok = false;
            break;
        }
        if (head.state().inQuote) {
            // The LF before the segment was inside a quoted field: the segment's guess was
            // wrong, and so were the ones after it. Go on from here serially.
            Progress rest;
            rest.report = [&] {
                if (control.progress)
                    control.progress(seg.begin + rest.done.load(std::memory_order_relaxed), total);
            };
            ok = scanRange(file, head, seg.begin, total, window,
                           total - seg.begin > 2 * std::int64_t(window), control, &rest, error);
            break;
        }
        stitch(head, seg, &idx);
        seg.scanner.reset();
    }
    if (!ok) return false;
    idx.rowCount = head.state().rows;
    if (head.state().inQuote && !rejectUnterminated(file, head.state(), &idx, rejects, error))
        return false;
    if (control.progress) control.progress(total, total);
    *index = std::move(idx);
    return true;
}

} // namespace sf::csv
