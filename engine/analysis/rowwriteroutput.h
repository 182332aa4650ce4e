#pragma once
// Streams encoded row chunks, in order, into a QSaveFile: opened at the first write,
// committed at the end, discarded on cancel (or when dropped uncommitted), so a reader never
// sees a half-written file. Thread-safe: cancel() may come from another thread mid-write.
#include "analysis/rowwriter.h"
#include <QByteArray>
#include <QString>
#include <memory>
#include <mutex>
#include <vector>

class QSaveFile;

namespace sf {

class RowWriterOutput {
public:
    RowWriterOutput(const QString &path, const RowWriter &writer);
    ~RowWriterOutput();

    // Appends one chunk's encoded rows. False with `error` set when the file cannot be written.
    bool write(const QByteArray &rows, QString *error);
    // Writes the footer and commits (also for zero rows: an empty result is a valid file).
    bool commit(QString *error);
    void cancel();
    QString path() const { return m_path; }

    // Fails early (before any work) when `path` cannot be created: a directory, or a folder
    // that does not exist.
    static bool checkWritable(const QString &path, QString *error);

private:
    bool openLocked(QString *error);
    bool failLocked(const QString &reason, QString *error);

    std::mutex m_mutex;
    QString m_path;
    QByteArray m_header, m_footer, m_separator;
    std::unique_ptr<QSaveFile> m_file;
    bool m_wroteRow = false;
    bool m_done = false; // committed or cancelled
};

// The outputs of one analysis still open, so abandon() can discard them wherever they are.
class RowWriterOutputSet {
public:
    std::shared_ptr<RowWriterOutput> create(const QString &path, const RowWriter &writer);
    void cancelAll();

private:
    std::mutex m_mutex;
    std::vector<std::weak_ptr<RowWriterOutput>> m_outputs;
};

// The output side of a partial of filter/convert: the chunk's encoded rows and, in the
// accumulating partial, the open file. Merging writes rows as soon as their turn comes, so
// memory holds only chunks that finished out of order.
struct RowStream {
    RowBuffer pending;
    std::shared_ptr<RowWriterOutput> output;

    // Writes this stream's pending rows, then `later`'s (the next chunk), opening the file on
    // first use. Throws TaskError when the file cannot be written.
    void absorb(RowStream &later, const QString &path, const RowWriter &writer,
                RowWriterOutputSet &outputs);
    // Writes what is pending and commits. Throws TaskError on failure.
    void finish(const QString &path, const RowWriter &writer, RowWriterOutputSet &outputs);
};

} // namespace sf
