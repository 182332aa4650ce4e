// Property test: for generated CSVs (seeded) with quoted delimiters, line ends and escaped
// quotes, every way of cutting the rows into chunks reads exactly the records a sequential
// read gives, in order, and those are exactly the records generated.
#include "tst_csvsupport.h"

#include "data/csvindexer.h"
#include "data/csvscan.h"
#include "data/mappedfile.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <thread>

using namespace sf;
using namespace sf::test;

namespace {

struct Generated {
    QByteArray text;
    QList<QList<QByteArray>> rows;
};

// `specialOneIn`: about one character in that many / 6 is a delimiter, quote, line end or
// UTF-8 (40: most fields have one; 2000: most records are plain, as in data files).
QByteArray randomField(QRandomGenerator &rng, char delimiter, int specialOneIn = 40)
{
    static const char alphabet[] = "abcxyz0123456789 .-_";
    static const char *nullTexts[] = {"", "NA", "null", "NaN", "n/a", "#N/A", "None", "nan"};
    if (specialOneIn > 40 && rng.bounded(0, 16) == 0) return nullTexts[rng.bounded(0, 8)];
    QByteArray f;
    const int len = rng.bounded(0, 12);
    for (int i = 0; i < len; ++i) {
        const int pick = rng.bounded(0, specialOneIn);
        if (pick == 0) f += delimiter;
        else if (pick == 1) f += '"';
        else if (pick == 2) f += '\n';
        else if (pick == 3) f += "\r\n";
        else if (pick == 4) f += '\r';
        else if (pick == 5) f += "\xC3\xA9"; // é: multi-byte UTF-8
        else f += alphabet[rng.bounded(0, int(sizeof(alphabet)) - 1)];
    }
    return f;
}

QByteArray encode(QRandomGenerator &rng, const QByteArray &f, char delimiter)
{
    const bool must = f.contains(delimiter) || f.startsWith('"') || f.contains('\n') || f.contains('\r');
    // Quotes inside an unquoted field are data (not at its start), so only some need quoting.
    if (!must && rng.bounded(0, 4) != 0) return f;
    QByteArray q = f;
    q.replace("\"", "\"\"");
    return '"' + q + '"';
}

// `malformed`: about one record in that many has a field too many or too few (rejected, so not
// in `rows`); 0 for none. `specialOneIn` as randomField's.
Generated generate(quint32 seed, int rows, int columns, char delimiter, int malformed = 0,
                   int specialOneIn = 40)
{
    QRandomGenerator rng(seed);
    Generated g;
    for (int c = 0; c < columns; ++c)
        g.text += (c ? QByteArray(1, delimiter) : QByteArray()) + "c" + QByteArray::number(c);
    g.text += '\n';
    static const char *ends[] = {"\n", "\r\n", "\r"};
    for (int r = 0; r < rows; ++r) {
        QList<QByteArray> row;
        QByteArray line;
        for (int c = 0; c < columns; ++c) {
            QByteArray f = randomField(rng, delimiter, specialOneIn);
            if (columns == 1 && f.isEmpty()) f = "e"; // a lone empty field is a blank line
            row.append(f);
            if (c) line += delimiter;
            line += encode(rng, f, delimiter);
        }
        if (malformed > 0 && rng.bounded(0, malformed) == 0) {
            if (columns > 1 && rng.bounded(0, 2) == 0)
                line.truncate(0), line += "short"; // one field
            else
                line += delimiter + QByteArray("extra");
        } else {
            g.rows.append(row);
        }
        g.text += line;
        if (r + 1 < rows || rng.bounded(0, 2)) g.text += ends[rng.bounded(0, 3)];
        if (rng.bounded(0, 30) == 0 && r + 1 < rows) g.text += '\n'; // blank line
    }
    return g;
}

QList<QList<QByteArray>> readChunks(const DataSource &src, const QList<ChunkRange> &chunks)
{
    QList<QList<QByteArray>> out;
    std::int64_t expectNext = 0;
    for (const ChunkRange &c : chunks) {
        const ReadBack r = readRange(src, c.firstRow, c.rowCount);
        if (!r.rejects.isEmpty()) qWarning("reject: %s", qPrintable(r.rejects[0].reason));
        for (std::int64_t n : r.rowNumbers) {
            if (n != expectNext) qWarning("row %lld where %lld was expected", qlonglong(n), qlonglong(expectNext));
            ++expectNext;
        }
        out += r.rows;
    }
    return out;
}

// The index as csvscan.h's grammar defines it, one record at a time: every record start with
// its line, and where an unterminated quote ends the data.
struct ReferenceIndex {
    std::vector<Checkpoint> starts;
    std::int64_t dataEnd = 0;
    std::int64_t rejectLine = 0;
    std::int64_t rejectColumn = 0;
};

ReferenceIndex referenceIndex(std::string_view data, const csv::Dialect &d)
{
    ReferenceIndex r;
    const char *base = data.data();
    const char *e = base + data.size();
    r.dataEnd = std::int64_t(data.size());
    std::int64_t line = d.dataLine;
    const char *p = csv::skipLineEnds(base + d.dataBegin, e, &line);
    while (p < e) {
        const csv::RecordEnd end = csv::findRecordEnd(p, e, d.delimiter, d.quote);
        if (end.openQuote) {
            const csv::Location loc = csv::locate(p, line, end.openQuote);
            r.rejectLine = loc.line;
            r.rejectColumn = loc.column;
            r.dataEnd = p - base;
            break;
        }
        r.starts.push_back({p - base, line});
        line += end.innerLines;
        p = csv::skipLineEnds(end.end, e, &line);
    }
    return r;
}

} // namespace

class TestCsvProperty : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        // Which scan builds these properties check: the AVX2 ones where the CPU has it, the
        // baseline ones when CTest runs this again with SUPERFLOW_NO_AVX2 set.
        if (qEnvironmentVariableIsSet("SF_EXPECT_BASELINE_SCAN")) {
            QVERIFY(!csv::hasAvx2());
        } else {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
            const bool cpu = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt") &&
                             __builtin_cpu_supports("bmi") && __builtin_cpu_supports("bmi2");
            QCOMPARE(csv::hasAvx2(), cpu);
#endif
        }
        qInfo("CSV scans: %s", csv::hasAvx2() ? "AVX2" : "baseline");
    }
    void chunkingNeverChangesRecords_data()
    {
        QTest::addColumn<quint32>("seed");
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("columns");
        QTest::addColumn<char>("delimiter");
        QTest::newRow("comma 1000x4") << 1u << 1000 << 4 << ',';
        QTest::newRow("comma 777x1") << 2u << 777 << 1 << ',';
        QTest::newRow("semicolon 1500x3") << 3u << 1500 << 3 << ';';
        QTest::newRow("tab 300x6") << 4u << 300 << 6 << '\t';
        QTest::newRow("pipe 129x2") << 5u << 129 << 2 << '|';
        QTest::newRow("comma 128x5") << 6u << 128 << 5 << ',';
    }
    void chunkingNeverChangesRecords()
    {
        QFETCH(quint32, seed);
        QFETCH(int, rows);
        QFETCH(int, columns);
        QFETCH(char, delimiter);
        const Generated g = generate(seed, rows, columns, delimiter);
        SourceOptions o;
        o.header = SourceOptions::Header::Yes;
        o.delimiter = delimiter;
        auto src = openBytes(m_dir, g.text, o);
        QVERIFY(src);
        QCOMPARE(src->rowCount(), rows);
        QVERIFY(src->indexRejects().isEmpty());
        const ReadBack all = readAll(*src);
        QVERIFY(all.rejects.isEmpty());
        QCOMPARE(all.rows.size(), g.rows.size());
        for (int i = 0; i < g.rows.size(); ++i)
            QCOMPARE(all.rows[i], g.rows[i]);

        for (int size : {1, 2, 3, 7, 64, 127, 128, 129, 1000, rows}) {
            QList<ChunkRange> chunks;
            for (std::int64_t first = 0; first < rows; first += size) {
                ChunkRange c;
                c.firstRow = first;
                c.rowCount = std::min<std::int64_t>(size, rows - first);
                chunks.append(c);
            }
            QVERIFY2(readChunks(*src, chunks) == all.rows, qPrintable(QString::number(size)));
        }
        // Byte-unit chunks: whole runs of checkpoints, of random lengths.
        const RowIndex &idx = src->index();
        QRandomGenerator rng(seed * 7919u);
        for (int round = 0; round < 5; ++round) {
            QList<ChunkRange> chunks;
            std::size_t k = 0;
            while (k < idx.checkpoints.size()) {
                const std::size_t next = std::min(idx.checkpoints.size(), k + std::size_t(rng.bounded(1, 4)));
                ChunkRange c;
                c.firstRow = std::int64_t(k) * idx.stride;
                c.rowCount = std::min<std::int64_t>(std::int64_t(next) * idx.stride, rows) - c.firstRow;
                c.byteBegin = idx.checkpoints[k].offset;
                c.byteEnd = next < idx.checkpoints.size() ? idx.checkpoints[next].offset : idx.dataEnd;
                chunks.append(c);
                k = next;
            }
            QVERIFY(readChunks(*src, chunks) == all.rows);
        }
        // bytesConsumed of a checkpoint-aligned chunk is its exact byte span.
        if (idx.checkpoints.size() > 1) {
            RejectSink sink;
            ChunkRange c;
            c.firstRow = 0;
            c.rowCount = idx.stride;
            auto reader = src->reader(c, sink);
            Record rec;
            while (reader->next(rec)) {}
            QCOMPARE(reader->rowsConsumed(), idx.stride);
            QCOMPARE(reader->bytesConsumed(), idx.checkpoints[1].offset - idx.checkpoints[0].offset);
        }
    }
    void blockIndexMatchesRecordScan()
    {
        // Random texts over the bytes that matter, dense in quotes and line ends so that pairs,
        // openings, CRLFs and record starts fall on every position of the 64-byte blocks.
        QRandomGenerator rng(20261206u);
        static const char alphabet[] = {'a', 'b', ',', ',', '"', '"', '\n', '\r', ' ', ';'};
        int unterminated = 0;
        for (int round = 0; round < 6000; ++round) {
            std::string text;
            const int length = rng.bounded(0, 400);
            const int density = rng.bounded(1, 5); // 1: mostly structure, 4: mostly letters
            for (int i = 0; i < length; ++i)
                text += rng.bounded(0, density) == 0 ? alphabet[rng.bounded(0, 10)] : 'x';
            csv::Dialect d;
            d.delimiter = round % 5 == 4 ? ';' : ',';
            d.quote = round % 7 == 6 ? 0 : '"';
            d.dataBegin = std::min<std::int64_t>(rng.bounded(0, 4), std::int64_t(text.size()));
            d.dataLine = 1 + rng.bounded(0, 3);
            const ReferenceIndex want = referenceIndex(text, d);
            for (std::int64_t stride : {std::int64_t(1), std::int64_t(3), std::int64_t(128)}) {
                RowIndex got;
                QList<RejectedRecord> rejects;
                QVERIFY(csv::buildIndex(text, d, {}, &got, &rejects, stride));
                const QByteArray shown = QByteArray::fromStdString(text).toPercentEncoding();
                QVERIFY2(got.rowCount == std::int64_t(want.starts.size()), shown.constData());
                QVERIFY2(got.dataEnd == want.dataEnd, shown.constData());
                QCOMPARE(got.checkpoints.size(), (want.starts.size() + std::size_t(stride) - 1) / std::size_t(stride));
                for (std::size_t k = 0; k < got.checkpoints.size(); ++k) {
                    const Checkpoint &w = want.starts[k * std::size_t(stride)];
                    QVERIFY2(got.checkpoints[k].offset == w.offset && got.checkpoints[k].line == w.line,
                             shown.constData());
                }
                QCOMPARE(rejects.size(), want.rejectLine ? 1 : 0);
                if (want.rejectLine) {
                    QCOMPARE(rejects[0].line, want.rejectLine);
                    QCOMPARE(rejects[0].column, want.rejectColumn);
                    QCOMPARE(rejects[0].offset, want.dataEnd);
                }
            }
            unterminated += want.rejectLine ? 1 : 0;
        }
        QVERIFY(unterminated > 100); // the texts did exercise the unterminated tail
    }
    void fileIndexMatchesAcrossWindows()
    {
        // The file scan reads windows (one ahead on a helper thread when there are more than
        // two) and carries each window's unscanned end into the next: with windows as small as
        // one block, quotes, "" pairs and CRLFs fall across every window end, and the index must
        // be the one the whole text gives. The same with the file cut into segments scanned at
        // once.
        QTemporaryDir dir;
        QRandomGenerator rng(20261207u);
        static const char alphabet[] = {'a', ',', ',', '"', '"', '\n', '\r', ' '};
        for (int round = 0; round < 300; ++round) {
            std::string text;
            const int length = rng.bounded(0, 5000);
            const int density = rng.bounded(1, 5);
            for (int i = 0; i < length; ++i)
                text += rng.bounded(0, density) == 0 ? alphabet[rng.bounded(0, 8)] : 'x';
            csv::Dialect d;
            d.quote = round % 9 == 8 ? 0 : '"';
            d.dataBegin = std::min<std::int64_t>(rng.bounded(0, 4), std::int64_t(text.size()));
            RowIndex want;
            QList<RejectedRecord> wantRejects;
            QVERIFY(csv::buildIndex(text, d, {}, &want, &wantRejects, 3));
            const QString path = writeTemp(dir, QStringLiteral("w%1.csv").arg(round),
                                           QByteArray::fromStdString(text));
            QString error;
            const auto file = MappedFile::open(path, {}, &error);
            QVERIFY2(file, qPrintable(error));
            // Serially, then cut into 2-5 segments as small as 1-300 bytes, so segment starts
            // land inside quoted fields (the stitch must notice and go on serially) as well as
            // on true line starts.
            struct Split {
                int threads;
                std::size_t minSegment;
            };
            for (const Split split : {Split{1, 0}, Split{2, 1}, Split{3, 50}, Split{5, 300}}) {
                for (std::size_t window : {std::size_t(64), std::size_t(100), std::size_t(1000)}) {
                    RowIndex got;
                    QList<RejectedRecord> rejects;
                    OpenControl control;
                    control.threads = split.threads;
                    QVERIFY2(csv::buildIndex(*file, d, control, &got, &rejects, &error, 3, window, split.minSegment),
                             qPrintable(error));
                    const QByteArray shown = QByteArray::number(round) + " window " + QByteArray::number(qulonglong(window))
                                             + " threads " + QByteArray::number(split.threads);
                    QVERIFY2(got.rowCount == want.rowCount && got.dataEnd == want.dataEnd, shown.constData());
                    QVERIFY2(got.checkpoints.size() == want.checkpoints.size(), shown.constData());
                    for (std::size_t k = 0; k < got.checkpoints.size(); ++k)
                        QVERIFY2(got.checkpoints[k].offset == want.checkpoints[k].offset &&
                                     got.checkpoints[k].line == want.checkpoints[k].line,
                                 shown.constData());
                    QCOMPARE(rejects.size(), wantRejects.size());
                    if (!rejects.isEmpty()) {
                        QCOMPARE(rejects[0].line, wantRejects[0].line);
                        QCOMPARE(rejects[0].column, wantRejects[0].column);
                        QCOMPARE(rejects[0].raw, wantRejects[0].raw);
                    }
                }
            }
        }
    }
    void fileIndexStopsWhenCancelled_data()
    {
        QTest::addColumn<int>("threads");
        QTest::newRow("serial, reading ahead") << 1;
        QTest::newRow("two segments") << 2;
    }
    void fileIndexStopsWhenCancelled()
    {
        // Cancelled at the first progress tick of a 24 MB file, with the helper thread reading
        // ahead or with two segments on two threads: the scan returns false at once and leaves no
        // thread behind.
        QFETCH(int, threads);
        QTemporaryDir dir;
        QByteArray bytes;
        bytes.reserve(24 << 20);
        while (bytes.size() < (24 << 20))
            bytes += "1,\"two, three\",4\n";
        const auto file = MappedFile::open(writeTemp(dir, QStringLiteral("big.csv"), bytes), {}, nullptr);
        QVERIFY(file);
        std::atomic<bool> cancel{false};
        int ticks = 0;
        OpenControl control;
        control.cancel = &cancel;
        control.threads = threads;
        control.progress = [&](std::int64_t, std::int64_t) {
            ++ticks;
            cancel = true;
        };
        csv::Dialect d;
        RowIndex got;
        QList<RejectedRecord> rejects;
        QString error;
        const std::size_t segment = 4 << 20;
        QVERIFY(!csv::buildIndex(*file, d, control, &got, &rejects, &error, 128, 0, segment));
        QCOMPARE(ticks, 1);
        QVERIFY(error.isEmpty());
        cancel = false;
        control.progress = {};
        QVERIFY(csv::buildIndex(*file, d, control, &got, &rejects, &error, 128, 0, segment));
        QCOMPARE(got.rowCount, std::int64_t(bytes.count('\n')));
        QCOMPARE(got.checkpoints.size(), std::size_t((got.rowCount + 127) / 128));
        QCOMPARE(got.checkpoints.back().line, 1 + (got.rowCount - 1) / 128 * 128);
    }
    void blocksMatchRecords_data()
    {
        QTest::addColumn<quint32>("seed");
        QTest::addColumn<int>("columns");
        QTest::addColumn<char>("delimiter");
        QTest::addColumn<int>("specialOneIn");
        QTest::newRow("comma x4") << 11u << 4 << ',' << 40;
        QTest::newRow("comma x1") << 12u << 1 << ',' << 40;
        QTest::newRow("tab x7") << 13u << 7 << '\t' << 40;
        QTest::newRow("semicolon x2") << 14u << 2 << ';' << 40;
        // Mostly plain records (the fast path's), quoted fields, null texts among them.
        QTest::newRow("plain comma x8") << 15u << 8 << ',' << 2000;
        QTest::newRow("plain tab x3") << 16u << 3 << '\t' << 2000;
    }
    void blocksMatchRecords()
    {
        // Blocks (the fast path for plain records, the general one for quotes, CR, UTF-8 and
        // wrong field counts) hold exactly the records and null flags next() gives, and reject
        // the same records at the same lines, for every chunking.
        QFETCH(quint32, seed);
        QFETCH(int, columns);
        QFETCH(char, delimiter);
        QFETCH(int, specialOneIn);
        const Generated g = generate(seed, 3000, columns, delimiter, 40, specialOneIn);
        QByteArray text = g.text;
        SourceOptions o;
        o.header = SourceOptions::Header::Yes;
        o.delimiter = delimiter;
        auto src = openBytes(m_dir, text, o);
        QVERIFY(src);
        const ReadBack all = readAll(*src);
        QCOMPARE(all.rows.size(), g.rows.size());
        QVERIFY(!all.rejects.isEmpty());
        for (std::int64_t size : {std::int64_t(1), std::int64_t(97), std::int64_t(256),
                                  std::int64_t(1000), src->rowCount()}) {
            ReadBack blocks;
            for (std::int64_t first = 0; first < src->rowCount(); first += size) {
                const ReadBack part = readBlocks(*src, columns, first, size);
                blocks.rows += part.rows;
                blocks.nulls += part.nulls;
                blocks.rejects += part.rejects;
            }
            QCOMPARE(blocks.rows, all.rows);
            QCOMPARE(blocks.nulls, all.nulls);
            QCOMPARE(blocks.rejects.size(), all.rejects.size());
            for (qsizetype i = 0; i < all.rejects.size(); ++i) {
                QCOMPARE(blocks.rejects[i].line, all.rejects[i].line);
                QCOMPARE(blocks.rejects[i].column, all.rejects[i].column);
                QCOMPARE(blocks.rejects[i].reason, all.rejects[i].reason);
            }
        }
    }
    void concurrentReadersAgree()
    {
        const Generated g = generate(42u, 2000, 3, ',');
        SourceOptions o;
        o.header = SourceOptions::Header::Yes;
        o.delimiter = ',';
        auto src = openBytes(m_dir, g.text, o);
        QVERIFY(src);
        const ReadBack all = readAll(*src);
        QList<QList<QByteArray>> parts[4];
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&, t] { parts[t] = readRange(*src, t * 500, 500).rows; });
        for (auto &th : threads)
            th.join();
        QCOMPARE(parts[0] + parts[1] + parts[2] + parts[3], all.rows);
    }
};

QTEST_GUILESS_MAIN(TestCsvProperty)
#include "tst_csvproperty.moc"
