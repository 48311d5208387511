// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliRunner.h"
#include "ScratchRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QtTest>

using gatehouse::test::ScratchRepository;

// `gatehouse validate --categories script` (shellcheck inside pipelines) through the real binary.
class TestCliValidateScript : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unquotedVariableInRun()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("shellcheck")).isEmpty())
            QSKIP("shellcheck is not installed (apt-get install shellcheck)");
        ScratchRepository scratch;
        scratch.commit(QStringLiteral("ci"),
                       {{QStringLiteral(".github/workflows/ci.yml"),
                         "on: push\n"
                         "jobs:\n"
                         "  build:\n"
                         "    runs-on: ubuntu-latest\n"
                         "    steps:\n"
                         "      - run: |\n"
                         "          echo \"${{ github.sha }}\"\n"
                         "          rm -f $BUILD_DIR/out\n"},
                        {QStringLiteral(".gitlab-ci.yml"), "test:\n  script:\n    - ls $DIR\n"}});
        const gatehouse::test::CliRun result
            = gatehouse::test::runCli({QStringLiteral("validate"), QStringLiteral("--repo"), scratch.path(),
                                       QStringLiteral("--rev"), QStringLiteral("HEAD"), QStringLiteral("--categories"),
                                       QStringLiteral("script"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(result.exitCode, 0); // SC2086 is informational
        const QJsonObject root = result.json();
        QStringList found;
        for (const QJsonValue& file : root.value(QStringLiteral("files")).toArray()) {
            for (const QJsonValue& value : file.toObject().value(QStringLiteral("diagnostics")).toArray()) {
                const QJsonObject d = value.toObject();
                QCOMPARE(d.value(QStringLiteral("category")).toString(), QStringLiteral("script"));
                found.append(QStringLiteral("%1:%2:%3 %4")
                                 .arg(file.toObject().value(QStringLiteral("path")).toString())
                                 .arg(d.value(QStringLiteral("line")).toInt())
                                 .arg(d.value(QStringLiteral("column")).toInt())
                                 .arg(d.value(QStringLiteral("rule")).toString()));
            }
        }
        found.sort();
        QCOMPARE(found,
                 (QStringList{QStringLiteral(".github/workflows/ci.yml:8:17 SC2086"),
                              QStringLiteral(".gitlab-ci.yml:3:10 SC2086")}));
    }

    void unknownCategory()
    {
        const gatehouse::test::CliRun result = gatehouse::test::runCli(
            {QStringLiteral("validate"), QStringLiteral("--categories"), QStringLiteral("shell")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains("gate, script)"));
    }
};

QTEST_GUILESS_MAIN(TestCliValidateScript)
#include "tst_cli_validatescript.moc"
