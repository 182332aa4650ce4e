// Rejected records: where each one is and why, with its raw bytes so nothing is lost.
#include "export/atomicwrite.h"
#include "export/csvwriter.h"
#include "export/exporters.h"

namespace sf {

bool exportRejectsCsv(const QList<RejectedRecord> &rejects, const QString &sourcePath,
                      const QString &path, QString *error) {
    CsvWriter csv;
    csv.row({QStringLiteral("file"), QStringLiteral("line"), QStringLiteral("column"),
             QStringLiteral("offset"), QStringLiteral("reason"), QStringLiteral("raw")});
    for (const RejectedRecord &r : rejects) {
        csv.field(sourcePath).field(r.line).field(r.column).field(r.offset).field(r.reason);
        // The raw bytes go out unchanged (not re-encoded), always quoted, so a reader gets
        // back exactly what the input held even when it is not valid UTF-8.
        csv.field(r.raw, true);
        csv.endRow();
    }
    return writeFileAtomically(path, csv.data(), error);
}

} // namespace sf
