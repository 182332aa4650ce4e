// RecordBlock and RecordReader::nextBlock: blocks hold exactly the records next() yields, in
// order, across block boundaries; views stay valid for the whole block (unescaped CSV fields
// and every JSON field are copied); short records are padded with nulls; rejects still go to
// the sink.
#include "tst_csvsupport.h"

#include <QTest>

using namespace sf;


class TestRecordBlock : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void csvBlocksMatchRecords()
    {
        // 700 records (three blocks), every 5th with an escaped quote (copied from the
        // parser's scratch), every 7th with a quoted newline, every 50th malformed.
        QByteArray csv = "id,text,n\n";
        for (int i = 0; i < 700; ++i) {
            if (i % 50 == 49) {
                csv += QByteArray::number(i) + ",broken\n"; // too few fields: rejected
                continue;
            }
            QByteArray text = "plain" + QByteArray::number(i);
            if (i % 5 == 0) text = "\"say \"\"" + QByteArray::number(i) + "\"\" now\"";
            if (i % 7 == 0) text = "\"two\nlines " + QByteArray::number(i) + "\"";
            csv += QByteArray::number(i) + ',' + text + ',' + (i % 3 == 0 ? "NA" : "1") + '\n';
        }
        QTemporaryDir dir;
        auto src = test::openBytes(dir, csv);
        QVERIFY(src);
        const test::ReadBack byRecord = test::readAll(*src);
        const test::ReadBack byBlock = test::readBlocks(*src, 3);
        QCOMPARE(byBlock.rows.size(), 686);
        QCOMPARE(byBlock.rows, byRecord.rows);
        QCOMPARE(byBlock.nulls, byRecord.nulls);
        QCOMPARE(byBlock.rejects.size(), 14);
        QCOMPARE(byBlock.rejects.front().line, std::int64_t(1 + 50 + 7)); // header + 49 records, 7 of them two lines
        QCOMPARE(byBlock.rows[5][1], QByteArray("say \"5\" now"));
        QCOMPARE(byBlock.rows[7][1], QByteArray("two\nlines 7"));
    }

    void shortRecordsArePaddedWithNulls()
    {
        QTemporaryDir dir;
        auto src = test::openBytes(dir, "a,b\n1,2\n3,4\n");
        QVERIFY(src);
        const test::ReadBack b = test::readBlocks(*src, 4); // the caller wants more columns than there are
        QCOMPARE(b.rows.size(), 2);
        QCOMPARE(b.rows[1], (QList<QByteArray>{"3", "4", "", ""}));
        QCOMPARE(b.nulls[1], (QList<bool>{false, false, true, true}));
        const test::ReadBack fewer = test::readBlocks(*src, 1); // extra fields are dropped
        QCOMPARE(fewer.rows[0], QList<QByteArray>{"1"});
    }

    void jsonFieldsAreCopied()
    {
        QByteArray jsonl;
        for (int i = 0; i < 300; ++i)
            jsonl += "{\"k\": " + QByteArray::number(i) + ", \"s\": \"v" + QByteArray::number(i) + "\"}\n";
        QTemporaryDir dir;
        auto src = test::openBytes(dir, jsonl, {}, nullptr, QStringLiteral("data.jsonl"));
        QVERIFY(src);
        const test::ReadBack byRecord = test::readAll(*src);
        const test::ReadBack byBlock = test::readBlocks(*src, 2);
        QCOMPARE(byBlock.rows.size(), 300);
        QCOMPARE(byBlock.rows, byRecord.rows);
        QCOMPARE(byBlock.rows[299][1], QByteArray("v299"));
    }
};

QTEST_GUILESS_MAIN(TestRecordBlock)
#include "tst_recordblock.moc"
