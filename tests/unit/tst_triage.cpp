// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "security/Triage.h"

#include <QtTest>

using namespace gatehouse;

namespace {

Finding finding(const char* tool, const char* rule, const char* path, const char* package = "",
                const char* fingerprint = "fp1")
{
    Finding f;
    f.tool = QString::fromUtf8(tool);
    f.rule = QString::fromUtf8(rule);
    f.location.path = QString::fromUtf8(path);
    f.location.package = QString::fromUtf8(package);
    f.fingerprint = QString::fromUtf8(fingerprint);
    return f;
}

} // namespace

class TestTriage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseErrors_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad status") << QByteArray("findings:\n  - rule: r\n    status: ignore\n")
                                    << "line 2, column 5: status must be false_positive or accepted_risk, not 'ignore'";
        QTest::newRow("no selector") << QByteArray("findings:\n  - tool: semgrep\n    status: false_positive\n")
                                     << "line 2, column 5: a decision needs a fingerprint or a rule";
        QTest::newRow("bad date") << QByteArray(
            "findings:\n  - rule: r\n    status: accepted_risk\n    expires: soon\n")
                                  << "line 4, column 14: 'expires' must be a date";
        QTest::newRow("findings not a list") << QByteArray("findings: {a: 1}\n") << "'findings' must be a list";
        QTest::newRow("entry not a map") << QByteArray("findings:\n  - just text\n") << "must be a mapping";
        QTest::newRow("broken yaml") << QByteArray("findings:\n  - rule: [x\n") << "triage.yml line";
    }
    void parseErrors()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, message);
        const auto triage = Triage::parse(yaml);
        QVERIFY(!triage.ok());
        QCOMPARE(triage.error().code, QStringLiteral("triage.invalid"));
        QVERIFY2(triage.error().message.contains(message), qPrintable(triage.error().message));
    }

    void demoFile()
    {
        const QByteArray yaml = "# decisions\nfindings:\n"
                                "  - tool: semgrep\n    rule: md5\n    path: app/cache.py\n    status: false_positive\n"
                                "    reason: cache keys only\n    by: priya@example.com\n    date: 2026-10-09\n"
                                "  - tool: trivy\n    rule: CVE-2024-35195\n    package: requests\n"
                                "    status: accepted_risk\n    reason: no Session with verify=False\n"
                                "    by: priya@example.com\n    date: 2026-10-09\n    expires: 2027-01-31\n"
                                "  - fingerprint: abc123\n    status: accepted\n";
        const auto triage = Triage::parse(yaml);
        QVERIFY2(triage.ok(), qPrintable(triage.ok() ? QString() : triage.error().message));
        QCOMPARE(triage->entries().size(), 3);
        const TriageEntry& fp = triage->entries().at(0);
        QCOMPARE(fp.status, TriageStatus::FalsePositive);
        QCOMPARE(fp.reason, QStringLiteral("cache keys only"));
        QCOMPARE(fp.by, QStringLiteral("priya@example.com"));
        QCOMPARE(fp.date, QDate(2026, 10, 9));
        QCOMPARE(fp.line, 3);
        const TriageEntry& accepted = triage->entries().at(1);
        QCOMPARE(accepted.status, TriageStatus::AcceptedRisk);
        QCOMPARE(accepted.expires, QDate(2027, 1, 31));
        QCOMPARE(triage->entries().at(2).status, TriageStatus::AcceptedRisk);
        QVERIFY(Triage::parse("").ok());
        QVERIFY(Triage::parse("findings:\n").ok());
        QCOMPARE(Triage::parse("- rule: r\n  status: false_positive\n")->entries().size(), 1); // bare list
    }

    void matches_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<Finding>("finding");
        QTest::addColumn<bool>("matches");
        const QByteArray byRule = "- tool: semgrep\n  rule: md5\n  path: app/cache.py\n  status: false_positive\n";
        QTest::newRow("rule and path") << byRule << finding("semgrep", "md5", "app/cache.py") << true;
        QTest::newRow("other path") << byRule << finding("semgrep", "md5", "app/views.py") << false;
        QTest::newRow("other tool") << byRule << finding("bandit", "md5", "app/cache.py") << false;
        QTest::newRow("other rule") << byRule << finding("semgrep", "sha1", "app/cache.py") << false;
        const QByteArray glob = "- rule: md5\n  path: \"tests/**\"\n  status: false_positive\n";
        QTest::newRow("path glob") << glob << finding("semgrep", "md5", "tests/unit/a.py") << true;
        QTest::newRow("path glob outside") << glob << finding("semgrep", "md5", "app/a.py") << false;
        const QByteArray byPackage = "- rule: CVE-1\n  package: requests\n  status: accepted_risk\n";
        QTest::newRow("package") << byPackage << finding("trivy", "CVE-1", "", "requests") << true;
        QTest::newRow("other package") << byPackage << finding("trivy", "CVE-1", "", "urllib3") << false;
        const QByteArray byFingerprint = "- fingerprint: fp9\n  status: false_positive\n";
        QTest::newRow("fingerprint") << byFingerprint << finding("zap", "10020", "", "", "fp9") << true;
        QTest::newRow("other fingerprint") << byFingerprint << finding("zap", "10020", "", "", "fp8") << false;
    }
    void matches()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(Finding, finding);
        QFETCH(bool, matches);
        const auto triage = Triage::parse(yaml);
        QVERIFY(triage.ok());
        QCOMPARE(triage->find(finding) != nullptr, matches);
    }

    void expiry_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("expires");
        QTest::addColumn<QDateTime>("time");
        QTest::addColumn<bool>("active");
        const QDateTime lastDay(QDate(2027, 1, 31), QTime(23, 59), Qt::UTC);
        const QDateTime dayAfter(QDate(2027, 2, 1), QTime(0, 0), Qt::UTC);
        QTest::newRow("accepted, before expiry") << "accepted_risk"
                                                 << "2027-01-31" << lastDay << true;
        QTest::newRow("accepted, expired") << "accepted_risk"
                                           << "2027-01-31" << dayAfter << false;
        QTest::newRow("accepted, no expiry") << "accepted_risk" << QString() << dayAfter << true;
        QTest::newRow("false positive ignores expiry") << "false_positive"
                                                       << "2027-01-31" << dayAfter << true;
    }
    void expiry()
    {
        QFETCH(QString, status);
        QFETCH(QString, expires);
        QFETCH(QDateTime, time);
        QFETCH(bool, active);
        QByteArray yaml = "- rule: r\n  status: " + status.toUtf8() + "\n";
        if (!expires.isEmpty())
            yaml += "  expires: " + expires.toUtf8() + "\n";
        const auto triage = Triage::parse(yaml);
        QVERIFY(triage.ok());
        QCOMPARE(triage->entries().first().activeAt(time), active);
    }

    void append_data()
    {
        QTest::addColumn<QByteArray>("existing");
        QTest::addColumn<bool>("keepsText"); // the old text is a prefix of the new one

        QTest::newRow("no file yet") << QByteArray() << true;
        QTest::newRow("block list at the end")
            << QByteArray("# Reviewed in merge requests.\nfindings:\n  - rule: r1\n    status: false_positive\n"
                          "    reason: test data # inline comment\n")
            << true;
        QTest::newRow("indented four, no final newline")
            << QByteArray("findings:\n    - rule: r1\n      status: false_positive") << true;
        QTest::newRow("bare list") << QByteArray("- rule: r1\n  status: false_positive\n") << true;
        QTest::newRow("empty findings key") << QByteArray("# none yet\nfindings:\n") << true;
        QTest::newRow("another key after the list")
            << QByteArray("findings:\n  - rule: r1\n    status: false_positive\nowner: sec-team\n") << false;
        QTest::newRow("flow list") << QByteArray("findings: [{rule: r1, status: false_positive}]\n") << false;
    }
    void append()
    {
        QFETCH(QByteArray, existing);
        QFETCH(bool, keepsText);
        TriageEntry entry;
        entry.tool = QStringLiteral("semgrep");
        entry.fingerprint = QStringLiteral("0f3a9c");
        entry.rule = QStringLiteral("python.flask.security.xss: \"quoted\"");
        entry.status = TriageStatus::AcceptedRisk;
        entry.reason = QStringLiteral("Behind the VPN: only staff reach it.\nTracked in SEC-1 \u2713");
        entry.by = QStringLiteral("priya.raman@example.com");
        entry.date = QDate(2026, 11, 20);
        entry.expires = QDate(2027, 1, 31);
        const int before = existing.isEmpty() ? 0 : int(Triage::parse(existing)->entries().size());
        auto text = Triage::append(existing, entry, QStringLiteral("high: XSS in the template"));
        QVERIFY2(text.ok(), qPrintable(text.ok() ? QString() : text.error().toString()));
        QCOMPARE(text->startsWith(existing.trimmed()), keepsText);
        auto parsed = Triage::parse(*text);
        QVERIFY2(parsed.ok(), text->constData());
        QCOMPARE(parsed->entries().size(), before + 1);
        const TriageEntry& back = parsed->entries().constLast();
        QCOMPARE(back.tool, entry.tool);
        QCOMPARE(back.fingerprint, entry.fingerprint);
        QCOMPARE(back.rule, entry.rule);
        QCOMPARE(back.status, entry.status);
        QCOMPARE(back.reason, entry.reason);
        QCOMPARE(back.by, entry.by);
        QCOMPARE(back.date, entry.date);
        QCOMPARE(back.expires, entry.expires);
        if (before > 0)
            QCOMPARE(parsed->entries().constFirst().rule, QStringLiteral("r1"));
    }

    void appendRefusesBrokenFiles()
    {
        TriageEntry entry;
        entry.rule = QStringLiteral("r");
        QVERIFY(!Triage::append("findings:\n  - rule: [unclosed\n", entry).ok());
        QVERIFY(!Triage::append("findings:\n  - status: false_positive\n", entry).ok()); // no selector
    }

    void matchingListsEveryDecision()
    {
        auto triage = Triage::parse("findings:\n  - rule: r\n    status: false_positive\n"
                                    "  - fingerprint: f\n    status: accepted_risk\n  - rule: other\n"
                                    "    status: false_positive\n");
        QVERIFY(triage.ok());
        Finding f;
        f.rule = QStringLiteral("r");
        f.fingerprint = QStringLiteral("f");
        const QList<TriageEntry> all = triage->matching(f);
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0).line, 2);
        QCOMPARE(all.at(1).status, TriageStatus::AcceptedRisk);
        QCOMPARE(triage->find(f)->line, 2);
    }
};

QTEST_GUILESS_MAIN(TestTriage)
#include "tst_triage.moc"
