// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliRunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QtTest>

using namespace Qt::StringLiterals;

// `gatehouse report` on the real binary, over the built-in demo repository (history 2026-08-03 to 2026-11-20).
class TestCliReport : public QObject
{
    Q_OBJECT

    QTemporaryDir m_demo;
    QTemporaryDir m_cache;
    QTemporaryDir m_out;

    using Run = gatehouse::test::CliRun;
    // Headless, as in CI: even the PDF must not need a display.
    Run run(const QStringList& arguments) const
    {
        return gatehouse::test::CliRunner().setEnvironment(u"XDG_CACHE_HOME"_s, m_cache.path()).run(arguments);
    }

    QStringList reportArgs(const QString& week, const QString& format) const
    {
        return {u"report"_s, u"--repo"_s, m_demo.path(),
                u"--week"_s, week,        u"--format"_s,
                format,      u"--now"_s,  u"2026-11-21T00:00:00Z"_s};
    }

    QJsonObject reportJson(const QString& week) const
    {
        const Run result = run(reportArgs(week, u"json"_s));
        if (result.exitCode != 0)
            qWarning("%s", result.err.constData());
        return QJsonDocument::fromJson(result.out).object();
    }

private Q_SLOTS:
    void initTestCase()
    {
        const Run demo = run({u"demo"_s, m_demo.path()});
        QVERIFY2(demo.exitCode == 0, demo.err.constData());
    }

    // The report's numbers are `gatehouse posture`'s at the week's last commit, evaluated at the week's end.
    void jsonEqualsPosture_data()
    {
        QTest::addColumn<QString>("week");
        for (const char* week : {"2026-W32", "2026-W34", "2026-W38", "2026-W42", "2026-W45", "2026-W47"})
            QTest::newRow(week) << QString::fromLatin1(week);
    }

    void jsonEqualsPosture()
    {
        QFETCH(QString, week);
        const QJsonObject report = reportJson(week);
        QCOMPARE(report.value(u"week"_s).toString(), week);
        const QString commit = report.value(u"commit"_s).toObject().value(u"id"_s).toString();
        QCOMPARE(commit.size(), 40);
        const QString asOf = report.value(u"as_of"_s).toString();
        const QString start = report.value(u"start"_s).toString();
        QVERIFY(asOf <= report.value(u"end"_s).toString());

        const Run posture = run(
            {u"posture"_s, u"--repo"_s, m_demo.path(), u"--rev"_s, commit, u"--now"_s, asOf, u"--format"_s, u"json"_s});
        QCOMPARE(posture.exitCode, 0);
        const QJsonObject root = QJsonDocument::fromJson(posture.out).object();
        const QJsonObject summary = root.value(u"summary"_s).toObject();
        QCOMPARE(root.value(u"head"_s).toString(), commit);
        QCOMPARE(report.value(u"open"_s).toObject(), summary.value(u"open"_s).toObject());
        QCOMPARE(report.value(u"overdue"_s).toInt(), summary.value(u"overdue"_s).toInt());
        QCOMPARE(report.value(u"median_days_to_fix"_s).toObject(), summary.value(u"median_days_to_fix"_s).toObject());

        // New: opened (first seen or reintroduced) during the week; fixed: fixed during the week.
        int opened = 0;
        int fixed = 0;
        QStringList overdue;
        for (const QJsonValue& v : root.value(u"findings"_s).toArray()) {
            const QJsonObject f = v.toObject();
            const QJsonObject openedAt
                = f.contains(u"opened"_s) ? f.value(u"opened"_s).toObject() : f.value(u"first_seen"_s).toObject();
            const QString openedTime = openedAt.value(u"time"_s).toString();
            opened += openedTime >= start && openedTime <= asOf;
            const QString fixedTime = f.value(u"fixed"_s).toObject().value(u"time"_s).toString();
            fixed += !fixedTime.isEmpty() && fixedTime >= start && fixedTime <= asOf;
            if (f.value(u"overdue"_s).toBool())
                overdue << f.value(u"fingerprint"_s).toString();
        }
        QCOMPARE(report.value(u"new"_s).toInt(), opened);
        QCOMPARE(report.value(u"fixed"_s).toInt(), fixed);
        QCOMPARE(report.value(u"new_findings"_s).toArray().size(), opened);
        QStringList reportOverdue;
        for (const QJsonValue& v : report.value(u"overdue_findings"_s).toArray()) {
            reportOverdue << v.toObject().value(u"fingerprint"_s).toString();
            QVERIFY(!v.toObject().value(u"owner"_s).toString().isEmpty());
        }
        reportOverdue.sort();
        overdue.sort();
        QCOMPARE(reportOverdue, overdue);

        // The trend ends with the week, whose open counts come from its last scan.
        const QJsonArray trend = report.value(u"trend"_s).toArray();
        QCOMPARE(trend.size(), 12);
        QCOMPARE(trend.last().toObject().value(u"week"_s).toString(), week);
        const QJsonArray scans = root.value(u"scans"_s).toArray();
        QCOMPARE(trend.last().toObject().value(u"open"_s).toObject(),
                 scans.last().toObject().value(u"open"_s).toObject());

        // Coverage has the five kinds; pipelines carry a status.
        const QJsonObject coverage = report.value(u"coverage"_s).toObject();
        QCOMPARE(coverage.keys(), QStringList({u"container"_s, u"dast"_s, u"dependency"_s, u"sast"_s, u"secrets"_s}));
        const QJsonArray pipelines = report.value(u"pipelines"_s).toArray();
        QVERIFY(!pipelines.isEmpty());
        for (const QJsonValue& v : pipelines)
            QVERIFY(QStringList({u"passed"_s, u"warning"_s, u"failed"_s})
                        .contains(v.toObject().value(u"status"_s).toString()));
        QVERIFY(QStringList({u"passed"_s, u"warning"_s, u"failed"_s}).contains(report.value(u"gates"_s).toString()));
    }

    // The demo's story: in W38 the critical PyYAML CVE is new and fixed the same week.
    void demoStory()
    {
        const QJsonObject report = reportJson(u"2026-W38"_s);
        const auto rules = [](const QJsonArray& findings) {
            QStringList out;
            for (const QJsonValue& v : findings)
                out << v.toObject().value(u"rule"_s).toString();
            return out;
        };
        QVERIFY(rules(report.value(u"new_findings"_s).toArray()).contains(u"CVE-2020-14343"_s));
        QVERIFY(rules(report.value(u"fixed_findings"_s).toArray()).contains(u"CVE-2020-14343"_s));
        QCOMPARE(report.value(u"open"_s).toObject().value(u"critical"_s).toInt(), 0);
        QVERIFY(report.value(u"median_days_to_fix"_s).toObject().value(u"critical"_s).toDouble() < 1.0);
        // At the end (W47) one high is overdue, owned by whoever introduced it.
        const QJsonObject last = reportJson(u"2026-W47"_s);
        QCOMPARE(last.value(u"overdue"_s).toInt(), 1);
        QCOMPARE(last.value(u"overdue_findings"_s).toArray().first().toObject().value(u"severity"_s).toString(),
                 u"high"_s);
    }

    void markdownHasTheNumbers()
    {
        const QJsonObject json = reportJson(u"2026-W38"_s);
        const Run result = run(reportArgs(u"2026-W38"_s, u"md"_s));
        QCOMPARE(result.exitCode, 0);
        const QString md = QString::fromUtf8(result.out);
        QVERIFY(md.startsWith(u"# Security posture: "_s));
        QVERIFY(md.contains(u"2026-W38"_s));
        const QJsonObject open = json.value(u"open"_s).toObject();
        int covered = 0;
        for (const QJsonValue& v : json.value(u"coverage"_s).toObject())
            covered += v.toObject().value(u"covered"_s).toBool();
        const QString row = u"| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8/5 |"_s.arg(open.value(u"critical"_s).toInt())
                                .arg(open.value(u"high"_s).toInt())
                                .arg(open.value(u"medium"_s).toInt())
                                .arg(open.value(u"low"_s).toInt())
                                .arg(json.value(u"new"_s).toInt())
                                .arg(json.value(u"fixed"_s).toInt())
                                .arg(json.value(u"overdue"_s).toInt())
                                .arg(covered);
        QVERIFY2(md.contains(row), qPrintable(row + u"\n"_s + md));
        QVERIFY(md.contains(u"## Overdue (%1)"_s.arg(json.value(u"overdue"_s).toInt())));
        for (const QJsonValue& v : json.value(u"overdue_findings"_s).toArray())
            QVERIFY(md.contains(v.toObject().value(u"owner"_s).toString()));
        QVERIFY(md.contains(u"## Pipeline gates: %1"_s.arg(json.value(u"gates"_s).toString())));
    }

    void htmlEmbedsTheChart()
    {
        const QString path = m_out.filePath(u"w38.html"_s);
        const Run result = run(reportArgs(u"2026-W38"_s, u"html"_s) + QStringList{u"-o"_s, path});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.isEmpty());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString html = QString::fromUtf8(file.readAll());
        QVERIFY(html.startsWith(u"<!DOCTYPE html>"_s));
        QVERIFY(html.contains(u"<svg xmlns=\"http://www.w3.org/2000/svg\""_s));
        QVERIFY(html.contains(u"W38</text>"_s));
        QVERIFY(html.trimmed().endsWith(u"</html>"_s));
    }

    void pdfIsOnePage()
    {
        const QString path = m_out.filePath(u"w38.pdf"_s);
        const Run result = run(reportArgs(u"2026-W38"_s, u"pdf"_s) + QStringList{u"-o"_s, path});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray pdf = file.readAll();
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY(pdf.trimmed().endsWith("%%EOF"));
        QCOMPARE(pdf.count("/Type /Page\n") + pdf.count("/Type /Page\r") + pdf.count("/Type /Page "), 1);

        // To standard output as well.
        const Run stdoutRun = run(reportArgs(u"2026-W38"_s, u"pdf"_s));
        QCOMPARE(stdoutRun.exitCode, 0);
        QVERIFY(stdoutRun.out.startsWith("%PDF-"));

        const QString pdftotext = QStandardPaths::findExecutable(u"pdftotext"_s);
        if (pdftotext.isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed: the PDF's text is not checked");
        QProcess process;
        process.start(pdftotext, {u"-layout"_s, path, u"-"_s});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);
        const QString text = QString::fromUtf8(process.readAllStandardOutput());
        QVERIFY2(text.contains(u"Security posture"_s), qPrintable(text));
        QVERIFY(text.contains(u"2026-W38"_s));
        QVERIFY(text.contains(u"CVE-2020-14343"_s));
        QVERIFY(text.contains(u"Overdue"_s));
        QVERIFY(text.contains(u".gitlab-ci.yml"_s));
        QVERIFY(text.contains(u"Open critical"_s));
    }

    void defaultWeekIsTheCurrentOne()
    {
        const Run result = run(
            {u"report"_s, u"--repo"_s, m_demo.path(), u"--format"_s, u"json"_s, u"--now"_s, u"2026-11-21T00:00:00Z"_s});
        QCOMPARE(result.exitCode, 0);
        const QJsonObject root = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(root.value(u"week"_s).toString(), u"2026-W47"_s);
        QCOMPARE(root.value(u"as_of"_s).toString(), u"2026-11-21T00:00:00Z"_s);
    }

    void weekBeforeTheHistory()
    {
        const QJsonObject root = reportJson(u"2025-W10"_s);
        QVERIFY(root.value(u"commit"_s).isNull());
        QCOMPARE(root.value(u"open_total"_s).toInt(), 0);
        QCOMPARE(root.value(u"gates"_s).toString(), u"none"_s);
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");

        const auto args = [this](const QString& week) {
            return QStringList{
                u"report"_s, u"--repo"_s, m_demo.path(), u"--week"_s, week, u"--now"_s, u"2026-11-21T00:00:00Z"_s};
        };
        QTest::newRow("week 60") << args(u"2026-W60"_s) << u"--week expects an ISO week"_s;
        QTest::newRow("no 53rd week in 2025") << args(u"2025-W53"_s) << u"--week expects an ISO week"_s;
        QTest::newRow("a date") << args(u"2026-11-16"_s) << u"--week expects an ISO week"_s;
        QTest::newRow("words") << args(u"last week"_s) << u"--week expects an ISO week"_s;
        QTest::newRow("future week") << args(u"2026-W49"_s) << u"has not started yet"_s;
        QTest::newRow("unknown format") << QStringList{u"report"_s, u"--repo"_s, m_demo.path(), u"--format"_s,
                                                       u"docx"_s}
                                        << u"unknown format"_s;
        QTest::newRow("bad --now") << QStringList{u"report"_s, u"--repo"_s, m_demo.path(), u"--now"_s, u"soon"_s}
                                   << u"--now expects"_s;
        QTest::newRow("not a repository")
            << QStringList{u"report"_s, u"--repo"_s, m_out.path(), u"--week"_s, u"2026-W38"_s}
            << u"gatehouse report: "_s;
        QTest::newRow("unwritable output")
            << args(u"2026-W38"_s) + QStringList{u"-o"_s, u"/proc/nope/report.md"_s} << u"cannot write"_s;
    }

    void badInput()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Run result = run(arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(QString::fromUtf8(result.err).contains(message), result.err.constData());
        QVERIFY(result.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliReport)
#include "tst_cli_report.moc"
