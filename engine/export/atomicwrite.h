#pragma once
// Every output file goes through here: written to a QSaveFile and committed only when complete.
#include <QByteArray>
#include <QString>
#include <functional>

class QIODevice;

namespace sf {

bool writeFileAtomically(const QString &path, const QByteArray &data, QString *error);
// Streams through `writer` (which returns false to abort) into a QSaveFile.
bool writeFileAtomically(const QString &path, const std::function<bool(QIODevice &)> &writer,
                         QString *error);
// For such writers: writes `buffer` to `device` and empties it once it holds a megabyte (or
// always, `force`), so memory holds one slice of a large file, not the file; false when the
// device fails.
bool writeSlice(QIODevice &device, QByteArray &buffer, bool force = false);

} // namespace sf
