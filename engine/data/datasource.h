#pragma once
// An opened, indexed dataset. Immutable after open(); reader() is thread-safe, so many tasks
// read chunks of one source at once.
#include "data/recordreader.h"
#include "data/rejects.h"
#include "data/rowindex.h"
#include "data/schema.h"
#include "data/sourceoptions.h"
#include <QString>
#include <atomic>
#include <functional>
#include <memory>

namespace sf {

// Progress and cancellation for opening (indexing) a dataset, which may take seconds.
struct OpenControl {
    std::function<void(std::int64_t bytesDone, std::int64_t bytesTotal)> progress; // may be empty
    const std::atomic<bool> *cancel = nullptr; // set to stop; open() then fails with "cancelled"
    int threads = 1; // threads the open may keep busy (a large CSV's index scan splits across them)
};

// What `inspect` and the Dataset page show about the detected dialect.
struct SourceInfo {
    SourceFormat format = SourceFormat::Csv;
    QString compression;     // "", "gzip", "zstd"
    char delimiter = ',';
    char quote = '"';
    bool header = true;
    bool bom = false;
    QString lineEnding;      // "LF", "CRLF", "CR", "mixed"
    QString encoding = QStringLiteral("UTF-8");
};

class DataSource {
public:
    virtual ~DataSource() = default;

    virtual QString path() const = 0;
    virtual SourceInfo info() const = 0;
    virtual const Schema &schema() const = 0;
    virtual const RowIndex &index() const = 0;
    // Records the index scan itself had to reject (e.g. an unterminated quote at EOF).
    virtual QList<RejectedRecord> indexRejects() const { return {}; }

    std::int64_t rowCount() const { return index().rowCount; }
    std::int64_t byteSize() const { return index().byteSize(); }

    // A reader over `range`; rejects go to `sink`. Thread-safe.
    virtual std::unique_ptr<RecordReader> reader(const ChunkRange &range, RejectSink &sink) const = 0;
};

// Opens `path`: detects compression and format (by magic bytes, then name), sniffs the
// dialect, builds the index, infers the schema. On failure returns null and sets `error` to
// a message naming the file and, where it applies, line and column.
std::unique_ptr<DataSource> openDataSource(const QString &path, const SourceOptions &options,
                                           const OpenControl &control, QString *error);

} // namespace sf
