// Conformance against public corpora in SF_CORPORA_DIR/csv: the W3C CSVW tests that need no
// metadata (row values of testNNN.csv against testNNN.json) and the PapaParse core parser cases
// whose config this reader supports. Skips when the corpora are absent; prints the pass counts.
//
// Documented differences, applied to the expectations rather than hidden: blank lines are not
// records here (pandas' skip_blank_lines), so PapaParse's [""] rows are dropped; records whose
// field count differs from the file's are rejected here rather than returned.
#include "tst_csvsupport.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace sf;
using namespace sf::test;

class TestCsvCorpora : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    const QString m_root = QStringLiteral(SF_CORPORA_DIR "/csv");

private slots:
    void csvw()
    {
        const QDir dir(m_root + QStringLiteral("/csvw"));
        if (!dir.exists()) QSKIP("no CSVW corpus");
        int cases = 0, passed = 0;
        for (const QString &csvName : dir.entryList({QStringLiteral("test*.csv")}, QDir::Files, QDir::Name)) {
            QFile json(dir.filePath(csvName.chopped(4) + QStringLiteral(".json")));
            if (!json.open(QIODevice::ReadOnly)) continue;
            ++cases;
            const QJsonArray rows = QJsonDocument::fromJson(json.readAll())
                                        .object()[QStringLiteral("tables")].toArray()[0]
                                        .toObject()[QStringLiteral("row")].toArray();
            SourceOptions o;
            o.header = SourceOptions::Header::Yes;
            o.allStrings = true;
            QString error;
            auto src = openDataSource(dir.filePath(csvName), o, {}, &error);
            if (!src) {
                qWarning("%s: %s", qPrintable(csvName), qPrintable(error));
                continue;
            }
            const ReadBack got = readAll(*src);
            bool ok = got.rejects.isEmpty() && got.rows.size() == rows.size();
            for (int r = 0; ok && r < rows.size(); ++r) {
                const QJsonObject row = rows[r].toObject();
                ok = row[QStringLiteral("rownum")].toInt() == got.rowNumbers[r] + 1;
                const QJsonObject values = row[QStringLiteral("describes")].toArray()[0].toObject();
                for (int c = 0; ok && c < src->schema().size(); ++c) {
                    const QString name = src->schema().columns[c].name;
                    // CSVW leaves empty cells out of the row description.
                    const QString want = values[name].toString();
                    ok = QString::fromUtf8(got.rows[r][c]) == want;
                    if (!ok) qWarning("%s row %d column %s: '%s' != '%s'", qPrintable(csvName), r,
                                      qPrintable(name), got.rows[r][c].constData(), qPrintable(want));
                }
            }
            passed += ok;
        }
        qInfo("CSVW: %d of %d cases pass", passed, cases);
        QVERIFY(cases > 0);
        QCOMPARE(passed, cases);
    }
    void papaparse()
    {
        QFile file(m_root + QStringLiteral("/papaparse/core_parser_tests.json"));
        if (!file.open(QIODevice::ReadOnly)) QSKIP("no PapaParse corpus");
        const QJsonArray cases = QJsonDocument::fromJson(file.readAll()).array();
        int supported = 0, passed = 0;
        QStringList failures;
        for (const QJsonValue &v : cases) {
            const QJsonObject t = v.toObject();
            const QJsonObject config = t[QStringLiteral("config")].toObject();
            SourceOptions o;
            o.header = SourceOptions::Header::No;
            o.allStrings = true;
            bool usable = true;
            for (const QString &key : config.keys()) {
                if (key == QLatin1String("delimiter")) {
                    const QByteArray d = config[key].toString().toUtf8();
                    usable = usable && d.size() == 1;
                    if (d.size() == 1) o.delimiter = d[0];
                } else if (key == QLatin1String("newline")) {
                    // Every line end is recognised; the hint changes nothing.
                } else {
                    usable = false; // comments, fastMode, preview, header: not features here
                }
            }
            if (!usable) continue;
            ++supported;
            const QJsonObject expected = t[QStringLiteral("expected")].toObject();
            const bool malformed = !expected[QStringLiteral("errors")].toArray().isEmpty();
            QList<QList<QByteArray>> want;
            for (const QJsonValue &row : expected[QStringLiteral("data")].toArray()) {
                QList<QByteArray> fields;
                for (const QJsonValue &f : row.toArray())
                    fields.append(f.toString().toUtf8());
                if (fields != QList<QByteArray>{QByteArray()}) want.append(fields);
            }
            QString error;
            auto src = openBytes(m_dir, t[QStringLiteral("input")].toString().toUtf8(), o, &error);
            bool ok = false;
            if (!src) {
                ok = want.isEmpty() && error.endsWith(QStringLiteral("file is empty"));
            } else {
                const ReadBack got = readAll(*src);
                const int rejected = int(got.rejects.size() + src->indexRejects().size());
                if (malformed) {
                    ok = rejected > 0;
                } else {
                    const int width = src->schema().size();
                    QList<QList<QByteArray>> regular;
                    for (const auto &row : want)
                        if (row.size() == width) regular.append(row);
                    ok = got.rows == regular && rejected == want.size() - regular.size();
                }
            }
            passed += ok;
            if (!ok) failures << QString::number(t[QStringLiteral("index")].toInt()) + QLatin1Char(' ')
                                     + t[QStringLiteral("description")].toString();
        }
        qInfo("PapaParse core: %d of %d supported cases pass (%d cases in all)", passed, supported,
              int(cases.size()));
        for (const QString &f : failures)
            qWarning("failed: %s", qPrintable(f));
        QVERIFY(supported > 40);
        QCOMPARE(passed, supported);
    }
};

QTEST_GUILESS_MAIN(TestCsvCorpora)
#include "tst_csv_corpora.moc"
