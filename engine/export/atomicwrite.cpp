#include "export/atomicwrite.h"
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace sf {

namespace {

void setError(QString *error, const QString &message) {
    if (error) *error = message;
}

} // namespace

bool writeFileAtomically(const QString &path, const std::function<bool(QIODevice &)> &writer,
                         QString *error) {
    if (path.isEmpty()) {
        setError(error, QStringLiteral("cannot write file: no path given"));
        return false;
    }
    const QString shown = QDir::toNativeSeparators(path);
    // QSaveFile would otherwise fail with a terse "Is a directory" from the temporary-file step.
    if (QFileInfo(path).isDir()) {
        setError(error, QStringLiteral("cannot write %1: it is a directory").arg(shown));
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        setError(error, QStringLiteral("cannot write %1: %2").arg(shown, file.errorString()));
        return false;
    }
    if (!writer(file)) {
        // The writer gives up (its own reason) or the device failed under it (disk full).
        const QString reason =
            file.error() != QFileDevice::NoError ? file.errorString() : QStringLiteral("aborted");
        file.cancelWriting();
        setError(error, QStringLiteral("cannot write %1: %2").arg(shown, reason));
        return false;
    }
    if (file.error() != QFileDevice::NoError) {
        const QString reason = file.errorString();
        file.cancelWriting();
        setError(error, QStringLiteral("cannot write %1: %2").arg(shown, reason));
        return false;
    }
    if (!file.commit()) {
        setError(error, QStringLiteral("cannot write %1: %2").arg(shown, file.errorString()));
        return false;
    }
    return true;
}

bool writeSlice(QIODevice &device, QByteArray &buffer, bool force) {
    if (!force && buffer.size() < (1 << 20)) return true;
    const bool ok = device.write(buffer) == buffer.size();
    buffer.clear();
    return ok;
}

bool writeFileAtomically(const QString &path, const QByteArray &data, QString *error) {
    return writeFileAtomically(
        path, [&data](QIODevice &device) { return device.write(data) == data.size(); }, error);
}

} // namespace sf
