// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "security/ReportReader.h"
#include "security/report/SonarQubeReader.h"

#include <QDir>
#include <QtTest>

using namespace gatehouse;

namespace {

QByteArray apiIssue(const char* key, const char* rule, const char* severity, const char* extra = "")
{
    return QByteArray(R"({"key":")") + key + R"(","rule":")" + rule + R"(","severity":")" + severity
        + R"(","component":"shop:src/app.py","project":"shop","line":12,"message":"Fix this\nsecond line","status":"OPEN")"
        + extra + "}";
}

QByteArray apiPage(const QByteArray& issues)
{
    return R"({"total":1,"p":1,"ps":100,"paging":{"pageIndex":1,"pageSize":100,"total":1},"issues":[)" + issues
        + R"(],"components":[]})";
}

} // namespace

class TestSonarQubeReader : public QObject
{
    Q_OBJECT

private slots:
    void severity_data()
    {
        QTest::addColumn<QString>("sonar");
        QTest::addColumn<Severity>("expected");
        QTest::newRow("blocker") << "BLOCKER" << Severity::Critical;
        QTest::newRow("critical") << "CRITICAL" << Severity::High;
        QTest::newRow("major") << "MAJOR" << Severity::Medium;
        QTest::newRow("minor") << "MINOR" << Severity::Low;
        QTest::newRow("info") << "INFO" << Severity::Info;
        QTest::newRow("impact high") << "HIGH" << Severity::High;
        QTest::newRow("impact medium") << "MEDIUM" << Severity::Medium;
        QTest::newRow("impact low lowercase") << "low" << Severity::Low;
        QTest::newRow("unknown is medium") << "SEVERE" << Severity::Medium;
    }
    void severity()
    {
        QFETCH(QString, sonar);
        QFETCH(Severity, expected);
        QCOMPARE(SonarQubeReader::severity(sonar), expected);
    }

    void read_data()
    {
        QTest::addColumn<QByteArray>("report");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QString>("severity");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("triage");

        QTest::newRow("generic current format, severity from rule impacts") << QByteArray(
            R"({"rules":[{"id":"no-eval","name":"No eval","engineId":"eslint","cleanCodeAttribute":"LOGICAL",
                 "impacts":[{"softwareQuality":"SECURITY","severity":"HIGH"},{"softwareQuality":"RELIABILITY","severity":"LOW"}]}],
                 "issues":[{"ruleId":"no-eval","effortMinutes":5,"primaryLocation":{"message":"eval is evil",
                 "filePath":"web/app.js","textRange":{"startLine":7,"startColumn":2}}}]})")
                                                                            << 1 << "no-eval"
                                                                            << "high"
                                                                            << "web/app.js" << 7 << "";
        QTest::newRow("generic deprecated format, severity on the issue")
            << QByteArray(R"({"issues":[{"engineId":"lint","ruleId":"r1","severity":"BLOCKER","type":"VULNERABILITY",
                 "primaryLocation":{"message":"m","filePath":"a.c","textRange":{"startLine":3}}}]})")
            << 1 << "r1"
            << "critical"
            << "a.c" << 3 << "";
        QTest::newRow("generic issue without textRange")
            << QByteArray(R"({"issues":[{"engineId":"lint","ruleId":"r1","severity":"MINOR","type":"BUG",
                 "primaryLocation":{"message":"m","filePath":"a.c"}}]})")
            << 1 << "r1"
            << "low"
            << "a.c" << 0 << "";
        QTest::newRow("api page, projectKey prefix stripped")
            << apiPage(apiIssue("K1", "python:S5332", "MAJOR")) << 1 << "python:S5332"
            << "medium"
            << "src/app.py" << 12 << "";
        QTest::newRow("api impact worse than legacy severity") << apiPage(
            apiIssue("K1", "python:S1", "MINOR", R"(,"impacts":[{"softwareQuality":"SECURITY","severity":"BLOCKER"}])"))
                                                               << 1 << "python:S1"
                                                               << "critical"
                                                               << "src/app.py" << 12 << "";
        QTest::newRow("api legacy severity worse than impact") << apiPage(
            apiIssue("K1", "java:S2078", "BLOCKER", R"(,"impacts":[{"softwareQuality":"SECURITY","severity":"HIGH"}])"))
                                                               << 1 << "java:S2078"
                                                               << "critical"
                                                               << "src/app.py" << 12 << "";
        QTest::newRow("api false positive is triaged")
            << apiPage(apiIssue("K1", "python:S1", "MAJOR", R"(,"status":"RESOLVED","resolution":"FALSE-POSITIVE")"))
            << 1 << "python:S1"
            << "medium"
            << "src/app.py" << 12 << "false_positive";
        QTest::newRow("api wontfix is accepted")
            << apiPage(apiIssue("K1", "python:S1", "MAJOR", R"(,"status":"RESOLVED","resolution":"WONTFIX")")) << 1
            << "python:S1"
            << "medium"
            << "src/app.py" << 12 << "accepted";
        QTest::newRow("api newer issueStatus FALSE_POSITIVE")
            << apiPage(apiIssue("K1", "python:S1", "MAJOR", R"(,"issueStatus":"FALSE_POSITIVE")")) << 1 << "python:S1"
            << "medium"
            << "src/app.py" << 12 << "false_positive";
        QTest::newRow("api fixed issue is left out")
            << apiPage(apiIssue("K1", "python:S1", "MAJOR", R"(,"status":"CLOSED","resolution":"FIXED")")) << 0 << ""
            << ""
            << "" << 0 << "";
        QTest::newRow("api component path from components list") << QByteArray(
            R"({"paging":{"total":1},"issues":[{"key":"K","rule":"js:S1","severity":"INFO","component":"p:x",
                 "textRange":{"startLine":40,"endLine":41}}],"components":[{"key":"p:x","path":"lib/x.js"}]})")
                                                                 << 1 << "js:S1"
                                                                 << "info"
                                                                 << "lib/x.js" << 40 << "";
        QTest::newRow("two pages concatenated")
            << apiPage(apiIssue("K1", "a:S1", "MAJOR")) + "\n" + apiPage(apiIssue("K2", "a:S2", "MINOR")) << 2 << "a:S1"
            << "medium"
            << "src/app.py" << 12 << "";
        QTest::newRow("a JSON list of pages")
            << "[" + apiPage(apiIssue("K1", "a:S1", "MAJOR")) + "," + apiPage(apiIssue("K2", "a:S2", "MINOR")) + "]"
            << 2 << "a:S1"
            << "medium"
            << "src/app.py" << 12 << "";
        QTest::newRow("empty api page") << QByteArray(R"({"paging":{"total":0},"issues":[],"components":[]})") << 0
                                        << ""
                                        << ""
                                        << "" << 0 << "";
    }
    void read()
    {
        QFETCH(QByteArray, report);
        QFETCH(int, count);
        QCOMPARE(ReportReader::detectFormat(report), ReportFormat::SonarQube);
        auto parsed = ReportReader::readData(report, QStringLiteral("reports/sonarqube.json"));
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
        QCOMPARE(parsed->format, ReportFormat::SonarQube);
        QCOMPARE(parsed->tool, QStringLiteral("sonarqube"));
        QCOMPARE(parsed->findings.size(), count);
        if (count == 0)
            return;
        const Finding& f = parsed->findings.first();
        QTEST(f.rule, "rule");
        QTEST(severityName(f.severity), "severity");
        QTEST(f.location.path, "path");
        QTEST(f.location.line, "line");
        QTEST(f.triage, "triage");
        QCOMPARE(f.tool, QStringLiteral("sonarqube"));
        QVERIFY(!f.fingerprint.isEmpty());
        QVERIFY(!f.title.contains(QLatin1Char('\n')));
    }

    void fingerprints()
    {
        // The api's issue key is SonarQube's own identity; the generic format gets a computed one without the line.
        auto api = ReportReader::readData(apiPage(apiIssue("AZ-1", "a:S1", "MAJOR")), QStringLiteral("s.json"));
        QVERIFY(api.ok());
        QCOMPARE(api->findings.first().fingerprint, QStringLiteral("AZ-1"));
        QVERIFY(api->findings.first().toolFingerprint);
        const QByteArray generic = R"({"issues":[{"engineId":"e","ruleId":"r","severity":"MAJOR","type":"BUG",
            "primaryLocation":{"message":"m","filePath":"a.c","textRange":{"startLine":%1}}}]})";
        auto first = ReportReader::readData(QByteArray(generic).replace("%1", "3"), QStringLiteral("s.json"));
        auto moved = ReportReader::readData(QByteArray(generic).replace("%1", "9"), QStringLiteral("s.json"));
        QVERIFY(first.ok() && moved.ok());
        QCOMPARE(first->findings.first().fingerprint, moved->findings.first().fingerprint);
        QVERIFY(!first->findings.first().toolFingerprint);
    }

    void notSonarQube_data()
    {
        QTest::addColumn<QByteArray>("report");
        QTest::newRow("semgrep") << QByteArray(R"({"results":[{"check_id":"x"}],"errors":[]})");
        QTest::newRow("issues without sonar shape") << QByteArray(R"({"issues":[{"title":"x","url":"y"}]})");
        QTest::newRow("gosec capitalised Issues") << QByteArray(R"({"Issues":[{"rule_id":"G101"}],"Stats":{}})");
    }
    void notSonarQube()
    {
        QFETCH(QByteArray, report);
        QVERIFY(ReportReader::detectFormat(report) != ReportFormat::SonarQube);
    }

    void badInput_data()
    {
        QTest::addColumn<QByteArray>("report");
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("line");
        QTest::newRow("broken second page")
            << apiPage(apiIssue("K1", "a:S1", "MAJOR")) + "\n{\"paging\":{},\"issues\":[}"
            << "report.invalid-json" << 2;
        QTest::newRow("truncated page") << QByteArray("{\"paging\":{\"total\":1},\n\"issues\":[{\"rule\":\"a\"")
                                        << "report.truncated" << 2;
        QTest::newRow("garbage after a page") << apiPage("") + "\nnot json"
                                              << "report.invalid-json" << 2;
        QTest::newRow("list holding a number")
            << QByteArray(R"([{"paging":{},"issues":[]}, 3])") << "report.schema" << 1;
        QTest::newRow("too deep") << QByteArray(R"({"paging":{},"issues":[)") + QByteArray(150, '[')
                                  << "report.too-deep" << 1;
    }
    void badInput()
    {
        QFETCH(QByteArray, report);
        QFETCH(QString, code);
        ReportDiagnostic failure;
        auto parsed = ReportReader::readData(report, QStringLiteral("sonar.json"), {}, nullptr, &failure);
        QVERIFY(!parsed.ok());
        QCOMPARE(failure.code, code);
        QTEST(failure.line, "line");
        QVERIFY(!failure.message.isEmpty());
    }

    void skippedEntries()
    {
        auto parsed = ReportReader::readData(
            apiPage(R"({"key":"x","component":"p:a"},)" + apiIssue("K2", "a:S2", "MINOR")), QStringLiteral("s.json"));
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->findings.size(), 1);
        QCOMPARE(parsed->warnings.size(), 1);
        QCOMPARE(parsed->warnings.first().code, QStringLiteral("report.entry-skipped"));
    }

    void findingLimit()
    {
        ReportLimits limits;
        limits.maxFindings = 1;
        auto parsed
            = ReportReader::readData(apiPage(apiIssue("K1", "a:S1", "MAJOR") + "," + apiIssue("K2", "a:S2", "MAJOR")),
                                     QStringLiteral("s.json"), limits);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, QStringLiteral("report.too-many-findings"));
    }

    void corpus_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("firstPath");
        const QString dir = QStringLiteral(GATEHOUSE_CORPUS_DIR "/reports/sonarqube/");
        QTest::newRow("sonarqube externalIssues (generic, deprecated)")
            << dir + QLatin1String("SonarSource__sonarqube__externalIssues.json") << 4 << "xources/hello/HelloJava.xoo";
        QTest::newRow("swiftlint sonarqube reporter")
            << dir + QLatin1String("realm__SwiftLint__CannedSonarQubeReporterOutput.json") << 4 << "filename";
        QTest::newRow("sonarcloud api java")
            << dir + QLatin1String("pixee__codemodder-java__sonar-jndi-injection-s2078_normal_sonar-issues.json") << 6
            << "src/main/java/com/mycompany/app/jndi/FindResource.java";
        QTest::newRow("sonarcloud api python")
            << dir + QLatin1String("pixee__codemodder-python__sonar_issues.json") << 44 << "";
    }
    void corpus()
    {
        QFETCH(QString, file);
        QFETCH(int, count);
        QFETCH(QString, firstPath);
        if (!QFileInfo::exists(file))
            QSKIP("corpus absent");
        auto parsed = ReportReader::readFile(file);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
        QCOMPARE(parsed->format, ReportFormat::SonarQube);
        QCOMPARE(parsed->findings.size(), count);
        QVERIFY(parsed->warnings.isEmpty());
        if (!firstPath.isEmpty())
            QCOMPARE(parsed->findings.first().location.path, firstPath);
        for (const Finding& f : parsed->findings) {
            QVERIFY(!f.rule.isEmpty());
            QVERIFY(!f.location.path.contains(QLatin1Char(':')));
        }
    }
};

QTEST_GUILESS_MAIN(TestSonarQubeReader)
#include "tst_sonarqubereader.moc"
