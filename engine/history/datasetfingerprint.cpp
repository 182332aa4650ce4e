#include "history/datasetfingerprint.h"
#include "core/hash.h"
#include <QFile>
#include <QFileInfo>

namespace sf {

QString DatasetFingerprint::hashHex() const
{
    return QStringLiteral("%1").arg(headHash, 16, 16, QLatin1Char('0'));
}

DatasetFingerprint DatasetFingerprint::of(const QString &path)
{
    DatasetFingerprint f;
    if (path.isEmpty()) return f;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return f;
    const QByteArray head = file.read(kHeadBytes);
    const QFileInfo info(file);
    f.size = file.size();
    f.mtimeMs = info.lastModified().toMSecsSinceEpoch();
    f.headHash = hashBytes(std::string_view(head.constData(), std::size_t(head.size())));
    return f;
}

} // namespace sf
