// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/PipelineValidator.h"

#include "Corpus.h"
#include "pipeline/script/ShellCheck.h"

#include <QDir>
#include <QFile>
#include <QtTest>

using namespace gatehouse::pipeline;

namespace {

// "file:line:column rule" for every diagnostic of the given rules.
QStringList print(const QList<Diagnostic>& diagnostics, const QStringList& rules)
{
    QStringList lines;
    for (const Diagnostic& diagnostic : diagnostics) {
        if (rules.contains(diagnostic.rule))
            lines.append(QStringLiteral("%1:%2:%3 %4")
                             .arg(diagnostic.file)
                             .arg(diagnostic.line)
                             .arg(diagnostic.column)
                             .arg(diagnostic.rule));
    }
    return lines;
}

const QByteArray workflow = "on: push\n" // 1
                            "jobs:\n" // 2
                            "  build:\n" // 3
                            "    runs-on: ubuntu-latest\n" // 4
                            "    steps:\n" // 5
                            "      - run: echo $HOME_DIR\n" // 6
                            "      - name: block\n" // 7
                            "        run: |\n" // 8
                            "          set -e\n" // 9
                            "          cp $SRC /tmp/out\n" // 10
                            "      - run: echo \"${{ github.ref }}\" ${{ github.sha }}\n" // 11
                            "      - shell: pwsh\n" // 12
                            "        run: echo $env:X $Y\n" // 13
                            "      - run: >\n" // 14
                            "          ls\n" // 15
                            "          $FOLDED_DIR\n" // 16
                            "      - run: \"echo $QUOTED\"\n" // 17
                            "  windows:\n" // 18
                            "    runs-on: windows-latest\n" // 19
                            "    steps:\n" // 20
                            "      - run: echo $NOT_BASH\n" // 21
                            "      - shell: bash\n" // 22
                            "        run: echo ${{ env.A }} $IS_BASH\n"; // 23

const QByteArray gitlab = ".setup:\n" // 1
                          "  script:\n" // 2
                          "    - export A=1\n" // 3
                          "    - echo $SETUP_VAR\n" // 4
                          "build:\n" // 5
                          "  before_script:\n" // 6
                          "    - !reference [.setup, script]\n" // 7
                          "  script:\n" // 8
                          "    - echo \"quoted $OK\" && cat $TARGET\n" // 9
                          "    - 'echo $SINGLE'\n" // 10
                          "    - |\n" // 11
                          "      for f in *.txt; do\n" // 12
                          "        echo $f\n" // 13
                          "      done\n" // 14
                          "  after_script:\n" // 15
                          "    - >-\n" // 16
                          "      curl -X POST\n" // 17
                          "      $HOOK_URL\n" // 18
                          "test:\n" // 19
                          "  script: echo $PLAIN_SCALAR\n"; // 20

} // namespace

class TestShellCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (ShellCheck::executable().isEmpty())
            QSKIP("shellcheck is not installed (apt-get install shellcheck)");
    }

    void positions_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("github run steps")
            << QStringLiteral(".github/workflows/ci.yml") << workflow
            << QStringList{
                   QStringLiteral(".github/workflows/ci.yml:6:19 SC2086"), // plain scalar
                   QStringLiteral(".github/workflows/ci.yml:10:14 SC2086"), // | block
                   QStringLiteral(".github/workflows/ci.yml:16:11 SC2086"), // > block, second folded line
                   QStringLiteral(".github/workflows/ci.yml:17:20 SC2086"), // double-quoted scalar
                   QStringLiteral(
                       ".github/workflows/ci.yml:23:32 SC2086"), // explicit bash on Windows, after an expression
               };
        QTest::newRow("gitlab scripts")
            << QStringLiteral(".gitlab-ci.yml") << gitlab
            << QStringList{
                   QStringLiteral(".gitlab-ci.yml:4:12 SC2086"), // through !reference: where it is written
                   QStringLiteral(".gitlab-ci.yml:9:32 SC2086"), // after a quoted part on the same line
                   QStringLiteral(".gitlab-ci.yml:10:13 SC2086"), // single-quoted scalar
                   QStringLiteral(".gitlab-ci.yml:13:14 SC2086"), // | block, nested indentation
                   QStringLiteral(".gitlab-ci.yml:18:7 SC2086"), // >- block after_script
                   QStringLiteral(".gitlab-ci.yml:20:16 SC2086"), // script as one plain scalar
               };
        QTest::newRow("circleci run steps")
            << QStringLiteral(".circleci/config.yml")
            << QByteArray("version: 2.1\ncommands:\n  greet:\n    parameters:\n      to: {type: string}\n    steps:\n"
                          "      - run: echo $TO << parameters.to >>\njobs:\n  build:\n"
                          "    docker: [{image: cimg/base:2024.01}]\n    steps:\n      - run:\n          name: b\n"
                          "          command: |\n            cd dir || exit\n            echo $A\n      - when:\n"
                          "          condition: true\n          steps:\n            - run: echo $B\n"
                          "      - greet: {to: x}\nworkflows:\n  ci:\n    jobs: [build]\n")
            << QStringList{
                   QStringLiteral(".circleci/config.yml:7:19 SC2086"), // a command's step, where it is written
                   QStringLiteral(".circleci/config.yml:16:18 SC2086"), // | block under run: command
                   QStringLiteral(".circleci/config.yml:20:25 SC2086"), // inside a when step
               };
    }
    void positions()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, text);
        QFETCH(QStringList, expected);
        const ValidationResult validation = validatePipeline(text, path);
        const ShellCheck::Result result = ShellCheck::checkPipeline(validation.model, text, {}, Category::Semantic);
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QVERIFY(result.available);
        const QStringList actual = print(result.diagnostics, {QStringLiteral("SC2086")});
        if (actual != expected) {
            for (const Diagnostic& d : result.diagnostics)
                qWarning().noquote() << d.line << d.column << d.rule << d.message;
        }
        QCOMPARE(actual, expected);
        for (const Diagnostic& diagnostic : result.diagnostics) {
            QCOMPARE(diagnostic.category, Category::Semantic);
            // GitHub expressions are not shell: no "bad substitution" from ${{ }}.
            QVERIFY2(diagnostic.rule != QLatin1String("SC2296") && diagnostic.line != 11,
                     qPrintable(diagnostic.message));
        }
    }

    // Real pipelines: every SC2086 that lands in the validated file must point at the `$` it is about.
    void corpus_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("path");
        GATEHOUSE_REQUIRE_CORPUS();
        const QString root = gatehouse::test::corpusPath(QStringLiteral("pipelines"));
        for (const QString& kind : {QStringLiteral("github"), QStringLiteral("gitlab")}) {
            const QStringList names = QDir(root + QLatin1Char('/') + kind).entryList(QDir::Files, QDir::Name);
            for (const QString& name : names)
                QTest::newRow(qPrintable(name))
                    << root + QLatin1Char('/') + kind + QLatin1Char('/') + name
                    << (kind == QLatin1String("github") ? QStringLiteral(".github/workflows/") + name
                                                        : QStringLiteral(".gitlab-ci.yml"));
        }
    }
    void corpus()
    {
        QFETCH(QString, file);
        QFETCH(QString, path);
        QFile input(file);
        QVERIFY(input.open(QIODevice::ReadOnly));
        const QByteArray text = input.readAll();
        const QStringList lines = QString::fromUtf8(text).split(QLatin1Char('\n'));
        const ValidationResult validation = validatePipeline(text, path);
        const ShellCheck::Result result = ShellCheck::checkPipeline(validation.model, text, {}, Category::Script);
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        int pointed = 0;
        QStringList wrong;
        for (const Diagnostic& diagnostic : result.diagnostics) {
            QVERIFY(diagnostic.line >= 1);
            QVERIFY(diagnostic.column >= 1);
            if (diagnostic.file != path)
                continue;
            QVERIFY(diagnostic.line <= lines.size());
            if (diagnostic.rule != QLatin1String("SC2086"))
                continue;
            const QString at = lines.at(diagnostic.line - 1).mid(diagnostic.column - 1);
            if (at.startsWith(QLatin1Char('$')))
                ++pointed;
            else
                wrong.append(QStringLiteral("%1:%2 '%3'").arg(diagnostic.line).arg(diagnostic.column).arg(at.left(30)));
        }
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QStringLiteral("; "))));
        qDebug() << result.scripts << "scripts," << result.diagnostics.size() << "findings," << pointed
                 << "SC2086 exactly on their $";
    }

    // Jobs that do not run a POSIX shell are left out, with one info per job saying why.
    void nonPosixShell_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QStringList>("skipped"); // line:column of script.non-posix-shell
        QTest::addColumn<int>("findings"); // SC2086 findings left
        const QString gl = QStringLiteral(".gitlab-ci.yml");
        const QString gh = QStringLiteral(".github/workflows/ci.yml");
        QTest::newRow("gitlab windows tag")
            << gl << QByteArray("win:\n  tags: [saas-windows-medium-amd64]\n  script: echo $X\n")
            << QStringList{QStringLiteral("1:1")} << 0;
        QTest::newRow("gitlab powershell image")
            << gl << QByteArray("ps:\n  image: mcr.microsoft.com/powershell:7.4-ubuntu-22.04\n  script: echo $X\n")
            << QStringList{QStringLiteral("1:1")} << 0;
        QTest::newRow("gitlab windows image, map form")
            << gl
            << QByteArray("a:\n  script: echo $A\nwin:\n  image:\n    name: "
                          "mcr.microsoft.com/windows/servercore:ltsc2022\n  script: echo $X\n")
            << QStringList{QStringLiteral("3:1")} << 1;
        QTest::newRow("gitlab parallel windows job, said once")
            << gl << QByteArray("win:\n  tags: [windows]\n  parallel: 3\n  script: echo $X\n")
            << QStringList{QStringLiteral("1:1")} << 0;
        QTest::newRow("gitlab linux tags") << gl
                                           << QByteArray("a:\n  tags: [docker, linux]\n  image: alpine:3.19\n"
                                                         "  script: echo $X\n")
                                           << QStringList() << 1;
        QTest::newRow("github pwsh step")
            << gh
            << QByteArray("on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo $A\n"
                          "      - shell: pwsh\n        run: echo $B\n      - shell: pwsh\n        run: echo $C\n")
            << QStringList{QStringLiteral("3:3")} << 1;
        QTest::newRow("github workflow default shell cmd")
            << gh
            << QByteArray("on: push\ndefaults:\n  run:\n    shell: cmd\njobs:\n  a:\n    runs-on: ubuntu-24.04\n"
                          "    steps:\n      - run: echo $A\n")
            << QStringList{QStringLiteral("6:3")} << 0;
        QTest::newRow("github job default powershell")
            << gh
            << QByteArray("on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    defaults:\n      run:\n"
                          "        shell: powershell\n    steps:\n      - run: echo $A\n")
            << QStringList{QStringLiteral("3:3")} << 0;
        QTest::newRow("github windows runner")
            << gh << QByteArray("on: push\njobs:\n  w:\n    runs-on: windows-2022\n    steps:\n      - run: echo $A\n")
            << QStringList{QStringLiteral("3:3")} << 0;
        QTest::newRow("github windows runner, bash steps")
            << gh
            << QByteArray("on: push\njobs:\n  w:\n    runs-on: windows-2022\n    defaults:\n      run:\n"
                          "        shell: bash\n    steps:\n      - run: echo $A\n")
            << QStringList() << 1;
        const QString cc = QStringLiteral(".circleci/config.yml");
        QTest::newRow("circleci powershell job")
            << cc
            << QByteArray("version: 2.1\njobs:\n  w:\n    machine: true\n    shell: powershell.exe\n"
                          "    steps: [{run: echo $A}]\nworkflows:\n  ci:\n    jobs: [w]\n")
            << QStringList{QStringLiteral("3:3")} << 0;
        QTest::newRow("circleci sh step")
            << cc
            << QByteArray("version: 2.1\njobs:\n  w:\n    machine: true\n"
                          "    steps: [{run: {command: echo $A, shell: /bin/sh}}]\nworkflows:\n  ci:\n    jobs: [w]\n")
            << QStringList() << 1;
        QTest::newRow("github ubuntu runner")
            << gh << QByteArray("on: push\njobs:\n  u:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo $A\n")
            << QStringList() << 1;
    }
    void nonPosixShell()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, text);
        QFETCH(QStringList, skipped);
        QFETCH(int, findings);
        const ValidationResult validation = validatePipeline(text, path);
        const ShellCheck::Result result = ShellCheck::checkPipeline(validation.model, text, {}, Category::Script);
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QStringList actual;
        for (const Diagnostic& d : result.diagnostics) {
            if (d.rule != QLatin1String("script.non-posix-shell"))
                continue;
            actual.append(QStringLiteral("%1:%2").arg(d.line).arg(d.column));
            QCOMPARE(d.severity, Severity::Info);
            QCOMPARE(d.category, Category::Script);
            QCOMPARE(d.file, path);
            QVERIFY2(d.message.contains(QLatin1String("not a POSIX shell")), qPrintable(d.message));
        }
        QCOMPARE(actual, skipped);
        QCOMPARE(print(result.diagnostics, {QStringLiteral("SC2086")}).size(), findings);
    }

    void masking()
    {
        const QString masked = ShellScriptExtractor::maskGitHubExpressions(QStringLiteral("a ${{ x.y }} b ${{z}}"));
        QCOMPARE(masked, QStringLiteral("a X________X b X____X"));
        QCOMPARE(masked.size(), QStringLiteral("a ${{ x.y }} b ${{z}}").size());
        QCOMPARE(ShellScriptExtractor::maskGitHubExpressions(QStringLiteral("unclosed ${{ x")),
                 QStringLiteral("unclosed ${{ x"));
        // CircleCI: only parameter references; a here-document and an append stay shell.
        QCOMPARE(ShellScriptExtractor::maskCircleCIParameters(QStringLiteral("a << parameters.x >> b <<# matrix.y >>")),
                 QStringLiteral("a X________________X b X_____________X"));
        QCOMPARE(ShellScriptExtractor::maskCircleCIParameters(QStringLiteral("cat <<EOF >> out")),
                 QStringLiteral("cat <<EOF >> out"));
        QCOMPARE(ShellScriptExtractor::maskCircleCIParameters(QStringLiteral("cat > f \\<<EOF")),
                 QStringLiteral("cat > f  <<EOF"));
    }

    void extraction()
    {
        const ValidationResult validation = validatePipeline(gitlab, QStringLiteral(".gitlab-ci.yml"));
        const QList<ShellScript> scripts = ShellScriptExtractor::extract(validation.model, gitlab, {});
        QStringList names;
        for (const ShellScript& script : scripts)
            names.append(script.job + QLatin1Char('/') + script.key);
        // Hidden jobs are not run by themselves; before_script and script share one shell.
        QCOMPARE(names,
                 (QStringList{QStringLiteral("build/script"), QStringLiteral("build/after_script"),
                              QStringLiteral("test/script")}));
        QCOMPARE(scripts.first().text.section(QLatin1Char('\n'), 0, 1), QStringLiteral("export A=1\necho $SETUP_VAR"));
        QCOMPARE(scripts.at(1).text, QStringLiteral("curl -X POST $HOOK_URL\n"));
    }

    void cache()
    {
        ShellCheck::clearCache();
        const ValidationResult validation = validatePipeline(gitlab, QStringLiteral(".gitlab-ci.yml"));
        const ShellCheck::Result first = ShellCheck::checkPipeline(validation.model, gitlab, {}, Category::Semantic);
        QCOMPARE(first.cacheHits, 0);
        const ShellCheck::Result second = ShellCheck::checkPipeline(validation.model, gitlab, {}, Category::Semantic);
        QCOMPARE(second.cacheHits, second.scripts);
        QCOMPARE(second.diagnostics, first.diagnostics);
    }

    void brokenShell()
    {
        const QByteArray text = "job:\n  script:\n    - if [ -f x ]; then\n    - echo never closed\n";
        const ValidationResult validation = validatePipeline(text, QStringLiteral(".gitlab-ci.yml"));
        const ShellCheck::Result result = ShellCheck::checkPipeline(validation.model, text, {}, Category::Semantic);
        QVERIFY(result.error.isEmpty());
        QVERIFY(!result.diagnostics.isEmpty());
        QCOMPARE(result.diagnostics.first().severity, Severity::Error);
        QCOMPARE(result.diagnostics.first().rule.left(2), QStringLiteral("SC"));
    }
};

QTEST_GUILESS_MAIN(TestShellCheck)
#include "tst_shellcheck.moc"
