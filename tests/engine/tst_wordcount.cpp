// WordCountAnalysis: tokenizing, Unicode lower-casing, exact counts, tie order, whole lines.
#include "analysis/analysisregistry.h"
#include "analysis/wordcountanalysis.h"
#include "analysistestkit.h"
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace sf;
using sf::test::TestRow;

class TestWordCount : public QObject {
    Q_OBJECT

    Schema m_schema = test::makeSchema({{"id", ColumnType::Int64}, {"text", ColumnType::String}});
    std::vector<TestRow> m_rows{
        {"1", "The cat; the DOG."}, {"2", "Été été ÉTÉ — naïve café"},
        {"3", std::nullopt},        {"4", "dog's 42 cat"},
        {"5", "x2 X2 the"},
    };

    std::shared_ptr<Analysis> make(const QString &column, int top, QString *error = nullptr) {
        AnalysisOptions o;
        o.column = column;
        o.top = top;
        QString message;
        std::shared_ptr<Analysis> a = createAnalysis(QStringLiteral("wordcount"), o, &message);
        if (a && !a->prepare(m_schema, &message)) a.reset();
        if (error) *error = message;
        return a;
    }

    static QStringList terms(const QJsonObject &json) {
        QStringList out;
        for (const auto &t : json[QStringLiteral("terms")].toArray())
            out.append(t[QStringLiteral("term")].toString() + QLatin1Char('=') +
                       QString::number(t[QStringLiteral("count")].toInteger()));
        return out;
    }

private Q_SLOTS:
    void tokenizer() {
        std::vector<std::string> seen;
        std::string scratch;
        WordCountAnalysis::tokenize("Hello, WORLD!it's  x_1", scratch,
                                    [&](std::string_view t) { seen.emplace_back(t); });
        QCOMPARE(seen, (std::vector<std::string>{"hello", "world", "it", "s", "x", "1"}));
        seen.clear();
        // Non-ASCII path: letters with marks and non-BMP letters stay in the token.
        WordCountAnalysis::tokenize("ÀB\xcc\x81"
                                    "c–Straße 𝐀x",
                                    scratch, [&](std::string_view t) { seen.emplace_back(t); });
        QCOMPARE(seen, (std::vector<std::string>{"àb\xcc\x81"
                                                 "c",
                                                 "straße", "𝐀x"}));
    }

    void topTermsExact() {
        auto a = make(QStringLiteral("text"), 5);
        QVERIFY(a);
        const AnalysisResult r = test::runChunked(*a, m_rows, 2);
        // Ties (count 2) ordered by term, bytewise.
        QCOMPARE(terms(r.json), QStringList({QStringLiteral("the=3"), QStringLiteral("été=3"),
                                             QStringLiteral("cat=2"), QStringLiteral("dog=2"),
                                             QStringLiteral("x2=2")}));
        QCOMPARE(r.json[QStringLiteral("total_terms")].toInteger(), 16);
        QCOMPARE(r.json[QStringLiteral("distinct_terms")].toInteger(), 9);
        QCOMPARE(r.json[QStringLiteral("column")].toString(), QStringLiteral("text"));
        QCOMPARE(r.table.rowCount(), 5);
        QCOMPARE(r.table.rowValues(0), QVariantList({QStringLiteral("the"), qlonglong(3)}));
        for (std::int64_t chunk : {1, 3, 100})
            QCOMPARE(test::runChunked(*a, m_rows, chunk).json, r.json);
    }

    void wholeLines() {
        auto a = make(QString(), 2);
        QVERIFY(a);
        const AnalysisResult r = test::runChunked(*a, m_rows, 1);
        // Raw lines include the id field: 1, 2, 3, 4, 5 are terms too.
        QCOMPARE(terms(r.json), QStringList({QStringLiteral("the=3"), QStringLiteral("été=3")}));
        QCOMPARE(r.json[QStringLiteral("total_terms")].toInteger(), 21);
        QCOMPARE(r.json[QStringLiteral("distinct_terms")].toInteger(), 14);
    }

    void errors() {
        QString error;
        QVERIFY(!make(QStringLiteral("txt"), 5, &error));
        QCOMPARE(error, QStringLiteral("wordcount: unknown column 'txt' (did you mean: text?)"));
        QVERIFY(!make(QStringLiteral("text"), 0, &error));
        QCOMPARE(error, QStringLiteral("wordcount: --top must be at least 1, not 0"));
    }
};

QTEST_GUILESS_MAIN(TestWordCount)
#include "tst_wordcount.moc"
