// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Corpus.h"
#include "YamlTree.h"

#include "pipeline/IncrementalYamlReader.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace gatehouse::pipeline;
using gatehouse::test::sameTree;

namespace {

const QString File = QStringLiteral(".gitlab-ci.yml");

const QByteArray Base = "# a pipeline\n"
                        "stages: [build, test]\n"
                        "\n"
                        ".template: &template\n"
                        "  image: alpine\n"
                        "  script:\n"
                        "    - echo setup\n"
                        "\n"
                        "variables:\n"
                        "  A: \"1\"\n"
                        "\n"
                        "build:\n"
                        "  <<: *template\n"
                        "  stage: build\n"
                        "  script: |\n"
                        "    make\n"
                        "    make test\n"
                        "\n"
                        "test:\n"
                        "  stage: test\n"
                        "  needs: [build]\n"
                        "  script:\n"
                        "    - run && check\n";

QByteArray replaced(QByteArray text, const QByteArray& from, const QByteArray& to)
{
    const qsizetype at = text.indexOf(from);
    Q_ASSERT(at >= 0);
    return text.replace(at, from.size(), to);
}

/// The incremental read must be the whole read, positions and problems included.
void verifySame(const YamlDocumentSet& incremental, const QByteArray& text, const QByteArray& previous = {})
{
    const QByteArray context = "after:\n" + text + "\nbefore:\n" + previous;
    const YamlDocumentSet whole = readYaml(text, File);
    QCOMPARE(incremental.ok, whole.ok);
    QCOMPARE(incremental.diagnostics, whole.diagnostics);
    QCOMPARE(incremental.anchorLines, whole.anchorLines);
    QCOMPARE(incremental.documents.size(), whole.documents.size());
    for (size_t i = 0; i < whole.documents.size(); ++i)
        QVERIFY2(sameTree(incremental.documents[i], whole.documents[i]), context.constData());
}

/// One random keystroke-like change: a character typed or deleted, a line split, joined, deleted or duplicated.
QByteArray randomEdit(const QByteArray& text, QRandomGenerator& random)
{
    static const QByteArray typed = "ab: -\n\"'[]{}#&*|>!x1 ";
    QByteArray out = text;
    const qsizetype at = out.isEmpty() ? 0 : qsizetype(random.bounded(int(out.size())));
    switch (random.bounded(6)) {
    case 0:
    case 1:
        return out.insert(at, typed[random.bounded(int(typed.size()))]);
    case 2:
        return out.isEmpty() ? out : out.remove(at, 1);
    case 3:
        return out.insert(at, "\n  ");
    case 4: {
        const qsizetype start = out.lastIndexOf('\n', at) + 1;
        const qsizetype end = out.indexOf('\n', at);
        return out.remove(start, (end < 0 ? out.size() : end + 1) - start);
    }
    default: {
        const qsizetype start = out.lastIndexOf('\n', at) + 1;
        const qsizetype end = out.indexOf('\n', at);
        const QByteArray line = out.mid(start, (end < 0 ? out.size() : end + 1) - start);
        return out.insert(start, line.endsWith('\n') ? line : line + '\n');
    }
    }
}

} // namespace

class TestIncrementalYamlReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void edit_data()
    {
        QTest::addColumn<QByteArray>("after");
        QTest::addColumn<bool>("incremental");
        QTest::addColumn<int>("maxLinesRead"); // for incremental reads: what the edit may cost at most

        QTest::newRow("a character in a job") << replaced(Base, "make test", "make tests") << true << 17;
        QTest::newRow("a value changed") << replaced(Base, "stage: test", "stage: tst") << true << 23;
        QTest::newRow("a line added at the end") << Base + "    - more\n" << true << 24;
        QTest::newRow("a line split (later lines move)")
            << replaced(Base, "stage: build\n", "stage: build\n\n") << true << 21;
        QTest::newRow("a new job at the end") << Base + "\ndeploy:\n  script: [x]\n" << true << 27;
        QTest::newRow("an entry deleted (the next one read)")
            << replaced(Base, "variables:\n  A: \"1\"\n\n", "") << true << 17;
        QTest::newRow("the first key edited") << replaced(Base, "stages:", "xstages:") << true << 10;
        QTest::newRow("an entry after an alias user")
            << replaced(Base, "needs: [build]", "needs: [build, x]") << true << 23;
        QTest::newRow("a key renamed to an existing one") << replaced(Base, "\ntest:", "\nbuild:") << false << 0;
        QTest::newRow("the anchored entry edited") << replaced(Base, "image: alpine", "image: debian") << false << 0;
        QTest::newRow("a new anchor") << replaced(Base, "needs: [build]", "needs: &n [build]") << false << 0;
        QTest::newRow("an unterminated quote") << replaced(Base, "A: \"1\"", "A: \"1") << false << 0;
        QTest::newRow("a key indented under the entry above") << replaced(Base, "\ntest:", "\n  test:") << false << 0;
        QTest::newRow("an indented comment before a key")
            << replaced(Base, "    make test\n\n", "    make test\n    # text of the script\n") << true << 24;
        QTest::newRow("an alias to a missing anchor") << replaced(Base, "*template", "*templat") << false << 0;
        QTest::newRow("the leading comment") << replaced(Base, "# a pipeline", "# the pipeline") << false << 0;
        QTest::newRow("a document marker") << Base + "---\nsecond: doc\n" << false << 0;
        QTest::newRow("a key left without its colon") << replaced(Base, "\ntest:", "\ntest") << false << 0;
        QTest::newRow("a flow sequence left open") << replaced(Base, "[build]", "[build") << false << 0;
    }
    void edit()
    {
        QFETCH(QByteArray, after);
        QFETCH(bool, incremental);
        QFETCH(int, maxLinesRead);
        IncrementalYamlReader reader;
        verifySame(reader.read(Base, File), Base);
        QVERIFY(!reader.lastStats().incremental);
        const YamlDocumentSet edited = reader.read(after, File);
        verifySame(edited, after);
        QCOMPARE(reader.lastStats().incremental, incremental);
        if (incremental)
            QVERIFY2(reader.lastStats().linesRead <= maxLinesRead,
                     qPrintable(QString::number(reader.lastStats().linesRead)));
        // And back: the edit undone.
        verifySame(reader.read(Base, File), Base);
    }

    void sameTextIsFree()
    {
        IncrementalYamlReader reader;
        reader.read(Base, File);
        verifySame(reader.read(Base, File), Base);
        QVERIFY(reader.lastStats().incremental);
        QCOMPARE(reader.lastStats().linesRead, 0);
        // Another file: read whole.
        reader.read(Base, QStringLiteral("other.yml"));
        QVERIFY(!reader.lastStats().incremental);
    }

    void scopeRoutesReadYaml()
    {
        IncrementalYamlReader reader;
        const QByteArray after = replaced(Base, "make test", "make check");
        YamlDocumentSet first;
        {
            const YamlReuseScope scope(reader, Base, File);
            first = readYaml(Base, File);
        }
        verifySame(first, Base);
        QVERIFY(!reader.lastStats().incremental);
        YamlDocumentSet second;
        {
            const YamlReuseScope scope(reader, after, File);
            readYaml(Base, File); // another text: not through the reader, which still holds the first text
            QVERIFY(!reader.lastStats().incremental);
            second = readYaml(after, File);
            QVERIFY(reader.lastStats().incremental);
        }
        verifySame(second, after);
    }

    void randomEdits_data()
    {
        QTest::addColumn<QByteArray>("base");
        QTest::newRow("small") << Base;
        QByteArray jobs = ".defaults: &defaults\n  image: alpine\n  tags: [docker]\n\n";
        for (int i = 0; i < 40; ++i)
            jobs += "job-" + QByteArray::number(i) + ":\n  <<: *defaults\n  stage: test\n  script:\n    - echo "
                + QByteArray::number(i) + " && true\n    - |\n      multi\n      line\n\n";
        QTest::newRow("generated") << jobs;
        QFile glib(gatehouse::test::corpusPath(QStringLiteral("pipelines/gitlab/GNOME__glib__.gitlab-ci.yml")));
        if (glib.open(QIODevice::ReadOnly))
            QTest::newRow("glib (corpus)") << glib.readAll();
    }
    void randomEdits()
    {
        QFETCH(QByteArray, base);
        // SEED and ROUNDS widen the search by hand (36,000 edits of each text passed when this was written).
        const int seed = qEnvironmentVariableIntValue("SEED");
        QRandomGenerator random(seed > 0 ? quint32(seed) : 20261207u);
        IncrementalYamlReader reader;
        reader.read(base, File);
        int incremental = 0;
        const int rounds = qEnvironmentVariableIntValue("ROUNDS") > 0 ? qEnvironmentVariableIntValue("ROUNDS") : 300;
        for (int round = 0; round < rounds; ++round) {
            // Two edits in a row from a readable text, then back to it.
            QByteArray text = base;
            for (int step = 0; step < 2; ++step) {
                const QByteArray previous = text;
                text = randomEdit(text, random);
                verifySame(reader.read(text, File), text, previous);
                incremental += reader.lastStats().incremental ? 1 : 0;
            }
            verifySame(reader.read(base, File), base, text);
        }
        // Most keystrokes land inside an entry: the partial path must be the common one, not a rare fallback.
        QVERIFY2(incremental > rounds / 2, qPrintable(QString::number(incremental)));
    }
};

QTEST_GUILESS_MAIN(TestIncrementalYamlReader)
#include "tst_incrementalyamlreader.moc"
