// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "security/ReportReader.h"

#include <QtTest>

using namespace gatehouse;
using namespace Qt::StringLiterals;

namespace {

// GitLab security report (documented schema: version, scan, vulnerabilities with identifiers and location).
QByteArray gitLabReport(const QByteArray& type, const QByteArray& scanner, const QByteArray& vulnerabilities)
{
    return R"({"version":"15.0.7","scan":{"type":")" + type + R"(","status":"success","scanner":{"id":")" + scanner
        + R"(","name":"X","vendor":{"name":"GitLab"},"version":"1"},"analyzer":{"id":")" + scanner
        + R"(","name":"X","vendor":{"name":"GitLab"},"version":"1"},"start_time":"2026-04-01T10:00:00",)"
          R"("end_time":"2026-04-01T10:01:00"},"vulnerabilities":[)"
        + vulnerabilities + "]}";
}

QByteArray dependabotAlert(int number, const QByteArray& state, const QByteArray& reason, const QByteArray& severity)
{
    return R"({"number":)" + QByteArray::number(number) + R"(,"state":")" + state + R"(","dismissed_reason":)"
        + (reason.isEmpty() ? QByteArray("null") : "\"" + reason + "\"")
        + R"(,"dependency":{"package":{"ecosystem":"npm","name":"lodash"},"manifest_path":"web/package-lock.json",)"
          R"("scope":"runtime"},"security_advisory":{"ghsa_id":"GHSA-AbCd-1234-wxyz","cve_id":"CVE-2021-23337",)"
          R"("summary":"Command injection in lodash","description":"…","severity":")"
        + severity
        + R"(","identifiers":[{"value":"GHSA-AbCd-1234-wxyz","type":"GHSA"},{"value":"CVE-2021-23337","type":"CVE"}]},)"
          R"("security_vulnerability":{"package":{"ecosystem":"npm","name":"lodash"},"severity":")"
        + severity
        + R"(","vulnerable_version_range":"< 4.17.21","first_patched_version":{"identifier":"4.17.21"}},)"
          R"("url":"https://api.github.com/repos/o/r/dependabot/alerts/1","created_at":"2026-04-01T10:00:00Z"})";
}

} // namespace

class TestPlatformReportReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reads_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("format");
        // "tool category severity rule path:line package target ids triage" per finding, '|' between findings.
        QTest::addColumn<QString>("expected");

        QTest::newRow("gitlab sast") << gitLabReport(
            "sast", "semgrep",
            R"({"id":"a1","category":"sast","name":"Use of eval","severity":"High",)"
            R"("location":{"file":"src/app.js","start_line":12},"identifiers":[)"
            R"({"type":"semgrep_id","name":"eslint.detect-eval","value":"eslint.detect-eval"},)"
            R"({"type":"cwe","name":"CWE-95","value":"95"}]})")
                                     << u"gitlab-sast-semgrep-sast.json"_s << u"gitlab-security-json"_s
                                     << u"semgrep sast high eslint.detect-eval src/app.js:12 - - CWE-95 -"_s;
        QTest::newRow("gitlab dependency scanning")
            << gitLabReport("dependency_scanning", "gemnasium",
                            R"({"id":"b2","name":"Prototype pollution","severity":"Critical","location":{)"
                            R"("file":"package-lock.json","dependency":{"package":{"name":"lodash"},)"
                            R"("version":"4.17.4"}},"identifiers":[{"type":"cve","name":"CVE-2019-10744",)"
                            R"("value":"CVE-2019-10744"},{"type":"ghsa","name":"GHSA-jf85-cpcp-j695",)"
                            R"("value":"GHSA-jf85-cpcp-j695"}]})")
            << u"gl-dependency-scanning-report.json"_s << u"gitlab-security-json"_s
            << u"gemnasium dependency critical CVE-2019-10744 package-lock.json:0 lodash - "
               "CVE-2019-10744,GHSA-jf85-cpcp-j695 -"_s;
        QTest::newRow("gitlab container scanning, unknown severity")
            << gitLabReport("container_scanning", "trivy",
                            R"({"id":"c3","name":"CVE-2023-1 in openssl","severity":"Unknown","location":{)"
                            R"("image":"registry.example.com/app:1.2","operating_system":"alpine 3.18",)"
                            R"("dependency":{"package":{"name":"openssl"},"version":"3.1.0"}},)"
                            R"("identifiers":[{"type":"cve","name":"CVE-2023-1","value":"CVE-2023-1"}]})")
            << u"gl-container-scanning-report.json"_s << u"gitlab-security-json"_s
            << u"trivy container medium CVE-2023-1 :0 openssl registry.example.com/app:1.2 CVE-2023-1 -"_s;
        QTest::newRow("gitlab secret detection and dast")
            << gitLabReport("secret_detection", "gitleaks",
                            R"({"id":"d4","name":"AWS access key","severity":"Critical","location":{)"
                            R"("file":"config/prod.env","start_line":3},"identifiers":[{"type":"gitleaks_rule_id",)"
                            R"("name":"AWS","value":"AWS"}]})")
            << u"gl-secret-detection-report.json"_s << u"gitlab-security-json"_s
            << u"gitleaks secret critical AWS config/prod.env:3 - - - -"_s;
        QTest::newRow("gitlab dast location")
            << gitLabReport("dast", "zaproxy",
                            R"({"id":"e5","name":"Missing CSP header","severity":"Low","location":{)"
                            R"("hostname":"https://staging.example.com","path":"/login","method":"GET"},)"
                            R"("identifiers":[{"type":"ZAProxy_PluginId","name":"10038","value":"10038"}]})")
            << u"gl-dast-report.json"_s << u"gitlab-security-json"_s
            << u"zaproxy dast low 10038 :0 - https://staging.example.com/login - -"_s;
        QTest::newRow("gitlab report without findings")
            << gitLabReport("sast", "semgrep", "") << u"gl-sast-report.json"_s << u"gitlab-security-json"_s
            << QString();
        QTest::newRow("dependabot open, dismissed and fixed")
            << "[" + dependabotAlert(1, "open", {}, "high") + "," + dependabotAlert(2, "dismissed", "inaccurate", "low")
                + "," + dependabotAlert(3, "dismissed", "tolerable_risk", "medium") + ","
                + dependabotAlert(4, "fixed", {}, "critical") + "]"
            << u"github-dependabot-alerts.json"_s << u"dependabot-alerts-json"_s
            << u"dependabot dependency high GHSA-abcd-1234-wxyz web/package-lock.json:0 lodash - "
               "CVE-2021-23337,GHSA-abcd-1234-wxyz -|"
               "dependabot dependency low GHSA-abcd-1234-wxyz web/package-lock.json:0 lodash - "
               "CVE-2021-23337,GHSA-abcd-1234-wxyz false_positive|"
               "dependabot dependency medium GHSA-abcd-1234-wxyz web/package-lock.json:0 lodash - "
               "CVE-2021-23337,GHSA-abcd-1234-wxyz accepted"_s;
        QTest::newRow("dependabot no open alerts")
            << QByteArray("[]") << u"github-dependabot-alerts.json"_s << u"dependabot-alerts-json"_s << QString();
        // Negative rows: shapes that are other tools' and must keep their own readers.
        QTest::newRow("safety is not gitlab")
            << QByteArray(R"({"report_meta":{"scan_target":"x"},"vulnerabilities":[]})") << u"safety.json"_s
            << u"safety-json"_s << QString();
        QTest::newRow("npm audit is not gitlab")
            << QByteArray(R"({"auditReportVersion":2,"vulnerabilities":{},"metadata":{}})") << u"audit.json"_s
            << u"npm-audit-json"_s << QString();
    }

    void reads()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, name);
        QFETCH(QString, format);
        QFETCH(QString, expected);
        const Result<ParsedReport> report = ReportReader::readData(content, name);
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().toString()));
        QCOMPARE(reportFormatName(report->format), format);
        QStringList rows;
        QSet<QString> fingerprints;
        for (const Finding& f : report->findings) {
            const QString where = f.location.path.isEmpty() && f.location.line == 0
                ? u":0"_s
                : u"%1:%2"_s.arg(f.location.path).arg(f.location.line);
            rows << u"%1 %2 %3 %4 %5 %6 %7 %8 %9"_s.arg(
                f.tool, categoryName(f.category), severityName(f.severity), f.rule, where,
                f.location.package.isEmpty() ? u"-"_s : f.location.package,
                f.location.target.isEmpty() ? u"-"_s : f.location.target, f.ids.isEmpty() ? u"-"_s : f.ids.join(u','),
                f.triage.isEmpty() ? u"-"_s : f.triage);
            fingerprints.insert(f.fingerprint);
        }
        QCOMPARE(rows.join(u'|'), expected);
        QCOMPARE(fingerprints.size(), report->findings.size());
    }

    // The same finding in two pipelines' reports keeps its fingerprint (the report's own ids are per report).
    void fingerprintsAreStable()
    {
        const QByteArray first = gitLabReport(
            "sast", "semgrep",
            R"({"id":"aaaa","name":"Use of eval","severity":"High","location":{"file":"a.js","start_line":3},)"
            R"("identifiers":[{"type":"semgrep_id","name":"r","value":"r"}]})");
        QByteArray second = first;
        second.replace("\"aaaa\"", "\"bbbb\"").replace("\"start_line\":3", "\"start_line\":9");
        const auto a = ReportReader::readData(first, u"gl-sast-report.json"_s);
        const auto b = ReportReader::readData(second, u"gl-sast-report.json"_s);
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(a->findings.value(0).fingerprint, b->findings.value(0).fingerprint);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("code");
        QTest::newRow("gitlab truncated") << gitLabReport("sast", "semgrep", R"({"id":"a","name":"x")").left(150)
                                          << u"gl-sast-report.json"_s << u"report.truncated"_s;
        QTest::newRow("gitlab vulnerabilities not a list")
            << QByteArray(R"({"version":"15.0.0","scan":{"type":"sast"},"vulnerabilities":{}})")
            << u"gl-sast-report.json"_s << u"report.schema"_s;
        QTest::newRow("dependabot truncated") << QByteArray("[" + dependabotAlert(1, "open", {}, "high")).left(200)
                                              << u"github-dependabot-alerts.json"_s << u"report.truncated"_s;
        QTest::newRow("dependabot invalid json") << QByteArray(R"([{"security_advisory":{},"dependency":{}} x])")
                                                 << u"github-dependabot-alerts.json"_s << u"report.invalid-json"_s;
    }

    void errors()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, name);
        QFETCH(QString, code);
        const Result<ParsedReport> report = ReportReader::readData(content, name);
        QVERIFY(!report.ok());
        QCOMPARE(report.error().code, code);
    }
};

QTEST_GUILESS_MAIN(TestPlatformReportReader)
#include "tst_platformreportreader.moc"
