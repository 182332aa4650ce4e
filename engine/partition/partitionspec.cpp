#include "partition/partitionspec.h"

#include <QLocale>
#include <cmath>
#include <limits>

namespace sf {

QString partitionStrategyName(PartitionSpec::Strategy s)
{
    switch (s) {
    case PartitionSpec::Strategy::Fixed: return QStringLiteral("fixed");
    case PartitionSpec::Strategy::Guided: return QStringLiteral("guided");
    case PartitionSpec::Strategy::Auto: return QStringLiteral("auto");
    }
    return QStringLiteral("fixed");
}

bool partitionStrategyFromName(const QString &name, PartitionSpec::Strategy *out)
{
    const QString n = name.trimmed().toLower();
    for (auto s : {PartitionSpec::Strategy::Fixed, PartitionSpec::Strategy::Guided,
                   PartitionSpec::Strategy::Auto}) {
        if (n == partitionStrategyName(s)) {
            *out = s;
            return true;
        }
    }
    return false;
}

bool parseByteSize(const QString &text, std::int64_t *out)
{
    const QString t = text.trimmed();
    qsizetype i = 0;
    while (i < t.size() && (t[i].isDigit() || t[i] == QLatin1Char('.'))) ++i;
    if (i == 0) return false;
    bool ok = false;
    const double number = t.left(i).toDouble(&ok);
    if (!ok || !std::isfinite(number) || number < 0) return false;
    const QString unit = t.mid(i).trimmed().toLower();
    // Decimal units (kB, MB, GB) follow SI, binary ones (KiB, MiB) IEC; a bare "k"/"m"/"g" is
    // taken as binary because that is what people mean when sizing chunks.
    double factor = 0;
    if (unit.isEmpty() || unit == QLatin1String("b")) factor = 1;
    else if (unit == QLatin1String("k") || unit == QLatin1String("kib")) factor = 1024.0;
    else if (unit == QLatin1String("kb")) factor = 1e3;
    else if (unit == QLatin1String("m") || unit == QLatin1String("mib")) factor = 1024.0 * 1024;
    else if (unit == QLatin1String("mb")) factor = 1e6;
    else if (unit == QLatin1String("g") || unit == QLatin1String("gib")) factor = 1024.0 * 1024 * 1024;
    else if (unit == QLatin1String("gb")) factor = 1e9;
    else if (unit == QLatin1String("t") || unit == QLatin1String("tib")) factor = 1024.0 * 1024 * 1024 * 1024;
    else if (unit == QLatin1String("tb")) factor = 1e12;
    else return false;
    const double bytes = std::round(number * factor);
    if (bytes >= double(std::numeric_limits<std::int64_t>::max())) return false;
    *out = std::int64_t(bytes);
    return true;
}

QString formatByteSize(std::int64_t bytes)
{
    static const char *const units[] = {"kB", "MB", "GB", "TB", "PB"};
    if (bytes < 0) return QStringLiteral("-") + formatByteSize(-bytes);
    if (bytes < 1000) return QString::number(bytes) + QStringLiteral(" B");
    double v = double(bytes);
    int u = -1;
    while (v >= 1000 && u < 4) {
        v /= 1000;
        ++u;
    }
    const int decimals = v < 100 ? 1 : 0;
    return QString::number(v, 'f', decimals) + QLatin1Char(' ') + QLatin1String(units[u]);
}

} // namespace sf
