// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/PipelineValidator.h"

#include "Corpus.h"
#include "pipeline/script/ShellCheck.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace gatehouse::pipeline;

#define REQUIRE_SHELLCHECK()                                                                                           \
    do {                                                                                                               \
        if (QStandardPaths::findExecutable(QStringLiteral("shellcheck")).isEmpty())                                    \
            QSKIP("shellcheck is not installed (apt-get install shellcheck)");                                         \
    } while (false)

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

// A stand-in for shellcheck that does not depend on the installed version: it logs each invocation (one line:
// its arguments) and reports one comment per file at line 1, column 1, whose message is the file's first line.
// `exitCode` above 1 plays a shellcheck that fails.
QString writeFakeShellCheck(const QTemporaryDir& dir, int exitCode)
{
    const QString path = dir.filePath(QStringLiteral("fake-shellcheck"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(
        QStringLiteral("#!/bin/sh\n"
                       "echo \"$*\" >> '%1'\n"
                       "printf '{\"comments\":['\n"
                       "sep=\n"
                       "for a in \"$@\"; do\n"
                       "  case \"$a\" in --*) continue;; esac\n"
                       "  printf '%s{\"file\":\"%s\",\"line\":1,\"column\":1,\"level\":\"warning\",\"code\":1000,"
                       "\"message\":\"%s\"}' \"$sep\" \"$a\" \"$(head -n 1 \"$a\")\"\n"
                       "  sep=,\n"
                       "done\n"
                       "printf ']}\\n'\n"
                       "exit %2\n")
            .arg(dir.filePath(QStringLiteral("calls.log")))
            .arg(exitCode)
            .toUtf8());
    file.close();
    file.setPermissions(file.permissions() | QFileDevice::ExeOwner);
    return path;
}

// The fake's invocations, one argument list each.
QList<QStringList> fakeCalls(const QTemporaryDir& dir)
{
    QFile log(dir.filePath(QStringLiteral("calls.log")));
    QList<QStringList> calls;
    if (!log.open(QIODevice::ReadOnly))
        return calls;
    for (const QByteArray& line : log.readAll().split('\n')) {
        if (!line.isEmpty())
            calls.append(QString::fromUtf8(line).split(QLatin1Char(' ')));
    }
    return calls;
}

} // namespace

class TestShellCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_cacheDir.isValid());
        ShellCheck::setCacheFile(m_cacheDir.filePath(QStringLiteral("shellcheck.cache")));
    }
    void cleanup() { ShellCheck::setExecutable({}); }

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
        REQUIRE_SHELLCHECK();
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
        REQUIRE_SHELLCHECK();
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
        REQUIRE_SHELLCHECK();
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
        REQUIRE_SHELLCHECK();
        ShellCheck::setCacheFile(m_cacheDir.filePath(QStringLiteral("cache-test.cache")));
        const ValidationResult validation = validatePipeline(gitlab, QStringLiteral(".gitlab-ci.yml"));
        const ShellCheck::Result first = ShellCheck::checkPipeline(validation.model, gitlab, {}, Category::Semantic);
        QCOMPARE(first.cacheHits, 0);
        const ShellCheck::Result second = ShellCheck::checkPipeline(validation.model, gitlab, {}, Category::Semantic);
        QCOMPARE(second.cacheHits, second.scripts);
        QCOMPARE(second.diagnostics, first.diagnostics);
        QCOMPARE(second.processes, 0);
        // A new process (the next run) finds them on disk.
        ShellCheck::clearCache();
        const ShellCheck::Result third = ShellCheck::checkPipeline(validation.model, gitlab, {}, Category::Semantic);
        QCOMPARE(third.cacheHits, third.scripts);
        QCOMPARE(third.diagnostics, first.diagnostics);
    }

    // All scripts of all pipelines go to at most one shellcheck per core (plus one per further dialect), each
    // script once, and each comment comes back to the script it is about.
    void batches_data()
    {
        QTest::addColumn<int>("pipelines");
        QTest::addColumn<int>("scriptsEach");
        QTest::addColumn<int>("bytesEach"); // each script's text is padded to about this size
        QTest::addColumn<bool>("mixedShells"); // every third script is `sh`, the others `bash`
        QTest::addColumn<bool>("sharedTexts"); // script s has the same text in every pipeline
        QTest::addColumn<int>("exitCode");
        QTest::newRow("one script") << 1 << 1 << 20 << false << false << 1;
        QTest::newRow("small scripts share one process") << 5 << 4 << 40 << false << false << 1;
        QTest::newRow("large scripts, one process per core") << 12 << 5 << 6000 << false << false << 1;
        QTest::newRow("two dialects") << 6 << 6 << 3000 << true << false << 1;
        QTest::newRow("identical texts checked once") << 8 << 3 << 100 << false << true << 1;
        QTest::newRow("clean run") << 3 << 2 << 50 << true << false << 0;
        QTest::newRow("shellcheck fails") << 4 << 3 << 50 << true << false << 3;
    }
    void batches()
    {
        QFETCH(int, pipelines);
        QFETCH(int, scriptsEach);
        QFETCH(int, bytesEach);
        QFETCH(bool, mixedShells);
        QFETCH(bool, sharedTexts);
        QFETCH(int, exitCode);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString fake = writeFakeShellCheck(dir, exitCode);
        QVERIFY(!fake.isEmpty());
        ShellCheck::setExecutable(fake);
        ShellCheck::setCacheFile(dir.filePath(QStringLiteral("cache")));

        QList<ShellCheck::Scripts> input;
        QSet<QString> texts;
        int sh = 0;
        for (int p = 0; p < pipelines; ++p) {
            ShellCheck::Scripts scripts;
            for (int s = 0; s < scriptsEach; ++s) {
                ShellScript script;
                script.job = QStringLiteral("job%1").arg(s);
                script.key = QStringLiteral("script");
                script.shell = mixedShells && s % 3 == 2 ? QStringLiteral("sh") : QStringLiteral("bash");
                const QString first = sharedTexts ? QStringLiteral("echo script-%1").arg(s)
                                                  : QStringLiteral("echo pipeline-%1-script-%2").arg(p).arg(s);
                script.text = first + QLatin1Char('\n') + QStringLiteral("true\n").repeated(bytesEach / 5);
                script.fallback = {QStringLiteral("p%1.yml").arg(p), 10 + s, 3};
                texts.insert(script.shell + QLatin1Char(' ') + script.text);
                sh += script.shell == QLatin1String("sh") ? 1 : 0;
                scripts.scripts.append(script);
            }
            input.append(scripts);
        }

        const QList<ShellCheck::Result> results = ShellCheck::checkAll(input, Category::Script);
        QCOMPARE(results.size(), pipelines);
        const QList<QStringList> calls = fakeCalls(dir);
        const int dialects = sh > 0 ? 2 : 1;
        QVERIFY2(calls.size() >= dialects && calls.size() <= std::max(1, QThread::idealThreadCount()) + dialects - 1,
                 qPrintable(QString::number(calls.size())));
        QStringList checked; // every file name of every call: each unique script once
        for (const QStringList& call : calls) {
            QCOMPARE(call.count(QStringLiteral("--format=json1")), 1);
            QCOMPARE(call.filter(QStringLiteral("--shell=")).size(), 1);
            checked += call.filter(QStringLiteral(".sh"));
        }
        QCOMPARE(checked.size(), texts.size());
        QCOMPARE(QSet<QString>(checked.cbegin(), checked.cend()).size(), texts.size());

        for (int p = 0; p < pipelines; ++p) {
            const ShellCheck::Result& result = results.at(p);
            QVERIFY(result.available);
            QCOMPARE(result.scripts, scriptsEach);
            if (exitCode > 1) {
                QVERIFY2(result.error.contains(QLatin1String("exit 3")), qPrintable(result.error));
                QVERIFY(result.diagnostics.isEmpty());
                continue;
            }
            QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
            QCOMPARE(result.diagnostics.size(), scriptsEach);
            for (int s = 0; s < scriptsEach; ++s) {
                const ShellScript& script = input.at(p).scripts.at(s);
                const auto it = std::find_if(result.diagnostics.cbegin(), result.diagnostics.cend(),
                                             [&script](const Diagnostic& d) { return d.line == script.fallback.line; });
                QVERIFY(it != result.diagnostics.cend());
                QCOMPARE(it->file, script.fallback.file);
                QCOMPARE(it->rule, QStringLiteral("SC1000"));
                QCOMPARE(it->severity, Severity::Warning);
                QVERIFY2(
                    it->message.startsWith(script.text.section(QLatin1Char('\n'), 0, 0) + QLatin1String(" (job '")),
                    qPrintable(it->message));
            }
        }

        // Again: a failed check was not cached and runs again; a successful one comes from the cache.
        const QList<ShellCheck::Result> again = ShellCheck::checkAll(input, Category::Script);
        if (exitCode > 1) {
            QCOMPARE(fakeCalls(dir).size(), calls.size() * 2);
        } else {
            QCOMPARE(fakeCalls(dir).size(), calls.size());
            for (int p = 0; p < pipelines; ++p) {
                QCOMPARE(again.at(p).cacheHits, scriptsEach);
                QCOMPARE(again.at(p).diagnostics, results.at(p).diagnostics);
            }
        }
    }

    void missingShellCheck()
    {
        ShellCheck::setExecutable(m_cacheDir.filePath(QStringLiteral("no-such-program")));
        const QList<ShellCheck::Result> results
            = ShellCheck::checkAll({ShellCheck::Scripts{{ShellScript{}}, {}}}, Category::Script);
        QCOMPARE(results.size(), 1);
        QVERIFY(!results.first().available);
        QVERIFY(results.first().diagnostics.isEmpty());
    }

    void brokenShell()
    {
        REQUIRE_SHELLCHECK();
        const QByteArray text = "job:\n  script:\n    - if [ -f x ]; then\n    - echo never closed\n";
        const ValidationResult validation = validatePipeline(text, QStringLiteral(".gitlab-ci.yml"));
        const ShellCheck::Result result = ShellCheck::checkPipeline(validation.model, text, {}, Category::Semantic);
        QVERIFY(result.error.isEmpty());
        QVERIFY(!result.diagnostics.isEmpty());
        QCOMPARE(result.diagnostics.first().severity, Severity::Error);
        QCOMPARE(result.diagnostics.first().rule.left(2), QStringLiteral("SC"));
    }

private:
    QTemporaryDir m_cacheDir;
};

QTEST_GUILESS_MAIN(TestShellCheck)
#include "tst_shellcheck.moc"
