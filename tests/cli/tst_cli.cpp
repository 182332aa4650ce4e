// superflow-cli end to end: the built binary (SF_CLI_BINARY) run on the fixtures in
// tests/data/cli, checking exit codes, JSON shape, numbers and the files it writes.
#include "clirunner.h"
#include "csvtext.h"
#include "superflow/version.h"
#include <QDir>
#include <QFile>
#ifdef SF_CLI_CHARTS
#include <QImage>
#endif
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <set>

namespace {

QString fixture(const char *name) {
    return QStringLiteral(SF_TEST_DATA_DIR "/cli/") + QLatin1String(name);
}

QJsonObject parseObject(const QByteArray &bytes) {
    QJsonParseError e;
    const QJsonDocument d = QJsonDocument::fromJson(bytes, &e);
    return e.error == QJsonParseError::NoError ? d.object() : QJsonObject();
}

QJsonDocument readJsonFile(const QString &path, QJsonParseError *error) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        error->error = QJsonParseError::IllegalValue;
        return {};
    }
    return QJsonDocument::fromJson(f.readAll(), error);
}

QSet<QString> keySet(const QJsonObject &o) {
    const QStringList keys = o.keys();
    return QSet<QString>(keys.begin(), keys.end());
}

QJsonObject findColumn(const QJsonObject &doc, const QString &name) {
    for (const QJsonValue &v : doc.value(QStringLiteral("columns")).toArray())
        if (v.toObject().value(QStringLiteral("name")).toString() == name) return v.toObject();
    return {};
}

// Every tid used by an event has a thread_name; returns the number of X events (-1: invalid).
int checkTrace(const QString &path) {
    QJsonParseError e;
    const QJsonDocument doc = readJsonFile(path, &e);
    if (e.error != QJsonParseError::NoError || !doc.isObject()) return -1;
    if (doc.object().value(QStringLiteral("displayTimeUnit")).toString() != QLatin1String("ms"))
        return -1;
    std::set<int> used, named;
    int x = 0;
    for (const QJsonValue &v : doc.object().value(QStringLiteral("traceEvents")).toArray()) {
        const QJsonObject ev = v.toObject();
        const QString ph = ev.value(QStringLiteral("ph")).toString();
        const int tid = ev.value(QStringLiteral("tid")).toInt(-1);
        if (ph == QLatin1String("M")) {
            if (ev.value(QStringLiteral("name")).toString() == QLatin1String("thread_name"))
                named.insert(tid);
            continue;
        }
        if (!ev.value(QStringLiteral("ts")).isDouble()) return -1;
        used.insert(tid);
        if (ph == QLatin1String("X")) {
            if (!ev.value(QStringLiteral("dur")).isDouble()) return -1;
            ++x;
        }
    }
    for (int tid : used)
        if (!named.count(tid)) return -1;
    return x;
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void version();
    void help();
    void usageErrors_data();
    void usageErrors();
    void missingFileExits3();
    void profileShapeAndCounts();
    void profileSameForAnyChunking();
    void groupbyNumbers();
    void groupbyCsvOut();
    void filterCountAndOutput();
    void convertAllStringsObjects();
    void convertNoHeaderArrays();
    void syntheticFailureExits4();
    void timingsAndTraceParse();
    void sigintWritesPartialTrace();
    void inspectReportsBadRecord();
    void rejectsFileAndFailMode();
    void sweepTable();
    void sweepSampleAndJson();
    void sweepPlot();

private:
    QTemporaryDir m_dir;
    QString tmp(const char *name) const { return m_dir.filePath(QLatin1String(name)); }
};

void TestCli::initTestCase() {
    QVERIFY2(QFile::exists(cliBinary()), "SF_CLI_BINARY must name the built superflow-cli");
    QVERIFY(QFile::exists(fixture("weather.csv")));
    QVERIFY(m_dir.isValid());
}

void TestCli::version() {
    const CliResult r = runCli({QStringLiteral("--version")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QByteArray("superflow-cli " SUPERFLOW_VERSION "\n"));
}

void TestCli::help() {
    CliResult r = runCli({QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    for (const char *cmd :
         {"profile", "groupby", "filter", "wordcount", "convert", "synthetic", "inspect", "sweep"})
        QVERIFY2(r.out.contains(cmd), cmd);
    r = runCli({QStringLiteral("groupby"), QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("usage: superflow-cli groupby [options] DATASET"));
    for (const char *opt :
         {"--by",           "--agg",    "--chunk-rows", "--chunk-bytes",   "--partition",
          "--workers",      "--policy", "--priority",   "--memory-budget", "--retries",
          "--task-timeout", "--format", "--delimiter",  "--no-header",     "--null-values",
          "--all-strings",  "--table",  "--query",      "--on-bad-row",    "--max-bad-rows",
          "--rejects",      "--out",    "--timings",    "--trace",         "--progress",
          "--no-progress",  "--quiet"})
        QVERIFY2(r.out.contains(opt), opt);
    QVERIFY(!r.out.contains("--where")); // filter's option is not groupby's
    r = runCli({QStringLiteral("synthetic"), QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    for (const char *opt : {"--tasks", "--duration", "--fail-rate", "--seed"})
        QVERIFY2(r.out.contains(opt), opt);
    r = runCli({QStringLiteral("sweep"), QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("--repeat"));
    r = runCli({QStringLiteral("inspect"), QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    r = runCli({QStringLiteral("frobnicate")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("unknown command 'frobnicate'"));
    QCOMPARE(runCli({}).exitCode, 2);
}

void TestCli::usageErrors_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QString w = fixture("weather.csv");
    QTest::newRow("unknown option")
        << QStringList{QStringLiteral("profile"), QStringLiteral("--bogus"), w}
        << QStringLiteral("unknown option '--bogus'");
    QTest::newRow("missing value")
        << QStringList{QStringLiteral("profile"), w, QStringLiteral("--chunk-rows")}
        << QStringLiteral("option '--chunk-rows' needs a value");
    QTest::newRow("value is an option")
        << QStringList{QStringLiteral("profile"), QStringLiteral("--out"),
                       QStringLiteral("--quiet"), w}
        << QStringLiteral("option '--out' needs a value");
    QTest::newRow("bad number") << QStringList{QStringLiteral("profile"),
                                               QStringLiteral("--workers"), QStringLiteral("0"), w}
                                << QStringLiteral("--workers needs an integer >= 1");
    QTest::newRow("bad policy") << QStringList{QStringLiteral("profile"),
                                               QStringLiteral("--policy"), QStringLiteral("lifo"),
                                               w}
                                << QStringLiteral("--policy must be");
    QTest::newRow("bad size") << QStringList{QStringLiteral("profile"),
                                             QStringLiteral("--chunk-bytes"),
                                             QStringLiteral("lots"), w}
                              << QStringLiteral("--chunk-bytes needs a size");
    QTest::newRow("both chunk units")
        << QStringList{QStringLiteral("profile"), QStringLiteral("--chunk-rows"),
                       QStringLiteral("5"),       QStringLiteral("--chunk-bytes"),
                       QStringLiteral("1k"),      w}
        << QStringLiteral("exclude each other");
    QTest::newRow("no dataset") << QStringList{QStringLiteral("profile")}
                                << QStringLiteral("missing DATASET argument");
    QTest::newRow("two datasets") << QStringList{QStringLiteral("profile"), w, w}
                                  << QStringLiteral("unexpected argument");
    QTest::newRow("groupby without --by")
        << QStringList{QStringLiteral("groupby"), w} << QStringLiteral("groupby needs --by");
    QTest::newRow("option of another command")
        << QStringList{QStringLiteral("profile"), QStringLiteral("--where"),
                       QStringLiteral("x > 1"), w}
        << QStringLiteral("unknown option '--where'");
    QTest::newRow("fail rate out of range")
        << QStringList{QStringLiteral("synthetic"), QStringLiteral("--fail-rate"),
                       QStringLiteral("2")}
        << QStringLiteral("--fail-rate needs a number in [0, 1]");
    QTest::newRow("sweep without analysis")
        << QStringList{QStringLiteral("sweep"), w} << QStringLiteral("sweep needs --analysis");
}

void TestCli::usageErrors() {
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const CliResult r = runCli(args);
    QCOMPARE(r.exitCode, 2);
    const QString err = QString::fromUtf8(r.err);
    const QString first = err.section(QLatin1Char('\n'), 0, 0);
    QVERIFY2(first.contains(message), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("usage: superflow-cli ") + args.first()), qPrintable(err));
    QVERIFY(r.out.isEmpty());
}

void TestCli::missingFileExits3() {
    const QString path = m_dir.filePath(QStringLiteral("does-not-exist.csv"));
    const CliResult r = runCli({QStringLiteral("profile"), QStringLiteral("--quiet"), path});
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains(path.toUtf8()), r.err.constData());
    QVERIFY(r.out.isEmpty());
    QCOMPARE(runCli({QStringLiteral("inspect"), path}).exitCode, 3);
}

void TestCli::profileShapeAndCounts() {
    const QString w = fixture("weather.csv");
    const CliResult r = runCli({QStringLiteral("profile"), QStringLiteral("--no-progress"),
                                QStringLiteral("--chunk-rows"), QStringLiteral("5"),
                                QStringLiteral("--workers"), QStringLiteral("2"), w});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject doc = parseObject(r.out);
    for (const char *key : {"analysis", "dataset", "rows", "rejected_rows", "run", "columns"})
        QVERIFY2(doc.contains(QLatin1String(key)), key);
    QCOMPARE(doc.value(QStringLiteral("analysis")).toString(), QStringLiteral("profile"));
    QCOMPARE(doc.value(QStringLiteral("dataset")).toString(), w);
    QCOMPARE(doc.value(QStringLiteral("rows")).toInteger(), 12);
    QCOMPARE(doc.value(QStringLiteral("rejected_rows")).toInteger(), 0);
    const QJsonObject run = doc.value(QStringLiteral("run")).toObject();
    QCOMPARE(keySet(run),
             (QSet<QString>{QStringLiteral("wall_ms"), QStringLiteral("tasks"),
                            QStringLiteral("workers"), QStringLiteral("policy"),
                            QStringLiteral("partition"), QStringLiteral("chunk_rows"),
                            QStringLiteral("failed_tasks"), QStringLiteral("retries")}));
    QCOMPARE(run.value(QStringLiteral("tasks")).toInteger(), 3); // 12 rows in chunks of 5
    QCOMPARE(run.value(QStringLiteral("workers")).toInt(), 2);
    QCOMPARE(run.value(QStringLiteral("policy")).toString(), QStringLiteral("fifo"));
    QCOMPARE(run.value(QStringLiteral("partition")).toString(), QStringLiteral("fixed"));
    QCOMPARE(run.value(QStringLiteral("chunk_rows")).toInteger(), 5);
    QCOMPARE(run.value(QStringLiteral("failed_tasks")).toInteger(), 0);
    QVERIFY(run.value(QStringLiteral("wall_ms")).toDouble() > 0);

    const QJsonArray columns = doc.value(QStringLiteral("columns")).toArray();
    QCOMPARE(columns.size(), 5);
    QStringList names;
    for (const QJsonValue &c : columns)
        names.append(c.toObject().value(QStringLiteral("name")).toString());
    QCOMPARE(names, (QStringList{QStringLiteral("city"), QStringLiteral("date"),
                                 QStringLiteral("temp_max"), QStringLiteral("rain_mm"),
                                 QStringLiteral("note")}));
    const QJsonObject temp = findColumn(doc, QStringLiteral("temp_max"));
    QCOMPARE(temp.value(QStringLiteral("type")).toString(), QStringLiteral("double"));
    QCOMPARE(temp.value(QStringLiteral("count")).toInteger(), 12);
    QCOMPARE(temp.value(QStringLiteral("nulls")).toInteger(), 0);
    QCOMPARE(temp.value(QStringLiteral("min")).toDouble(), -9.5);
    QCOMPARE(temp.value(QStringLiteral("max")).toDouble(), 7.0);
    QCOMPARE(temp.value(QStringLiteral("sum")).toDouble(), -11.0);
    const QJsonObject rain = findColumn(doc, QStringLiteral("rain_mm"));
    QCOMPARE(rain.value(QStringLiteral("nulls")).toInteger(), 1);
    QCOMPARE(rain.value(QStringLiteral("count")).toInteger(), 11);
    QCOMPARE(rain.value(QStringLiteral("sum")).toDouble(), 49.0);
    const QJsonObject city = findColumn(doc, QStringLiteral("city"));
    QCOMPARE(city.value(QStringLiteral("type")).toString(), QStringLiteral("string"));
    QCOMPARE(city.value(QStringLiteral("distinct")).toInteger(), 3);
    QVERIFY(!city.contains(QStringLiteral("mean"))); // keys that do not apply are omitted
}

void TestCli::profileSameForAnyChunking() {
    const QString w = fixture("weather.csv");
    QJsonObject reference;
    for (const auto &[chunk, workers, policy] :
         {std::tuple{"100", "1", "fifo"}, std::tuple{"1", "4", "longest"},
          std::tuple{"4", "3", "shortest"}}) {
        const CliResult r = runCli({QStringLiteral("profile"), QStringLiteral("--quiet"),
                                    QStringLiteral("--chunk-rows"), QLatin1String(chunk),
                                    QStringLiteral("--workers"), QLatin1String(workers),
                                    QStringLiteral("--policy"), QLatin1String(policy), w});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QJsonObject doc = parseObject(r.out);
        doc.remove(QStringLiteral("run"));
        QVERIFY(!doc.isEmpty());
        if (reference.isEmpty()) reference = doc;
        QCOMPARE(doc, reference);
    }
}

void TestCli::groupbyNumbers() {
    const CliResult r =
        runCli({QStringLiteral("groupby"), QStringLiteral("--quiet"), QStringLiteral("--by"),
                QStringLiteral("city"), QStringLiteral("--agg"),
                QStringLiteral("count,mean:temp_max,sum:rain_mm"), QStringLiteral("--chunk-rows"),
                QStringLiteral("3"), fixture("weather.csv")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject doc = parseObject(r.out);
    QCOMPARE(doc.value(QStringLiteral("by")).toArray(), QJsonArray{QStringLiteral("city")});
    const QJsonArray groups = doc.value(QStringLiteral("groups")).toArray();
    QCOMPARE(groups.size(), 3);
    struct Expected {
        double count, meanTemp, sumRain;
    };
    const QHash<QString, Expected> expected{{QStringLiteral("Oslo"), {4, -0.625, 4.0}},
                                            {QStringLiteral("Bergen"), {4, 5.625, 43.5}},
                                            {QStringLiteral("Tromso"), {4, -7.75, 1.5}}};
    for (const QJsonValue &g : groups) {
        const QString city = g[QStringLiteral("key")][QStringLiteral("city")].toString();
        QVERIFY2(expected.contains(city), qPrintable(city));
        const QJsonObject values = g[QStringLiteral("values")].toObject();
        QCOMPARE(values.value(QStringLiteral("count")).toDouble(), expected[city].count);
        QCOMPARE(values.value(QStringLiteral("mean:temp_max")).toDouble(), expected[city].meanTemp);
        QCOMPARE(values.value(QStringLiteral("sum:rain_mm")).toDouble(), expected[city].sumRain);
    }
}

void TestCli::groupbyCsvOut() {
    const QString out = tmp("groups.csv");
    const CliResult r =
        runCli({QStringLiteral("groupby"), QStringLiteral("--quiet"), QStringLiteral("--by"),
                QStringLiteral("city"), QStringLiteral("--out"), out, fixture("weather.csv")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.isEmpty()); // the result went to the file
    sf::test::CsvRows rows;
    QVERIFY(sf::test::readCsvFile(out, &rows));
    QCOMPARE(rows.size(), 4); // header + 3 cities
    QVERIFY(rows[0].contains("city"));
}

void TestCli::filterCountAndOutput() {
    const QString out = tmp("warm.csv");
    const CliResult r =
        runCli({QStringLiteral("filter"), QStringLiteral("--quiet"), QStringLiteral("--where"),
                QStringLiteral("temp_max > 0"), QStringLiteral("--chunk-rows"), QStringLiteral("2"),
                QStringLiteral("--out"), out, fixture("weather.csv")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject doc = parseObject(r.out);
    QCOMPARE(doc.value(QStringLiteral("matched")).toInteger(), 6);
    QCOMPARE(doc.value(QStringLiteral("rows")).toInteger(), 12);
    sf::test::CsvRows rows;
    QVERIFY(sf::test::readCsvFile(out, &rows));
    QCOMPARE(rows.size(), 7);
    QCOMPARE(rows[0], (QList<QByteArray>{"city", "date", "temp_max", "rain_mm", "note"}));
    QCOMPARE(rows[1][0], QByteArray("Bergen")); // file order kept
    QCOMPARE(rows[1][1], QByteArray("2024-01-01"));
    QCOMPARE(rows[3][4], QByteArray("said \"brr\""));
    QCOMPARE(rows[6][1], QByteArray("2024-01-04"));
}

void TestCli::convertAllStringsObjects() {
    const QString out = tmp("all.json");
    const CliResult r =
        runCli({QStringLiteral("convert"), QStringLiteral("--quiet"),
                QStringLiteral("--all-strings"), QStringLiteral("--chunk-rows"),
                QStringLiteral("5"), QStringLiteral("--out"), out, fixture("weather.csv")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QJsonParseError e;
    const QJsonDocument doc = readJsonFile(out, &e);
    QCOMPARE(e.error, QJsonParseError::NoError);
    QVERIFY(doc.isArray());
    const QJsonArray records = doc.array();
    QCOMPARE(records.size(), 12);
    const QJsonObject first = records[0].toObject();
    QCOMPARE(keySet(first), (QSet<QString>{QStringLiteral("city"), QStringLiteral("date"),
                                           QStringLiteral("temp_max"), QStringLiteral("rain_mm"),
                                           QStringLiteral("note")}));
    QCOMPARE(first.value(QStringLiteral("temp_max")), QJsonValue(QStringLiteral("-3.5")));
    QCOMPARE(records[1][QStringLiteral("note")].toString(), QStringLiteral("snow, light"));
    QCOMPARE(records[4][QStringLiteral("note")].toString(), QStringLiteral("said \"brr\""));
    QCOMPARE(records[11][QStringLiteral("city")].toString(), QStringLiteral("Tromso"));
}

void TestCli::convertNoHeaderArrays() {
    const QString out = tmp("arrays.json");
    const CliResult r = runCli({QStringLiteral("convert"), QStringLiteral("--quiet"),
                                QStringLiteral("--all-strings"), QStringLiteral("--no-header"),
                                QStringLiteral("--out"), out, fixture("weather.csv")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QJsonParseError e;
    const QJsonDocument doc = readJsonFile(out, &e);
    QCOMPARE(e.error, QJsonParseError::NoError);
    const QJsonArray records = doc.array();
    QCOMPARE(records.size(), 13); // the header line is a record now
    QCOMPARE(records[0].toArray(),
             (QJsonArray{QStringLiteral("city"), QStringLiteral("date"), QStringLiteral("temp_max"),
                         QStringLiteral("rain_mm"), QStringLiteral("note")}));
    QCOMPARE(records[2].toArray().at(4).toString(), QStringLiteral("snow, light"));
    QCOMPARE(records[12].toArray().at(2).toString(), QStringLiteral("-6.5"));
}

void TestCli::syntheticFailureExits4() {
    const QString timings = tmp("fail-timings.csv");
    const CliResult r =
        runCli({QStringLiteral("synthetic"), QStringLiteral("--quiet"), QStringLiteral("--tasks"),
                QStringLiteral("4"), QStringLiteral("--mean-ms"), QStringLiteral("1"),
                QStringLiteral("--fail-rate"), QStringLiteral("1"), QStringLiteral("--retries"),
                QStringLiteral("1"), QStringLiteral("--workers"), QStringLiteral("2"),
                QStringLiteral("--timings"), timings});
    QCOMPARE(r.exitCode, 4);
    QVERIFY2(r.err.contains("failed"), r.err.constData());
    QVERIFY(r.out.isEmpty());
    // The attempts that ran are still written: every one failed, each task tried twice at most.
    sf::test::CsvRows rows;
    QVERIFY(sf::test::readCsvFile(timings, &rows));
    QVERIFY(rows.size() >= 3);
    const qsizetype state = rows[0].indexOf("state");
    QVERIFY(state >= 0);
    for (qsizetype i = 1; i < rows.size(); ++i)
        QVERIFY2(rows[i][state] != "done", rows[i][state].constData());
}

void TestCli::timingsAndTraceParse() {
    const QString timings = tmp("timings.csv");
    const QString trace = tmp("trace.json");
    const CliResult r =
        runCli({QStringLiteral("profile"), QStringLiteral("--quiet"),
                QStringLiteral("--chunk-rows"), QStringLiteral("3"), QStringLiteral("--workers"),
                QStringLiteral("2"), QStringLiteral("--timings"), timings,
                QStringLiteral("--trace"), trace, fixture("weather.csv")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    sf::test::CsvRows rows;
    QVERIFY(sf::test::readCsvFile(timings, &rows));
    QCOMPARE(rows.size(), 5); // header + 4 tasks of 3 rows
    QCOMPARE(rows[0].size(), 19);
    const qsizetype rowsCol = rows[0].indexOf("rows");
    const qsizetype stateCol = rows[0].indexOf("state");
    qint64 total = 0;
    for (qsizetype i = 1; i < rows.size(); ++i) {
        total += rows[i][rowsCol].toLongLong();
        QCOMPARE(rows[i][stateCol], QByteArray("done"));
    }
    QCOMPARE(total, 12);
    QCOMPARE(checkTrace(trace), 4);
}

void TestCli::sigintWritesPartialTrace() {
    const QString trace = tmp("partial-trace.json");
    const QString timings = tmp("partial-timings.csv");
    QProcess p;
    p.start(cliBinary(),
            {QStringLiteral("synthetic"), QStringLiteral("--no-progress"),
             QStringLiteral("--tasks"), QStringLiteral("60"), QStringLiteral("--mean-ms"),
             QStringLiteral("200"), QStringLiteral("--sleep"), QStringLiteral("--workers"),
             QStringLiteral("2"), QStringLiteral("--trace"), trace, QStringLiteral("--timings"),
             timings});
    QVERIFY(p.waitForStarted(10000));
    QTest::qWait(300);
    QCOMPARE(p.state(), QProcess::Running);
    QCOMPARE(::kill(pid_t(p.processId()), SIGINT), 0);
    QVERIFY2(p.waitForFinished(15000), "cancelled run must stop promptly");
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 130);
    QVERIFY(p.readAllStandardError().contains("interrupted"));
    const int done = checkTrace(trace);
    QVERIFY2(done >= 0, "partial trace must be valid JSON with named lanes");
    QVERIFY(done < 60);
    QJsonParseError e;
    const QJsonObject other =
        readJsonFile(trace, &e).object().value(QStringLiteral("otherData")).toObject();
    QCOMPARE(other.value(QStringLiteral("cancelled")).toBool(), true);
    sf::test::CsvRows rows;
    QVERIFY(sf::test::readCsvFile(timings, &rows));
    QVERIFY(rows.size() >= 2);
}

void TestCli::inspectReportsBadRecord() {
    const CliResult r =
        runCli({QStringLiteral("inspect"), QStringLiteral("--quiet"),
                QStringLiteral("--chunk-rows"), QStringLiteral("2"), fixture("bad.csv")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject doc = parseObject(r.out);
    QCOMPARE(doc.value(QStringLiteral("format")).toString(), QStringLiteral("csv"));
    QCOMPARE(doc.value(QStringLiteral("delimiter")).toString(), QStringLiteral(","));
    QCOMPARE(doc.value(QStringLiteral("header")).toBool(), true);
    QCOMPARE(doc.value(QStringLiteral("rows")).toInteger(), 5);
    QCOMPARE(doc.value(QStringLiteral("rejected_rows")).toInteger(), 1);
    const QJsonArray columns = doc.value(QStringLiteral("columns")).toArray();
    QCOMPARE(columns.size(), 3);
    QCOMPARE(columns[0][QStringLiteral("name")].toString(), QStringLiteral("id"));
    QCOMPARE(columns[0][QStringLiteral("type")].toString(), QStringLiteral("int64"));
    QCOMPARE(columns[1][QStringLiteral("type")].toString(), QStringLiteral("string"));
    const QJsonArray rejects = doc.value(QStringLiteral("rejects")).toArray();
    QCOMPARE(rejects.size(), 1);
    QCOMPARE(rejects[0][QStringLiteral("line")].toInteger(), 4);
    QCOMPARE(rejects[0][QStringLiteral("raw")].toString(), QStringLiteral("3,c,30,extra"));
    QVERIFY(!rejects[0][QStringLiteral("reason")].toString().isEmpty());
}

void TestCli::rejectsFileAndFailMode() {
    const QString rejects = tmp("rejects.csv");
    CliResult r = runCli({QStringLiteral("profile"), QStringLiteral("--no-progress"),
                          QStringLiteral("--rejects"), rejects, fixture("bad.csv")});
    QVERIFY2(r.exitCode == 0, r.err.constData()); // skip is the default: reported, not fatal
    QCOMPARE(parseObject(r.out).value(QStringLiteral("rejected_rows")).toInteger(), 1);
    QVERIFY(r.err.contains("line 4"));
    sf::test::CsvRows rows;
    QVERIFY(sf::test::readCsvFile(rejects, &rows));
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows[0], (QList<QByteArray>{"file", "line", "column", "offset", "reason", "raw"}));
    QCOMPARE(rows[1][0], fixture("bad.csv").toUtf8());
    QCOMPARE(rows[1][1], QByteArray("4"));
    QCOMPARE(rows[1][3], QByteArray("28")); // byte offset of the record
    QCOMPARE(rows[1][5], QByteArray("3,c,30,extra"));

    r = runCli({QStringLiteral("profile"), QStringLiteral("--quiet"),
                QStringLiteral("--on-bad-row"), QStringLiteral("fail"), fixture("bad.csv")});
    QCOMPARE(r.exitCode, 3);
    QVERIFY(r.out.isEmpty());
}

void TestCli::sweepTable() {
    const QString out = tmp("sweep.csv");
    const CliResult r =
        runCli({QStringLiteral("sweep"), QStringLiteral("--analysis"), QStringLiteral("profile"),
                QStringLiteral("--quiet"), QStringLiteral("--chunk-rows"), QStringLiteral("4,12"),
                QStringLiteral("--workers"), QStringLiteral("1,2"), QStringLiteral("--policy"),
                QStringLiteral("fifo,longest"), QStringLiteral("--repeat"), QStringLiteral("2"),
                QStringLiteral("--out"), out, fixture("weather.csv")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.startsWith("Best: chunk_rows="), r.out.constData());
    sf::test::CsvRows rows;
    QVERIFY(sf::test::readCsvFile(out, &rows));
    QCOMPARE(rows.size(), 9); // 2 chunks x 2 policies x 2 worker counts
    const QList<QByteArray> header{"chunk_rows", "workers", "policy",     "repeats",
                                   "median_ms",  "min_ms",  "max_ms",     "rows_per_s",
                                   "mb_per_s",   "speedup", "efficiency", "baseline_workers"};
    QCOMPARE(rows[0], header);
    QCOMPARE(rows[1][0], QByteArray("4"));
    QCOMPARE(rows[1][2], QByteArray("fifo"));
    for (qsizetype i = 1; i < rows.size(); ++i) {
        QCOMPARE(rows[i][3], QByteArray("2"));
        QVERIFY(rows[i][5].toDouble() <= rows[i][4].toDouble());
        QVERIFY(rows[i][4].toDouble() <= rows[i][6].toDouble());
        if (rows[i][1] == "1") {
            QCOMPARE(rows[i][9], QByteArray("1.000"));
            QCOMPARE(rows[i][10], QByteArray("1.000"));
        }
    }
}

void TestCli::sweepSampleAndJson() {
    const QString json = tmp("sweep.json");
    const CliResult r =
        runCli({QStringLiteral("sweep"), QStringLiteral("--analysis"), QStringLiteral("profile"),
                QStringLiteral("--chunk-rows"), QStringLiteral("2,3"), QStringLiteral("--workers"),
                QStringLiteral("1,2"), QStringLiteral("--repeat"), QStringLiteral("1"),
                QStringLiteral("--sample"), QStringLiteral("stratified:2"),
                QStringLiteral("--json"), json, fixture("weather.csv")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    // The table on stdout, the sample note and the verdict on stderr.
    sf::test::CsvRows rows;
    QVERIFY(sf::test::parseCsvText(r.out, &rows));
    QCOMPARE(rows.size(), 5);
    QVERIFY2(r.err.contains("superflow-cli: Measured on a stratified sample: 2 chunks of 3 rows "
                            "spread evenly over the dataset (6 of 12 rows, 50.0%).\n"),
             r.err.constData());
    const qsizetype best = r.err.indexOf("\nBest: chunk_rows=");
    QVERIFY2(best > 0, r.err.constData());
    QVERIFY(r.err.indexOf("Why the others lose:\n", best) > best);
    QJsonParseError e;
    const QJsonObject doc = readJsonFile(json, &e).object();
    QCOMPARE(e.error, QJsonParseError::NoError);
    QCOMPARE(doc.value(QStringLiteral("status")).toString(), QStringLiteral("complete"));
    QCOMPARE(doc.value(QStringLiteral("sample")).toString(), QStringLiteral("stratified:2"));
    QCOMPARE(doc.value(QStringLiteral("sample_rows")).toInt(), 6);
    const QJsonArray cells = doc.value(QStringLiteral("cells")).toArray();
    QCOMPARE(cells.size(), 4);
    QCOMPARE(cells[0].toObject().value(QStringLiteral("chunk_rows")).toInt(), 2);
    QCOMPARE(cells[0].toObject().value(QStringLiteral("tasks")).toInt(), 3); // 6 rows / 2
    QCOMPARE(cells[2].toObject().value(QStringLiteral("tasks")).toInt(), 2); // 6 rows / 3
    QCOMPARE(cells[0].toObject().value(QStringLiteral("rows")).toInt(), 6);
    const QJsonObject rec = doc.value(QStringLiteral("recommendation")).toObject();
    QCOMPARE(rec.value(QStringLiteral("others")).toArray().size(), 3);
    QVERIFY(rec.value(QStringLiteral("text")).toString().startsWith(QStringLiteral("Best: ")));
    for (const QJsonValue &v : rec.value(QStringLiteral("others")).toArray())
        QVERIFY(!v.toObject().value(QStringLiteral("reason")).toString().isEmpty());

    const CliResult bad =
        runCli({QStringLiteral("sweep"), QStringLiteral("--analysis"), QStringLiteral("profile"),
                QStringLiteral("--sample"), QStringLiteral("last:2"), fixture("weather.csv")});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.startsWith("superflow-cli sweep: --sample must be first:N or stratified:N "
                                "with N ≥ 1, got 'last:2'\n"),
             bad.err.constData());
}


// --plot renders the sweep's charts offscreen into one page per file format; in engine-only
// builds (sanitizer presets) it is a clear usage error instead.
void TestCli::sweepPlot() {
    const QStringList sweep{QStringLiteral("sweep"),        QStringLiteral("--analysis"),
                            QStringLiteral("synthetic"),    QStringLiteral("--tasks"),
                            QStringLiteral("8"),            QStringLiteral("--workers"),
                            QStringLiteral("1,2"),          QStringLiteral("--repeat"),
                            QStringLiteral("1"),            QStringLiteral("--quiet"),
                            QStringLiteral("--no-progress")};
#ifdef SF_CLI_CHARTS
    const QString png = tmp("sweep.png");
    CliResult r = runCli(sweep + QStringList{QStringLiteral("--plot"), png,
                                             QStringLiteral("--plot-size"),
                                             QStringLiteral("800x600")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QImage image(png);
    QCOMPARE(image.size(), QSize(800, 600));
    // Not a blank page: the heatmap's cells and the curves use more than a few colours.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));
    const QString svg = tmp("sweep.svg");
    r = runCli(sweep + QStringList{QStringLiteral("--plot"), svg});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QFile svgFile(svg);
    QVERIFY(svgFile.open(QIODevice::ReadOnly));
    const QByteArray svgText = svgFile.readAll();
    QVERIFY(svgText.contains("<svg"));
    QVERIFY(svgText.contains("</svg>"));
    const QString pdf = tmp("sweep.pdf");
    r = runCli(sweep + QStringList{QStringLiteral("--plot"), pdf});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QFile pdfFile(pdf);
    QVERIFY(pdfFile.open(QIODevice::ReadOnly));
    QVERIFY(pdfFile.readAll().startsWith("%PDF-"));
    r = runCli(sweep + QStringList{QStringLiteral("--plot"), tmp("sweep.gif")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("--plot must end in .png, .svg or .pdf, got '"), r.err.constData());
    r = runCli(sweep + QStringList{QStringLiteral("--plot"), png, QStringLiteral("--plot-size"),
                                   QStringLiteral("12x9")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("--plot-size needs WIDTHxHEIGHT between 200 and 10000, got '12x9'"),
             r.err.constData());
    // The charts come from a module loaded for --plot alone: other commands start without
    // Qt's GUI libraries (the dynamic loader lists what it loads under LD_DEBUG=files).
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LD_DEBUG"), QStringLiteral("files"));
    r = runCli({QStringLiteral("--version")}, 60000, env);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains("libQt6Core.so"), r.err.left(2000).constData());
    QVERIFY2(!r.err.contains("libQt6Widgets.so") && !r.err.contains("libQt6Gui.so"),
             r.err.left(4000).constData());
    r = runCli(sweep + QStringList{QStringLiteral("--plot"), png}, 60000, env);
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.err.contains("superflow-cli-charts.so"));
    QVERIFY(r.err.contains("libQt6Widgets.so"));
#else
    const CliResult r = runCli(sweep + QStringList{QStringLiteral("--plot"), tmp("sweep.png")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("--plot is not available"), r.err.constData());
#endif
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
