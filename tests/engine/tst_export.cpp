// Exporters: every file parses back, traces have the Chrome structure, failures leave nothing.
#include "csvtext.h"
#include "export/atomicwrite.h"
#include "export/csvwriter.h"
#include "export/exporters.h"
#include "export/jsontext.h"
#include "export/resultdocument.h"
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <set>
#include <unistd.h>

using namespace sf;
using sf::test::CsvRows;

namespace {

QByteArray readAll(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

TaskRecord record(std::int64_t attemptId, std::int64_t chunk, int worker, TaskState state,
                  std::int64_t startedNs, std::int64_t finishedNs) {
    TaskRecord r;
    r.attemptId = attemptId;
    r.taskId = chunk;
    r.chunk = chunk;
    r.firstRow = chunk * 100;
    r.rowCount = 100;
    r.byteBegin = chunk * 4000;
    r.byteEnd = chunk * 4000 + 3990;
    r.worker = worker;
    r.state = state;
    r.queuedNs = 1000;
    r.startedNs = startedNs;
    r.finishedNs = finishedNs;
    return r;
}

// Checks the structure trace viewers rely on (as the catapult test traces show): an array of
// event objects, or an object holding one under "traceEvents"; every event has a one-letter
// "ph", a "pid", and apart from metadata a numeric "ts"; "X" events have a numeric "dur";
// args, where present, is an object. Returns the events, or an error.
QString validateTrace(const QJsonDocument &doc, QJsonArray *eventsOut) {
    QJsonArray events;
    if (doc.isArray()) {
        events = doc.array();
    } else if (doc.isObject() && doc.object().value(QStringLiteral("traceEvents")).isArray()) {
        events = doc.object().value(QStringLiteral("traceEvents")).toArray();
        const QJsonValue unit = doc.object().value(QStringLiteral("displayTimeUnit"));
        if (!unit.isUndefined() && unit.toString() != QLatin1String("ms") &&
            unit.toString() != QLatin1String("ns"))
            return QStringLiteral("bad displayTimeUnit");
    } else {
        return QStringLiteral("no traceEvents array");
    }
    for (qsizetype i = 0; i < events.size(); ++i) {
        const QJsonObject e = events[i].toObject();
        const QString where = QStringLiteral("event %1: ").arg(i);
        if (!events[i].isObject()) return where + QStringLiteral("not an object");
        const QString ph = e.value(QStringLiteral("ph")).toString();
        if (ph.size() != 1) return where + QStringLiteral("bad ph");
        if (!e.value(QStringLiteral("pid")).isDouble()) return where + QStringLiteral("no pid");
        if (ph != QLatin1String("M") && !e.value(QStringLiteral("ts")).isDouble())
            return where + QStringLiteral("no numeric ts");
        if (ph == QLatin1String("X") && !e.value(QStringLiteral("dur")).isDouble())
            return where + QStringLiteral("X without dur");
        if (e.contains(QStringLiteral("args")) && !e.value(QStringLiteral("args")).isObject())
            return where + QStringLiteral("args not an object");
        if (!e.value(QStringLiteral("name")).isString()) return where + QStringLiteral("no name");
    }
    *eventsOut = events;
    return QString();
}

} // namespace

class TestExport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void atomicWriteCommits();
    void atomicWriteAbortLeavesNothing();
    void atomicWriteFailures();
    void unwritableDirectory();
    void csvWriterQuoting();
    void csvWriterFixedMatchesPrintf();
    void jsonTextReadsBack();
    void resultJsonParsesBack();
    void resultCsvParsesBack();
    void resultByExtension();
    void resultRowsWrittenAsQtWould();
    void timingsCsv();
    void chromeTrace();
    void chromeTraceTextsAndManyEvents();
    void traceValidatorAgreesWithCorpus();
    void rejectsCsvKeepsRawBytes();
};

void TestExport::atomicWriteCommits() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a.txt"));
    QString error;
    QVERIFY(writeFileAtomically(path, QByteArray("first"), &error));
    QCOMPARE(readAll(path), QByteArray("first"));
    QVERIFY(writeFileAtomically(path, QByteArray("second"), &error));
    QCOMPARE(readAll(path), QByteArray("second"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("a.txt")});
}

void TestExport::atomicWriteAbortLeavesNothing() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("b.txt"));
    QString error;
    const bool ok = writeFileAtomically(
        path,
        [](QIODevice &d) {
            d.write("partial data that must never appear");
            return false;
        },
        &error);
    QVERIFY(!ok);
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY(!QFile::exists(path));
    QVERIFY(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());

    // An existing file survives an aborted rewrite untouched.
    QVERIFY(writeFileAtomically(path, QByteArray("kept"), &error));
    QVERIFY(!writeFileAtomically(
        path, [](QIODevice &d) { return d.write("new") < 0; }, &error));
    QCOMPARE(readAll(path), QByteArray("kept"));
}

void TestExport::atomicWriteFailures() {
    QTemporaryDir dir;
    QString error;
    const QString missing = dir.filePath(QStringLiteral("no/such/dir/out.json"));
    QVERIFY(!exportJson(QJsonObject{{QStringLiteral("a"), 1}}, missing, &error));
    QVERIFY2(error.startsWith(QStringLiteral("cannot write ")) && error.contains(missing),
             qPrintable(error));
    QVERIFY(!QFile::exists(missing));

    QVERIFY(writeFileAtomically(dir.filePath(QStringLiteral("file")), QByteArray("x"), &error));
    const QString underFile = dir.filePath(QStringLiteral("file/out.csv"));
    QVERIFY(!exportTimingsCsv({}, {}, underFile, &error));
    QVERIFY2(error.contains(underFile), qPrintable(error));

    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("adir")));
    QVERIFY(!writeFileAtomically(dir.filePath(QStringLiteral("adir")), QByteArray("x"), &error));
    QVERIFY2(error.contains(QStringLiteral("is a directory")), qPrintable(error));
}

void TestExport::unwritableDirectory() {
    if (::geteuid() == 0) QSKIP("running as root: permissions do not stop writes");
    QTemporaryDir dir;
    const QString sub = dir.filePath(QStringLiteral("ro"));
    QVERIFY(QDir().mkdir(sub));
    QVERIFY(QFile::setPermissions(sub, QFile::ReadOwner | QFile::ExeOwner));
    const QString path = sub + QStringLiteral("/trace.json");
    QString error;
    QVERIFY(!exportChromeTrace({}, RunSummary{}, {}, QStringLiteral("r"), path, &error));
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY(QDir(sub).entryList(QDir::Files | QDir::Hidden).isEmpty());
    QFile::setPermissions(sub, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

void TestExport::csvWriterQuoting() {
    CsvWriter csv;
    csv.field(QStringLiteral("plain"))
        .field(QStringLiteral("a,b"))
        .field(QStringLiteral("say \"hi\""));
    csv.field(QStringLiteral("two\nlines")).field(std::int64_t(-7)).field(0.1).endRow();
    csv.field(QString()).endRow();
    csv.field(std::nan("")).field(1e300).field(true).endRow();
    QCOMPARE(csv.data(), QByteArray("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",-7,0.1\n"
                                    "\"\"\n"
                                    ",1e+300,true\n"));
}

void TestExport::csvWriterFixedMatchesPrintf() {
    // fixed() writes with std::to_chars: correctly rounded, exact ties (1e15 + 0.25 to one
    // decimal, 0.0625 to three) to even, as glibc's printf; the same text as QString::number
    // everywhere else.
    QList<double> values{0.0, 0.0005, 0.0015, 1.0005, 2.675, 1e-7, 123456.7895, 9.9995, 1e15 + 0.3,
                         0.0625, 0.1875, 2.5, 3.5, 1.7976931348623157e308, -3.25, -0.0004};
    QRandomGenerator rng(7);
    for (int i = 0; i < 20000; ++i)
        values.append(std::ldexp(rng.generateDouble(), int(rng.bounded(-30, 60))) *
                      (i % 3 == 0 ? -1 : 1));
    int ties = 0;
    for (const int decimals : {0, 1, 3, 6}) {
        for (const double v : values) {
            CsvWriter csv;
            csv.fixed(v, decimals);
            char expected[400];
            std::snprintf(expected, sizeof expected, "%.*f", decimals, v);
            QCOMPARE(csv.data(), QByteArray(expected));
            if (csv.data() != QString::number(v, 'f', decimals).toUtf8()) ++ties;
        }
    }
    // 1e15 + 0.25, 0.0625, 0.1875, 2.5, 3.5 and the random values with few fractional bits
    // (434 of the 80,064 texts here).
    QVERIFY(ties >= 5);
    QVERIFY(ties <= 1000);
    CsvWriter csv;
    csv.fixed(0.0625, 3).fixed(0.1875, 3).fixed(std::nan(""), 3);
    csv.fixed(-std::numeric_limits<double>::infinity(), 3).endRow();
    QCOMPARE(csv.data(), QByteArray("0.062,0.188,,-inf\n"));
}

void TestExport::jsonTextReadsBack() {
    // Strings and numbers written by json:: read back through QJsonDocument as they were.
    const QStringList texts{QString(), QStringLiteral("plain"), QStringLiteral("say \"hi\" \\ there"),
                            QStringLiteral("tab\tnew\nline\rcr\bbs\fff"),
                            QString::fromUtf8("\x01\x1f\x7f caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80")};
    const QList<double> numbers{0.0, -0.0, 0.1, 1e-300, 5e-324, 1.7976931348623157e308, -2.5,
                                86119.192, 1e21, 123456789012345678.0};
    QByteArray text("[");
    for (const QString &t : texts) {
        json::appendString(text, t);
        text.append(',');
    }
    for (const double d : numbers) {
        json::appendNumber(text, d);
        text.append(',');
    }
    json::appendNumber(text, std::int64_t(-9007199254740993));
    text.append(',');
    json::appendNumber(text, std::nan(""));
    text.append(',');
    json::appendNumber(text, std::numeric_limits<double>::infinity());
    text.append(',');
    json::appendBool(text, false);
    text.append(']');
    QJsonParseError pe;
    const QJsonArray back = QJsonDocument::fromJson(text, &pe).array();
    QVERIFY2(pe.error == QJsonParseError::NoError, qPrintable(pe.errorString() + QString::fromUtf8(text)));
    qsizetype i = 0;
    for (const QString &t : texts)
        QCOMPARE(back[i++].toString(), t);
    for (const double d : numbers)
        QCOMPARE(back[i++].toDouble(), d);
    QCOMPARE(back[i++].toInteger(), qint64(-9007199254740993));
    QVERIFY(back[i++].isNull()); // NaN
    QVERIFY(back[i++].isNull()); // infinity
    QCOMPARE(back[i++], QJsonValue(false));
}

void TestExport::resultJsonParsesBack() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("r.json"));
    const QJsonObject doc{{QStringLiteral("analysis"), QStringLiteral("profile")},
                          {QStringLiteral("rows"), 12},
                          {QStringLiteral("columns"),
                           QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("x")},
                                                  {QStringLiteral("mean"), 2.5}}}}};
    QString error;
    QVERIFY2(exportJson(doc, path, &error), qPrintable(error));
    const QByteArray bytes = readAll(path);
    QVERIFY(bytes.contains("\n    \"analysis\"")); // indented for people
    QJsonParseError pe;
    const QJsonDocument back = QJsonDocument::fromJson(bytes, &pe);
    QCOMPARE(pe.error, QJsonParseError::NoError);
    QCOMPARE(back.object(), doc);
}

void TestExport::resultCsvParsesBack() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("r.csv"));
    ResultTable table;
    table.columns = {QStringLiteral("name"), QStringLiteral("count"), QStringLiteral("mean"),
                     QStringLiteral("note")};
    table.appendRow(QVariantList{QStringLiteral("a,b"), qint64(3), 0.1, QVariant()});
    table.appendRow(QVariantList{QStringLiteral("q\"uote"), qint64(-9000000000LL), 1.0 / 3.0,
                                   QStringLiteral("line1\r\nline2")});
    QString error;
    QVERIFY2(exportResultCsv(table, path, &error), qPrintable(error));
    CsvRows rows;
    QVERIFY(sf::test::readCsvFile(path, &rows));
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows[0], (QList<QByteArray>{"name", "count", "mean", "note"}));
    QCOMPARE(rows[1], (QList<QByteArray>{"a,b", "3", "0.1", ""}));
    QCOMPARE(rows[2][0], QByteArray("q\"uote"));
    QCOMPARE(rows[2][1], QByteArray("-9000000000"));
    QCOMPARE(rows[2][2].toDouble(), 1.0 / 3.0); // shortest round-trip text
    QCOMPARE(rows[2][3], QByteArray("line1\r\nline2"));
}

void TestExport::resultByExtension() {
    QTemporaryDir dir;
    AnalysisResult result;
    result.table = ResultTable{{QStringLiteral("k")}, {QVariantList{qint64(1)}}};
    const QJsonObject doc{{QStringLiteral("k"), 1}};
    QString error;
    QVERIFY(exportResult(doc, result, dir.filePath(QStringLiteral("o.JSON")), &error));
    QCOMPARE(QJsonDocument::fromJson(readAll(dir.filePath(QStringLiteral("o.JSON")))).object(),
             doc);
    // With rows: the document holds them too.
    result.rows = JsonRows{QStringLiteral("rows"), {{QStringLiteral("v"), 1}}};
    QVERIFY(exportResult(doc, result, dir.filePath(QStringLiteral("r.json")), &error));
    QCOMPARE(QJsonDocument::fromJson(readAll(dir.filePath(QStringLiteral("r.json")))).object(),
             QJsonDocument::fromJson(R"({"k": 1, "rows": [{"v": {"k": 1}}]})").object());
    QVERIFY(exportResult(doc, result, dir.filePath(QStringLiteral("o.csv")), &error));
    QCOMPARE(readAll(dir.filePath(QStringLiteral("o.csv"))), QByteArray("k\n1\n"));
    QVERIFY(!exportResult(doc, result, dir.filePath(QStringLiteral("o.xlsx")), &error));
    QVERIFY2(error.contains(QStringLiteral(".xlsx")), qPrintable(error));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("o.xlsx"))));
}

// What an analysis used to build: the rows as QJsonObjects inside the document.
QJsonObject builtDocument(const QJsonObject &doc, const AnalysisResult &r) {
    QJsonArray array;
    for (qsizetype rowIndex = 0; rowIndex < r.table.rowCount(); ++rowIndex) {
        const QVariantList row = r.table.rowValues(rowIndex);
        QJsonObject object;
        int column = 0;
        for (const auto &[name, width] : r.rows.nests) {
            QJsonObject nest;
            for (int k = 0; k < width; ++k, ++column) {
                const QVariant v = row.value(column);
                nest.insert(r.table.columns.value(column),
                            v.typeId() == QMetaType::QString ? QJsonValue(v.toString())
                                                             : QJsonValue::fromVariant(v));
            }
            object.insert(name, nest);
        }
        array.append(object);
    }
    QJsonObject out = doc;
    out.insert(r.rows.key, array);
    return out;
}

void TestExport::resultRowsWrittenAsQtWould() {
    // The rows written from the table are, byte for byte, what QJsonDocument writes for the
    // same document built as QJsonObjects: indented and compact, with nested names and
    // columns out of alphabetical order and repeated (the last wins, as in a QJsonObject),
    // empty nests, and cells of every kind an analysis puts in a table.
    QRandomGenerator rng(11);
    const QList<QVariant> cells{QVariant(), QVariant(qlonglong(-9007199254740993)),
                                QVariant(qlonglong(0)), QVariant(0.1), QVariant(-0.0),
                                QVariant(1e300 * 10), QVariant(std::nan("")), QVariant(5e-324),
                                QVariant(2.0), QVariant(true), QVariant(false),
                                QVariant(QString()), QVariant(QStringLiteral("a \"q\" \\ b")),
                                QVariant(QString::fromUtf8("\x01\t\n caf\xc3\xa9 \xf0\x9f\x98\x80")),
                                QVariant(123456789.125), QVariant(int(7))};
    for (const int rowCount : {0, 1, 2, 3000}) {
        AnalysisResult r;
        r.table.columns = {QStringLiteral("zeta"), QStringLiteral("alpha"), QStringLiteral("zeta"),
                           QStringLiteral("m\"x"), QStringLiteral("count"), QStringLiteral("b")};
        r.rows = JsonRows{QStringLiteral("groups"),
                          {{QStringLiteral("values"), 3}, {QStringLiteral("empty"), 0},
                           {QStringLiteral("key"), 3}}};
        for (int i = 0; i < rowCount; ++i) {
            QVariantList row;
            for (int c = 0; c < 6; ++c)
                row.append(cells[rng.bounded(int(cells.size()))]);
            r.table.appendRow(row);
        }
        const QJsonObject doc{{QStringLiteral("by"), QJsonArray{QStringLiteral("zeta")}},
                              {QStringLiteral("run"), QJsonObject{{QStringLiteral("x"), 1.5}}},
                              {QStringLiteral("analysis"), QStringLiteral("groupby")}};
        const QJsonObject built = builtDocument(doc, r);
        for (const auto format : {QJsonDocument::Indented, QJsonDocument::Compact})
            QCOMPARE(resultDocumentText(doc, r, format), QJsonDocument(built).toJson(format));
        QCOMPARE(resultDocument(doc, r), built);
    }
    // Without rows: the document alone.
    AnalysisResult plain;
    plain.json = QJsonObject{{QStringLiteral("matched"), 3}};
    QCOMPARE(resultDocumentText(plain.json, plain, QJsonDocument::Indented),
             QJsonDocument(plain.json).toJson());
}

void TestExport::timingsCsv() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("t.csv"));
    std::vector<TaskRecord> recs;
    recs.push_back(record(0, 0, 1, TaskState::Done, 2'000'000, 4'500'000));
    TaskRecord failed = record(1, 1, 0, TaskState::Retried, 3'000'000, 3'250'000);
    failed.error = QStringLiteral("data.csv:7: bad value, \"x\"");
    failed.straggler = true;
    recs.push_back(failed);
    recs.push_back(record(2, 2, -1, TaskState::Queued, 0, 0));
    QString error;
    QVERIFY2(exportTimingsCsv(recs, {QStringLiteral("profile data.csv")}, path, &error),
             qPrintable(error));
    CsvRows rows;
    QVERIFY(sf::test::readCsvFile(path, &rows));
    QCOMPARE(rows.size(), 4);
    const QList<QByteArray> header{"attempt_id",  "task_id",     "job",       "job_name",
                                   "chunk",       "first_row",   "rows",      "byte_begin",
                                   "byte_end",    "priority",    "worker",    "attempt",
                                   "state",       "straggler",   "queued_ms", "started_ms",
                                   "finished_ms", "duration_ms", "error"};
    QCOMPARE(rows[0], header);
    for (const auto &row : rows)
        QCOMPARE(row.size(), header.size());
    QCOMPARE(rows[1], (QList<QByteArray>{"0", "0", "0", "profile data.csv", "0", "0", "100", "0",
                                         "3990", "0", "1", "1", "done", "false", "0.001", "2.000",
                                         "4.500", "2.500", ""}));
    QCOMPARE(rows[2][12], QByteArray("retried"));
    QCOMPARE(rows[2][13], QByteArray("true"));
    QCOMPARE(rows[2][17], QByteArray("0.250"));
    QCOMPARE(rows[2][18], QByteArray("data.csv:7: bad value, \"x\""));
    QCOMPARE(rows[3][12], QByteArray("queued"));
    QCOMPARE(rows[3][15], QByteArray()); // not started: empty, not 0
    QCOMPARE(rows[3][17], QByteArray());
}

void TestExport::chromeTrace() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("trace.json"));
    std::vector<TaskRecord> recs;
    recs.push_back(record(0, 0, 0, TaskState::Done, 1'500, 2'001'500));
    recs.push_back(record(1, 1, 3, TaskState::Failed, 10'000, 20'000));
    recs.back().error = QStringLiteral("boom");
    recs.push_back(record(2, 2, 1, TaskState::Cancelled, 30'000, 31'000));
    recs.push_back(record(3, 3, 1, TaskState::Running, 40'000, 0));
    recs.push_back(record(4, 4, -1, TaskState::Cancelled, 0, 50'000)); // never started
    RunSummary summary;
    summary.workers = 2;
    summary.queueLength = {{0.0, 4}, {1.5, 2}};
    summary.memorySeries = {{0.0, 0}, {1.5, 1024}};
    summary.throughput = {{1.5, 5000}};
    QString error;
    QVERIFY2(exportChromeTrace(recs, summary, {QStringLiteral("profile")},
                               QStringLiteral("superflow profile"), path, &error),
             qPrintable(error));

    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(readAll(path), &pe);
    QCOMPARE(pe.error, QJsonParseError::NoError);
    QCOMPARE(doc.object().value(QStringLiteral("displayTimeUnit")).toString(),
             QStringLiteral("ms"));
    QJsonArray events;
    const QString invalid = validateTrace(doc, &events);
    QVERIFY2(invalid.isEmpty(), qPrintable(invalid));

    std::set<int> usedTids;
    std::set<int> namedTids;
    int xCount = 0;
    int counters = 0;
    bool processNamed = false;
    for (const QJsonValue &v : events) {
        const QJsonObject e = v.toObject();
        const QString ph = e.value(QStringLiteral("ph")).toString();
        QCOMPARE(e.value(QStringLiteral("pid")).toInt(), 1);
        const int tid = e.value(QStringLiteral("tid")).toInt();
        if (ph == QLatin1String("M")) {
            if (e.value(QStringLiteral("name")).toString() == QLatin1String("thread_name"))
                namedTids.insert(tid);
            if (e.value(QStringLiteral("name")).toString() == QLatin1String("process_name")) {
                processNamed = true;
                QCOMPARE(e.value(QStringLiteral("args"))[QStringLiteral("name")].toString(),
                         QStringLiteral("superflow profile"));
            }
            continue;
        }
        usedTids.insert(tid);
        if (ph == QLatin1String("C")) {
            ++counters;
            continue;
        }
        QCOMPARE(ph, QStringLiteral("X"));
        ++xCount;
        const QJsonObject args = e.value(QStringLiteral("args")).toObject();
        if (args.value(QStringLiteral("chunk")).toInt() == 0) {
            QCOMPARE(e.value(QStringLiteral("name")).toString(), QStringLiteral("profile:chunk 0"));
            QCOMPARE(e.value(QStringLiteral("cat")).toString(), QStringLiteral("done"));
            QCOMPARE(tid, 1);
            QCOMPARE(e.value(QStringLiteral("ts")).toDouble(), 1.5);
            QCOMPARE(e.value(QStringLiteral("dur")).toDouble(), 2000.0);
            QCOMPARE(args.value(QStringLiteral("rows")).toInt(), 100);
            QCOMPARE(args.value(QStringLiteral("bytes")).toInt(), 3990);
            QCOMPARE(args.value(QStringLiteral("first_row")).toInt(), 0);
            QCOMPARE(args.value(QStringLiteral("attempt")).toInt(), 1);
        }
        if (args.value(QStringLiteral("chunk")).toInt() == 1) {
            QCOMPARE(e.value(QStringLiteral("cat")).toString(), QStringLiteral("failed"));
            QCOMPARE(tid, 4);
            QCOMPARE(args.value(QStringLiteral("error")).toString(), QStringLiteral("boom"));
        }
    }
    QCOMPARE(xCount, 3); // done, failed, cancelled-after-start; not running, not never-started
    QCOMPARE(counters, 5);
    QVERIFY(processNamed);
    for (int tid : usedTids)
        QVERIFY2(namedTids.count(tid), qPrintable(QStringLiteral("tid %1 unnamed").arg(tid)));
    QVERIFY(namedTids.count(2)); // lanes of the pool are named even when idle
}

void TestExport::chromeTraceTextsAndManyEvents() {
    // Job names, errors and the run name with quotes, backslashes, control characters and
    // non-ASCII text; 40,000 attempts (the file is written a megabyte at a time).
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("trace.json"));
    const QString job = QString::fromUtf8("gruppe \"\xc3\xa4\" \\ 1");
    const QString run = QString::fromUtf8("run\t\xe2\x80\x94 7\n");
    std::vector<TaskRecord> recs;
    for (int i = 0; i < 40000; ++i) {
        recs.push_back(record(i, i, i % 2, i % 10 == 3 ? TaskState::Failed : TaskState::Done,
                              1'000 + 700 * std::int64_t(i), 1'500 + 700 * std::int64_t(i)));
        if (i % 10 == 3) recs.back().error = QStringLiteral("line %1: \"bad\"\x01\n").arg(i);
    }
    recs[5].job = 4; // a job without a name
    RunSummary summary;
    summary.workers = 3;
    summary.elapsedMs = 28.0005;
    summary.finished = true;
    summary.tasksFailed = 4000;
    summary.throughput = {{0.5, std::nan("")}, {1.0, 12.5}};
    QString error;
    QVERIFY2(exportChromeTrace(recs, summary, {job}, run, path, &error), qPrintable(error));
    const QByteArray bytes = readAll(path);
    QVERIFY(bytes.size() > 4 << 20);
    QJsonParseError pe;
    const QJsonObject doc = QJsonDocument::fromJson(bytes, &pe).object();
    QCOMPARE(pe.error, QJsonParseError::NoError);
    const QJsonObject other = doc.value(QStringLiteral("otherData")).toObject();
    QCOMPARE(other.value(QStringLiteral("run")).toString(), run);
    QCOMPARE(other.value(QStringLiteral("elapsed_ms")).toDouble(), 28.0005);
    QCOMPARE(other.value(QStringLiteral("finished")).toBool(), true);
    QCOMPARE(other.value(QStringLiteral("cancelled")).toBool(), false);
    QCOMPARE(other.value(QStringLiteral("tasks_failed")).toInteger(), 4000);
    QJsonArray events;
    const QString invalid = validateTrace(QJsonDocument(doc), &events);
    QVERIFY2(invalid.isEmpty(), qPrintable(invalid));
    QCOMPARE(events.size(), 40000 + 2 + 2 + 3); // attempts, counters, process and 1 + 3 lanes
    for (int i = 0; i < 40000; ++i) {
        const QJsonObject e = events[i].toObject();
        const QJsonObject args = e.value(QStringLiteral("args")).toObject();
        QCOMPARE(args.value(QStringLiteral("chunk")).toInteger(), i);
        QCOMPARE(e.value(QStringLiteral("name")).toString(),
                 (i == 5 ? QStringLiteral("job 4") : job) + QStringLiteral(":chunk %1").arg(i));
        QCOMPARE(e.value(QStringLiteral("ts")).toDouble(), (1'000 + 700 * i) / 1000.0);
        QCOMPARE(e.value(QStringLiteral("dur")).toDouble(), 0.5);
        QCOMPARE(e.value(QStringLiteral("tid")).toInt(), i % 2 + 1);
        QCOMPARE(args.value(QStringLiteral("error")).toString(),
                 i % 10 == 3 ? QStringLiteral("line %1: \"bad\"\x01\n").arg(i) : QString());
    }
    QVERIFY(events[40000].toObject().value(QStringLiteral("args"))[QStringLiteral("rows/s")].isNull());
    QCOMPARE(events[40001].toObject().value(QStringLiteral("args"))[QStringLiteral("rows/s")].toDouble(), 12.5);
    QCOMPARE(events[40002].toObject().value(QStringLiteral("args"))[QStringLiteral("name")].toString(), run);
}

void TestExport::traceValidatorAgreesWithCorpus() {
    const QDir corpus(QStringLiteral(SF_CORPORA_DIR "/trace"));
    if (!corpus.exists()) QSKIP("shared trace corpus not present");
    int checked = 0;
    for (const QString &name : corpus.entryList({QStringLiteral("*.json")}, QDir::Files)) {
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(readAll(corpus.filePath(name)), &pe);
        QCOMPARE(pe.error, QJsonParseError::NoError);
        QJsonArray events;
        const QString invalid = validateTrace(doc, &events);
        QVERIFY2(invalid.isEmpty(), qPrintable(name + QStringLiteral(": ") + invalid));
        QVERIFY(!events.isEmpty());
        ++checked;
    }
    QVERIFY(checked >= 2);
    // The validator does reject what viewers cannot read.
    QJsonArray bad{QJsonObject{{QStringLiteral("ph"), QStringLiteral("X")},
                               {QStringLiteral("name"), QStringLiteral("n")},
                               {QStringLiteral("pid"), 1},
                               {QStringLiteral("ts"), 1}}};
    QJsonArray events;
    QCOMPARE(validateTrace(QJsonDocument(bad), &events), QStringLiteral("event 0: X without dur"));
}

void TestExport::rejectsCsvKeepsRawBytes() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("rejects.csv"));
    QList<RejectedRecord> rejects;
    RejectedRecord a;
    a.row = 4;
    a.line = 6;
    a.column = 12;
    a.offset = 230;
    a.reason = QStringLiteral("expected 3 fields, found 4");
    a.raw = QByteArray("1,\"x,y\",2,3");
    rejects.append(a);
    RejectedRecord b;
    b.line = 9;
    b.offset = 400;
    b.reason = QStringLiteral("unterminated quote");
    b.raw = QByteArray("\"open\nnext \xff\xfe");
    rejects.append(b);
    QString error;
    QVERIFY2(exportRejectsCsv(rejects, QStringLiteral("/data/in,put.csv"), path, &error),
             qPrintable(error));
    CsvRows rows;
    QVERIFY(sf::test::readCsvFile(path, &rows));
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows[0], (QList<QByteArray>{"file", "line", "column", "offset", "reason", "raw"}));
    QCOMPARE(rows[1], (QList<QByteArray>{"/data/in,put.csv", "6", "12", "230",
                                         "expected 3 fields, found 4", "1,\"x,y\",2,3"}));
    QCOMPARE(rows[2][1], QByteArray("9"));
    QCOMPARE(rows[2][5], b.raw);
    QVERIFY(readAll(path).contains(",\"1,\"\"x,y\"\",2,3\"\n")); // raw always quoted
}

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
