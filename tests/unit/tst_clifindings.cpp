// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliRunner.h"
#include "Corpus.h"
#include "ScratchRepository.h"
#include "security/ScanNote.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using gatehouse::test::ScratchRepository;
using namespace Qt::StringLiterals;

// `gatehouse findings parse|archive` on the real binary.
class TestCliFindings : public QObject
{
    Q_OBJECT

    using Run = gatehouse::test::CliRun;
    static Run run(const QStringList& arguments, const QString& home = {})
    {
        gatehouse::test::CliRunner runner;
        if (!home.isEmpty())
            runner.setEnvironment(QStringLiteral("HOME"), home).setEnvironment(QStringLiteral("XDG_CONFIG_HOME"), home);
        return runner.run(arguments);
    }
    static QString corpus(const char* relative)
    {
        return gatehouse::test::corpusPath(QStringLiteral("reports/") + QString::fromUtf8(relative));
    }

private Q_SLOTS:
    void parseJson()
    {
        const QString path = corpus("trivy/aquasecurity-trivy__npm.json");
        if (!QFileInfo::exists(path))
            QSKIP(gatehouse::test::corpusMissingReason());
        const Run result = run({QStringLiteral("findings"), QStringLiteral("parse"), path, QStringLiteral("--format"),
                                QStringLiteral("json")});
        QCOMPARE(result.exitCode, 0);
        const QJsonObject root = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(root.keys(), (QStringList{u"findings"_s, u"format"_s, u"path"_s, u"tool"_s}));
        QCOMPARE(root.value(QStringLiteral("path")).toString(), path);
        QCOMPARE(root.value(QStringLiteral("tool")).toString(), QStringLiteral("trivy"));
        QCOMPARE(root.value(QStringLiteral("format")).toString(), QStringLiteral("trivy-json"));
        const QJsonArray findings = root.value(QStringLiteral("findings")).toArray();
        QCOMPARE(findings.size(), 1);
        const QJsonObject f = findings.first().toObject();
        QCOMPARE(f.keys(),
                 (QStringList{u"category"_s, u"fingerprint"_s, u"ids"_s, u"location"_s, u"rule"_s, u"severity"_s,
                              u"title"_s, u"tool"_s}));
        QCOMPARE(f.value(QStringLiteral("severity")).toString(), QStringLiteral("medium"));
        QCOMPARE(f.value(QStringLiteral("category")).toString(), QStringLiteral("dependency"));
        const QJsonObject location = f.value(QStringLiteral("location")).toObject();
        // No line for a dependency: absent, not 0.
        QCOMPARE(location.keys(),
                 (QStringList{u"fixed_version"_s, u"package"_s, u"path"_s, u"target"_s, u"version"_s}));
        QCOMPARE(location.value(QStringLiteral("fixed_version")).toString(), QStringLiteral("3.4.0"));
        QCOMPARE(f.value(QStringLiteral("ids")).toArray().toVariantList(),
                 (QVariantList{QStringLiteral("CVE-2019-11358"), QStringLiteral("CWE-79")}));
    }

    void parseText()
    {
        const QString path = corpus("gitleaks/gitleaks__baseline.json");
        if (!QFileInfo::exists(path))
            QSKIP(gatehouse::test::corpusMissingReason());
        const Run result = run({QStringLiteral("findings"), QStringLiteral("parse"), path});
        QCOMPARE(result.exitCode, 0);
        const QStringList lines = QString::fromUtf8(result.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines.at(0).endsWith(QLatin1String("gitleaks-json (gitleaks), 2 findings")));
        QVERIFY(lines.at(1).startsWith(QLatin1String("HIGH")));
        QVERIFY(lines.at(1).contains(QLatin1String("detect/detect_test.go:32")));
    }

    void parseErrors_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("stderrContains");
        QTest::newRow("unknown") << QByteArray("{\"hello\": 1}") << QStringLiteral("unknown report format");
        QTest::newRow("truncated") << QByteArray("{\"SchemaVersion\": 2, \"Results\": [")
                                   << QStringLiteral("truncated report");
        QTest::newRow("binary") << QByteArray("\0\1\2\3", 4) << QStringLiteral("binary content");
    }
    void parseErrors()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, stderrContains);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("report.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        const Run result = run({QStringLiteral("findings"), QStringLiteral("parse"), path, QStringLiteral("--format"),
                                QStringLiteral("json")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.out.isEmpty());
        QVERIFY2(QString::fromUtf8(result.err).contains(stderrContains), result.err.constData());
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("no action") << QStringList{QStringLiteral("findings")} << 2;
        QTest::newRow("bad action") << QStringList{QStringLiteral("findings"), QStringLiteral("burn")} << 2;
        QTest::newRow("missing file") << QStringList{QStringLiteral("findings"), QStringLiteral("parse"),
                                                     QStringLiteral("/nonexistent.json")}
                                      << 2;
        QTest::newRow("no file") << QStringList{QStringLiteral("findings"), QStringLiteral("parse")} << 2;
        QTest::newRow("archive without commit")
            << QStringList{QStringLiteral("findings"), QStringLiteral("archive"), QStringLiteral("x.json")} << 2;
        QTest::newRow("help") << QStringList{QStringLiteral("findings"), QStringLiteral("--help")} << 0;
    }
    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QCOMPARE(run(arguments).exitCode, exitCode);
    }

    void archive()
    {
        const QString report = corpus("semgrep/semgrep__taint_mode.json");
        const QString second = corpus("gitleaks/gitleaks__baseline.json");
        if (!QFileInfo::exists(report))
            QSKIP(gatehouse::test::corpusMissingReason());
        ScratchRepository scratch;
        const auto first = scratch.commit(QStringLiteral("feat: one"), {{QStringLiteral("a.py"), "x = 1\n"}});
        scratch.commit(QStringLiteral("feat: two"), {{QStringLiteral("a.py"), "x = 2\n"}});
        QTemporaryDir home;
        QFile config(home.filePath(QStringLiteral(".gitconfig")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("[user]\n\tname = Rita Release\n\temail = rita@example.com\n");
        config.close();

        Run result = run({QStringLiteral("findings"), QStringLiteral("archive"), report, QStringLiteral("--commit"),
                          QStringLiteral("HEAD~1"), QStringLiteral("--repo"), scratch.path()},
                         home.path());
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains("semgrep-json, 1 findings"), result.out.constData());
        result = run({QStringLiteral("findings"), QStringLiteral("archive"), second, QStringLiteral("--commit"),
                      first.toString(), QStringLiteral("--repo"), scratch.path()},
                     home.path());
        QCOMPARE(result.exitCode, 0);

        auto note = scratch.repo().readNote(QStringLiteral("refs/notes/gatehouse-scans"), first);
        QVERIFY(note.ok() && note->has_value());
        const auto reports = gatehouse::ScanNote::unpack(**note);
        QVERIFY(reports.ok());
        QCOMPARE(reports->size(), 2);
        QCOMPARE(reports->at(0).path, QStringLiteral("semgrep__taint_mode.json"));
        QFile original(report);
        QVERIFY(original.open(QIODevice::ReadOnly));
        QCOMPARE(reports->at(0).content, original.readAll());
        QCOMPARE(reports->at(1).path, QStringLiteral("gitleaks__baseline.json"));

        // The note's author is the user's identity.
        auto notes = scratch.repo().notes(QStringLiteral("refs/notes/gatehouse-scans"));
        QVERIFY(notes.ok());
        QCOMPARE(notes->size(), 1);
        auto notesHead = scratch.repo().resolve(QStringLiteral("refs/notes/gatehouse-scans"));
        QVERIFY(notesHead.ok());
        auto notesCommit = scratch.repo().commit(*notesHead);
        QVERIFY(notesCommit.ok());
        QCOMPARE(notesCommit->author.name, QStringLiteral("Rita Release"));

        // A broken report is refused and the note is unchanged.
        QTemporaryDir dir;
        QFile broken(dir.filePath(QStringLiteral("broken.json")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{\"runs\": [");
        broken.close();
        result = run({QStringLiteral("findings"), QStringLiteral("archive"), broken.fileName(),
                      QStringLiteral("--commit"), first.toString(), QStringLiteral("--repo"), scratch.path()},
                     home.path());
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains("truncated"));
        QCOMPARE(scratch.repo().readNote(QStringLiteral("refs/notes/gatehouse-scans"), first)->value(), **note);
    }
};

QTEST_GUILESS_MAIN(TestCliFindings)
#include "tst_clifindings.moc"
