#include "core/columntype.h"

namespace sf {

QString columnTypeName(ColumnType t)
{
    switch (t) {
    case ColumnType::Int64: return QStringLiteral("int64");
    case ColumnType::Double: return QStringLiteral("double");
    case ColumnType::Bool: return QStringLiteral("bool");
    case ColumnType::DateTime: return QStringLiteral("datetime");
    case ColumnType::String: break;
    }
    return QStringLiteral("string");
}

bool columnTypeFromName(const QString &name, ColumnType *out)
{
    for (auto t : {ColumnType::Int64, ColumnType::Double, ColumnType::Bool, ColumnType::DateTime,
                   ColumnType::String}) {
        if (columnTypeName(t) == name) {
            *out = t;
            return true;
        }
    }
    return false;
}

} // namespace sf
