#include "analysis/rowwriteroutput.h"
#include "exec/taskcontext.h"
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace sf {

RowWriterOutput::RowWriterOutput(const QString &path, const RowWriter &writer)
    : m_path(path)
    , m_header(writer.header())
    , m_footer(writer.footer())
    , m_separator(writer.separator())
{}

RowWriterOutput::~RowWriterOutput()
{
    cancel();
}

bool RowWriterOutput::checkWritable(const QString &path, QString *error)
{
    const QString shown = QDir::toNativeSeparators(path);
    const QFileInfo info(path);
    if (info.isDir()) {
        if (error) *error = QStringLiteral("cannot write %1: it is a directory").arg(shown);
        return false;
    }
    const QFileInfo dir(info.absolutePath());
    if (!dir.isDir()) {
        if (error)
            *error = QStringLiteral("cannot write %1: folder %2 does not exist")
                         .arg(shown, QDir::toNativeSeparators(dir.filePath()));
        return false;
    }
    if (!dir.isWritable()) {
        if (error)
            *error = QStringLiteral("cannot write %1: folder %2 is not writable")
                         .arg(shown, QDir::toNativeSeparators(dir.filePath()));
        return false;
    }
    return true;
}

bool RowWriterOutput::failLocked(const QString &reason, QString *error)
{
    if (error)
        *error =
            QStringLiteral("cannot write %1: %2").arg(QDir::toNativeSeparators(m_path), reason);
    if (m_file) m_file->cancelWriting();
    m_file.reset();
    m_done = true;
    return false;
}

bool RowWriterOutput::openLocked(QString *error)
{
    if (m_file) return true;
    if (m_done) return failLocked(QStringLiteral("the output was discarded"), error);
    m_file = std::make_unique<QSaveFile>(m_path);
    if (!m_file->open(QIODevice::WriteOnly)) return failLocked(m_file->errorString(), error);
    if (m_file->write(m_header) != m_header.size()) return failLocked(m_file->errorString(), error);
    return true;
}

bool RowWriterOutput::write(const QByteArray &rows, QString *error)
{
    std::lock_guard lock(m_mutex);
    if (!openLocked(error)) return false;
    if (rows.isEmpty()) return true;
    QByteArrayView bytes(rows);
    if (!m_wroteRow && !m_separator.isEmpty() && bytes.startsWith(m_separator))
        bytes = bytes.sliced(m_separator.size());
    m_wroteRow = true;
    if (m_file->write(bytes.data(), bytes.size()) != bytes.size())
        return failLocked(m_file->errorString(), error);
    return true;
}

bool RowWriterOutput::commit(QString *error)
{
    std::lock_guard lock(m_mutex);
    if (!openLocked(error)) return false;
    if (m_file->write(m_footer) != m_footer.size()) return failLocked(m_file->errorString(), error);
    if (!m_file->commit()) return failLocked(m_file->errorString(), error);
    m_file.reset();
    m_done = true;
    return true;
}

void RowWriterOutput::cancel()
{
    std::lock_guard lock(m_mutex);
    if (m_file) m_file->cancelWriting();
    m_file.reset();
    m_done = true;
}

std::shared_ptr<RowWriterOutput> RowWriterOutputSet::create(const QString &path,
                                                            const RowWriter &writer)
{
    auto output = std::make_shared<RowWriterOutput>(path, writer);
    std::lock_guard lock(m_mutex);
    std::erase_if(m_outputs, [](const auto &w) { return w.expired(); });
    m_outputs.push_back(output);
    return output;
}

void RowWriterOutputSet::cancelAll()
{
    std::vector<std::shared_ptr<RowWriterOutput>> live;
    {
        std::lock_guard lock(m_mutex);
        for (const auto &w : m_outputs)
            if (auto p = w.lock()) live.push_back(std::move(p));
        m_outputs.clear();
    }
    for (const auto &p : live)
        p->cancel();
}

namespace {

[[noreturn]] void throwError(const QString &message)
{
    throw TaskError(message.toStdString());
}

} // namespace

void RowStream::absorb(RowStream &later, const QString &path, const RowWriter &writer,
                       RowWriterOutputSet &outputs)
{
    if (!output) output = outputs.create(path, writer);
    QString error;
    if (!output->write(pending.take(), &error)) throwError(error);
    if (!output->write(later.pending.take(), &error)) throwError(error);
    pending.rows += later.pending.rows;
    later.pending.rows = 0;
}

void RowStream::finish(const QString &path, const RowWriter &writer, RowWriterOutputSet &outputs)
{
    if (!output) output = outputs.create(path, writer);
    QString error;
    if (!output->write(pending.take(), &error) || !output->commit(&error)) throwError(error);
}

} // namespace sf
