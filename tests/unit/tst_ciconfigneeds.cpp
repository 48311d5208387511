// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "runs/CiConfigNeeds.h"

#include <QDir>
#include <QFile>
#include <QtTest>

using namespace gatehouse::runs;

class TestCiConfigNeeds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void needs_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QStringList>("printed"); // "job: a,b" sorted

        QTest::newRow("list of names") << QByteArray("stages: [build, test]\n"
                                                     "build:\n  stage: build\n  script: make\n"
                                                     "test:\n  stage: test\n  needs: [build]\n  script: make test\n")
                                       << QStringList{QStringLiteral("test: build")};
        QTest::newRow("maps, artifacts and optional")
            << QByteArray("lint:\n  script: x\n"
                          "test:\n  needs:\n    - job: build\n      artifacts: false\n    - job: lint\n"
                          "      optional: true\n  script: y\n")
            << QStringList{QStringLiteral("test: build,lint")};
        QTest::newRow("empty needs starts at once")
            << QByteArray("docs:\n  needs: []\n  script: z\n") << QStringList{QStringLiteral("docs: ")};
        QTest::newRow("hidden jobs and keywords are not jobs")
            << QByteArray(".base:\n  needs: [a]\ndefault:\n  needs: [b]\nvariables:\n  X: 1\n"
                          "job:\n  extends: .base\n  script: s\n")
            << QStringList{};
        QTest::newRow("cross-project needs are left out")
            << QByteArray("deploy:\n  needs:\n    - project: group/other\n      job: build\n      ref: main\n"
                          "    - pipeline: $PARENT_PIPELINE_ID\n      job: gen\n    - package\n  script: d\n")
            << QStringList{QStringLiteral("deploy: package")};
        QTest::newRow("spec header document") << QByteArray("spec:\n  inputs:\n    stage:\n      default: test\n---\n"
                                                            "unit:\n  needs: [compile]\n  script: u\n")
                                              << QStringList{QStringLiteral("unit: compile")};
        QTest::newRow("reference tags load") << QByteArray("a:\n  script: !reference [.setup, script]\n  needs: [b]\n")
                                             << QStringList{QStringLiteral("a: b")};
    }
    void needs()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QStringList, printed);
        const auto result = CiConfigNeeds::fromGitLabYaml(yaml);
        QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().toString()));
        QStringList actual;
        for (auto it = result->cbegin(); it != result->cend(); ++it)
            actual.append(it.key() + QStringLiteral(": ") + it.value().join(QLatin1Char(',')));
        actual.sort();
        QCOMPARE(actual, printed);
    }

    void brokenYaml()
    {
        const auto result = CiConfigNeeds::fromGitLabYaml("job:\n  needs: [a\n  script: b\n");
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("runs.yaml"));
        QVERIFY2(result.error().message.startsWith(QLatin1String("line ")), qPrintable(result.error().message));
    }

    // Real configurations parse (needs are found where the file uses them).
    void corpus()
    {
        const QDir dir(QStringLiteral(GATEHOUSE_CORPUS_DIR "/pipelines/gitlab"));
        if (!dir.exists())
            QSKIP("corpus not available");
        int withNeeds = 0;
        const QStringList files = dir.entryList({QStringLiteral("*.yml")}, QDir::Files);
        QVERIFY(!files.isEmpty());
        for (const QString& name : files) {
            QFile file(dir.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray content = file.readAll();
            const auto result = CiConfigNeeds::fromGitLabYaml(content);
            QVERIFY2(result.ok(),
                     qPrintable(name + QStringLiteral(": ") + (result.ok() ? QString() : result.error().toString())));
            if (content.contains("\n  needs:") && !result->isEmpty())
                ++withNeeds;
        }
        QVERIFY(withNeeds > 0);
    }
};

QTEST_GUILESS_MAIN(TestCiConfigNeeds)
#include "tst_ciconfigneeds.moc"
