// MappedFile: plain mapping, gzip/zstd stream decompression (multi-member, multi-frame), and
// clear errors for missing, directory, truncated, corrupt and cancelled input.
#include "data/mappedfile.h"
#include "tst_csvsupport.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace sf;
using namespace sf::test;

class TestMappedFile : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QTemporaryDir m_tmp; // TMPDIR for the decompressed files, to see none is left behind
    QByteArray m_plain;

    std::shared_ptr<MappedFile> open(const QByteArray &bytes, QString *error,
                                     const OpenControl &control = {})
    {
        const QString path = writeTemp(m_dir, QStringLiteral("m.bin"), bytes);
        return MappedFile::open(path, control, error);
    }
    int tempFiles() const { return int(QDir(m_tmp.path()).entryList(QDir::Files).size()); }

private slots:
    void initTestCase()
    {
        qputenv("TMPDIR", m_tmp.path().toLocal8Bit());
        QCOMPARE(QDir::tempPath(), QDir(m_tmp.path()).canonicalPath());
        for (int i = 0; i < 200000; ++i)
            m_plain += "row," + QByteArray::number(i * 7919 % 100003) + ",some text\n";
        QVERIFY(m_plain.size() > 3 * 1024 * 1024); // several 1 MiB blocks
    }
    void plainAndEmpty()
    {
        QString error;
        auto f = open(m_plain, &error);
        QVERIFY2(f, qPrintable(error));
        QCOMPARE(f->compression(), QString());
        QVERIFY(f->bytes() == std::string_view(m_plain.constData(), std::size_t(m_plain.size())));
        auto empty = open(QByteArray(), &error);
        QVERIFY(empty);
        QCOMPARE(empty->bytes().size(), std::size_t(0));
    }
    void gzipAndZstd()
    {
        QString error;
        for (const QByteArray &packed : {gzipBytes(m_plain), zstdBytes(m_plain)}) {
            QVERIFY(!packed.isEmpty());
            std::int64_t calls = 0, last = 0, total = 0;
            OpenControl c;
            c.progress = [&](std::int64_t done, std::int64_t all) {
                ++calls;
                last = done;
                total = all;
            };
            {
                auto f = open(packed, &error, c);
                QVERIFY2(f, qPrintable(error));
                QVERIFY(f->bytes() == std::string_view(m_plain.constData(), std::size_t(m_plain.size())));
                QCOMPARE(f->compression(), packed.startsWith("\x1f\x8b") ? QStringLiteral("gzip") : QStringLiteral("zstd"));
            }
            QCOMPARE(tempFiles(), 0); // Qt uses an unnamed O_TMPFILE where it can; never a leftover
            QVERIFY(calls >= 1);
            QCOMPARE(last, packed.size());
            QCOMPARE(total, packed.size());
        }
    }
    void multiMemberAndMultiFrame()
    {
        const QByteArray a = "first part\n", b = "second part\n";
        QString error;
        auto gz = open(gzipBytes(a) + gzipBytes(b) + QByteArray(16, '\0'), &error);
        QVERIFY2(gz, qPrintable(error));
        QCOMPARE(QByteArray(gz->bytes().data(), qsizetype(gz->bytes().size())), a + b);
        auto zs = open(zstdBytes(a) + zstdBytes(b), &error);
        QVERIFY2(zs, qPrintable(error));
        QCOMPARE(QByteArray(zs->bytes().data(), qsizetype(zs->bytes().size())), a + b);
        auto emptyGz = open(gzipBytes(QByteArray()), &error);
        QVERIFY(emptyGz);
        QCOMPARE(emptyGz->bytes().size(), std::size_t(0));
    }
    void damagedStreams()
    {
        QString error;
        const QByteArray gz = gzipBytes(m_plain);
        QVERIFY(!open(gz.left(gz.size() / 2), &error));
        QVERIFY2(error.endsWith(QStringLiteral(": truncated gzip stream (ends at byte %1)").arg(gz.size() / 2)), qPrintable(error));
        QByteArray corrupt = gz;
        for (int i = 100; i < 200; ++i)
            corrupt[i] = char(corrupt[i] ^ 0x5a);
        QVERIFY(!open(corrupt, &error));
        QVERIFY2(error.contains(QStringLiteral(": corrupt gzip stream at byte ")), qPrintable(error));
        QVERIFY(!open(gz + "garbage", &error));
        QVERIFY2(error.contains(QStringLiteral("trailing garbage after gzip stream at byte %1").arg(gz.size())), qPrintable(error));
        QByteArray badCrc = gzipBytes("hello\n");
        badCrc[badCrc.size() - 8] = char(badCrc[badCrc.size() - 8] ^ 1);
        QVERIFY(!open(badCrc, &error));
        QVERIFY2(error.contains(QStringLiteral("corrupt gzip stream")), qPrintable(error));

        const QByteArray zs = zstdBytes(m_plain);
        QVERIFY(!open(zs.left(zs.size() - 10), &error));
        QVERIFY2(error.contains(QStringLiteral(": truncated zstd stream")), qPrintable(error));
        QByteArray zcorrupt = zs;
        for (int i = 50; i < 150; ++i)
            zcorrupt[i] = char(zcorrupt[i] ^ 0x5a);
        QVERIFY(!open(zcorrupt, &error));
        QVERIFY2(error.contains(QStringLiteral(": corrupt zstd stream at byte ")), qPrintable(error));
        QCOMPARE(tempFiles(), 0); // failed decompressions leave nothing behind
    }
    void cancelDuringDecompression()
    {
        std::atomic<bool> cancel{false};
        OpenControl c;
        c.cancel = &cancel;
        c.progress = [&](std::int64_t, std::int64_t) { cancel = true; };
        QString error;
        QVERIFY(!open(gzipBytes(m_plain, 0), &error, c)); // stored blocks: > 1 MiB of input
        QVERIFY2(error.endsWith(QStringLiteral(": cancelled")), qPrintable(error));
        QCOMPARE(tempFiles(), 0);
    }
    void pathErrors()
    {
        QString error;
        const QString missing = m_dir.filePath(QStringLiteral("missing.gz"));
        QVERIFY(!MappedFile::open(missing, {}, &error));
        QCOMPARE(error, missing + QStringLiteral(": not found"));
        QVERIFY(!MappedFile::open(m_dir.path(), {}, &error));
        QCOMPARE(error, m_dir.path() + QStringLiteral(": is a directory"));
    }
};

QTEST_GUILESS_MAIN(TestMappedFile)
#include "tst_mappedfile.moc"
