// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "security/ReportReader.h"

#include "Corpus.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QtTest>

using namespace gatehouse;

namespace {

QString corpus(const QString& relative)
{
    return gatehouse::test::corpusPath(QStringLiteral("reports/") + relative);
}

QString fixture(const QString& name)
{
    return QStringLiteral(GATEHOUSE_FIXTURES_DIR "/reports/") + name;
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QString sha256(const QString& text, int length)
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex())
        .left(length);
}

/// The documented computed fingerprint (docs/security.md): sha256 of tool, rule, path, package, target (image
/// without tag) and discriminator joined by newlines, first 32 hex digits.
QString part(const char* text)
{
    return QString::fromUtf8(text);
}
QString part(const QString& text)
{
    return text;
}
template <typename... Parts> QString computed(const Parts&... parts)
{
    const QStringList identity{part(parts)...};
    return sha256(identity.join(QLatin1Char('\n')), 32);
}

QStringList list(std::initializer_list<const char*> items)
{
    QStringList out;
    for (const char* item : items)
        out << QString::fromUtf8(item);
    return out;
}

/// "critical/high/medium/low/info" counts.
QString histogram(const QList<Finding>& findings)
{
    QStringList parts;
    for (Severity s : allSeverities())
        parts << QString::number(
            std::count_if(findings.cbegin(), findings.cend(), [s](const Finding& f) { return f.severity == s; }));
    return parts.join(QLatin1Char('/'));
}

} // namespace

class TestReportReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void corpusReports_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("tool");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("severities"); // critical/high/medium/low/info
        QTest::addColumn<QString>("category"); // of the first finding
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QString>("location"); // path:line package@version>fixed [target]
        QTest::addColumn<QStringList>("ids");
        QTest::addColumn<QString>("fingerprint");

        const QString none;
        // gitleaks: fingerprints are the tool's own where present; a leak is high unless tagged otherwise.
        QTest::newRow("gitleaks baseline")
            << corpus(QStringLiteral("gitleaks/gitleaks__baseline.json")) << "gitleaks-json"
            << "gitleaks" << 2 << "0/2/0/0/0"
            << "secret"
            << "pypi-upload-token"
            << "detect/detect_test.go:32" << QStringList()
            << "9326f35380636bcbe61e94b0584d1618c4b5c2c2:detect/detect_test.go:pypi-upload-token:32";
        QTest::newRow("gitleaks empty") << corpus(QStringLiteral("gitleaks/gitleaks__empty.json")) << "gitleaks-json"
                                        << "gitleaks" << 0 << "0/0/0/0/0" << none << none << none << QStringList()
                                        << none;
        QTest::newRow("gitleaks simple, empty fingerprint")
            << corpus(QStringLiteral("gitleaks/gitleaks__json_simple.json")) << "gitleaks-json"
            << "gitleaks" << 1 << "0/1/0/0/0"
            << "secret"
            << "test-rule"
            << "auth.py:1" << QStringList()
            << computed("gitleaks", "test-rule", "auth.py", "", "", sha256(QStringLiteral("a secret"), 64));
        QTest::newRow("gitleaks severity tags")
            << corpus(QStringLiteral("gitleaks/secureCodeBox__test-report-tags.json")) << "gitleaks-json"
            << "gitleaks" << 3 << "0/2/0/1/0"
            << "secret"
            << "PKCS8-PK"
            << "scanners/gitleaks/parser/parser.test.js:167" << QStringList()
            << computed("gitleaks", "PKCS8-PK", "scanners/gitleaks/parser/parser.test.js", "", "",
                        sha256(QStringLiteral("-----BEGIN PRIVATE KEY-----"), 64));
        QTest::newRow("gitleaks secureCodeBox")
            << corpus(QStringLiteral("gitleaks/secureCodeBox__test-report.json")) << "gitleaks-json"
            << "gitleaks" << 4 << "0/4/0/0/0"
            << "secret"
            << "generic-api-key"
            << "hooks/persistence-azure-monitor/hook/hook.test.js:51" << QStringList()
            << computed("gitleaks", "generic-api-key", "hooks/persistence-azure-monitor/hook/hook.test.js", "", "",
                        sha256(QStringLiteral("aGVsbG8taS1hbS1hLXRlc3Qta2V5"), 64));

        // grype: container when the source is an image, dependency for a directory.
        QTest::newRow("grype empty") << corpus(QStringLiteral("grype/grype__TestEmptyJsonPresenter.json"))
                                     << "grype-json"
                                     << "grype" << 0 << "0/0/0/0/0" << none << none << none << QStringList() << none;
        QTest::newRow("grype directory") << corpus(QStringLiteral("grype/grype__TestJsonDirsPresenter.json"))
                                         << "grype-json"
                                         << "grype" << 2 << "1/0/0/1/0"
                                         << "dependency"
                                         << "CVE-1999-0001"
                                         << "/foo/bar/somefile-1.txt package-1@1.1.1>1.2.1 [/some/path]"
                                         << list({"CVE-1999-0001"})
                                         << computed("grype", "CVE-1999-0001", "/foo/bar/somefile-1.txt", "package-1",
                                                     "/some/path", "");
        QTest::newRow("grype image") << corpus(QStringLiteral("grype/grype__TestJsonImgsPresenter.json"))
                                     << "grype-json"
                                     << "grype" << 2 << "1/0/0/1/0"
                                     << "container"
                                     << "CVE-1999-0001"
                                     << "/foo/bar/somefile-1.txt package-1@1.1.1>1.2.1 [user-input]"
                                     << list({"CVE-1999-0001"})
                                     << computed("grype", "CVE-1999-0001", "/foo/bar/somefile-1.txt", "package-1",
                                                 "user-input", "");
        QTest::newRow("grype chainguard")
            << corpus(QStringLiteral("grype/grype__chainguard-ruby-test.json")) << "grype-json"
            << "grype" << 3 << "0/3/0/0/0"
            << "container"
            << "CVE-2023-28755"
            << "/lib/apk/db/installed ruby-3.0@3.0.4-r1>3.0.6-r0 [cgr.dev/chainguard/ruby:latest-3.0]"
            << list({"CVE-2023-28755"})
            << computed("grype", "CVE-2023-28755", "/lib/apk/db/installed", "ruby-3.0", "cgr.dev/chainguard/ruby", "");
        QTest::newRow("grype ghsa")
            << corpus(QStringLiteral("grype/grype__ghsa-test.json")) << "grype-json"
            << "grype" << 2 << "0/0/2/0/0"
            << "container"
            << "GHSA-cfh5-3ghh-wfjx"
            << "/TwilioNotifier.hpi httpclient@4.1.1>4.3.5 "
               "[anchore/test_images@sha256:10008791acbc5866de04108746a02a0c4029ce3a4400a9b3dad45d7f2245f9da]"
            << list({"GHSA-cfh5-3ghh-wfjx", "CVE-2014-3577"})
            << computed("grype", "GHSA-cfh5-3ghh-wfjx", "/TwilioNotifier.hpi", "httpclient", "anchore/test_images", "");
        QTest::newRow("grype keycloak") << corpus(QStringLiteral("grype/grype__keycloak-test.json")) << "grype-json"
                                        << "grype" << 6 << "0/0/0/6/0"
                                        << "container"
                                        << "CVE-2020-12413"
                                        << "/var/lib/rpm/rpmdb.sqlite nspr@4.34.0-17.el9_1 "
                                           "[docker.io/keycloak/keycloak:21.0.2@sha256:"
                                           "347a0d748d05a050dc64b92de2246d2240db6eb38afbc17c3c08d0acb0db1b50]"
                                        << list({"CVE-2020-12413"})
                                        << computed("grype", "CVE-2020-12413", "/var/lib/rpm/rpmdb.sqlite", "nspr",
                                                    "docker.io/keycloak/keycloak", "");

        // safety: CVSS v3 severity from `severity` or `CVE` objects, medium when unrated; the lowest fix above.
        QTest::newRow("safety no remediation")
            << corpus(QStringLiteral("safety/pyupio-safety__no_recommended_remediation_report.json")) << "safety-json"
            << "safety" << 1 << "0/0/1/0/0"
            << "dependency"
            << "25853"
            << " insecure-package@0.1.0" << QStringList()
            << computed("safety", "25853", "", "insecure-package", "", "");
        QTest::newRow("safety report") << corpus(QStringLiteral("safety/pyupio-safety__report.json")) << "safety-json"
                                       << "safety" << 1 << "0/0/1/0/0"
                                       << "dependency"
                                       << "25853"
                                       << " insecure-package@0.1.0" << QStringList()
                                       << computed("safety", "25853", "", "insecure-package", "", "");
        QTest::newRow("safety with fix") << corpus(
            QStringLiteral("safety/pyupio-safety__report_with_recommended_fix.json"))
                                         << "safety-json"
                                         << "safety" << 4 << "2/1/1/0/0"
                                         << "dependency"
                                         << "44742"
                                         << " django@4.0.1>4.0.2" << list({"CVE-2022-22818"})
                                         << computed("safety", "44742", "", "django", "", "");

        // SARIF: security-severity first, then level; tool fingerprints (semgrep) or partialFingerprints.
        QTest::newRow("sarif trivy") << corpus(QStringLiteral("sarif/aquasecurity-trivy__alpine-310.sarif")) << "sarif"
                                     << "trivy" << 4 << "0/0/4/0/0"
                                     << "container"
                                     << "CVE-2019-1549"
                                     << "testdata/fixtures/images/alpine-310.tar.gz:1 libcrypto1.1@1.1.1c-r0>1.1.1d-r0"
                                     << list({"CVE-2019-1549"})
                                     << computed("trivy", "CVE-2019-1549", "testdata/fixtures/images/alpine-310.tar.gz",
                                                 "libcrypto1.1", "", "");
        QTest::newRow("sarif codeql") << corpus(QStringLiteral("sarif/github-codeql-action__valid-sarif.sarif"))
                                      << "sarif"
                                      << "codeql" << 3 << "0/0/0/3/0"
                                      << "sast"
                                      << "js/unused-local-variable"
                                      << "main.js:2" << QStringList()
                                      << computed("codeql", "js/unused-local-variable", "main.js", "", "",
                                                  "primaryLocationLineHash=39fa2ee980eb94b0:1\n"
                                                  "primaryLocationStartColumnFingerprint=4");
        QTest::newRow("sarif gitleaks") << corpus(QStringLiteral("sarif/gitleaks__sarif_simple.sarif")) << "sarif"
                                        << "gitleaks" << 1 << "0/1/0/0/0"
                                        << "secret"
                                        << "test-rule"
                                        << "auth.py:1" << QStringList()
                                        << computed("gitleaks", "test-rule", "auth.py", "", "",
                                                    "author=John Doe\ncommitMessage=opps\ncommitSha=0000000000000000\n"
                                                    "date=10-19-2003\nemail=johndoe@gmail.com");
        QTest::newRow("sarif grype") << corpus(QStringLiteral("sarif/grype__TestSarifPresenter_image.sarif")) << "sarif"
                                     << "grype" << 2 << "0/2/0/0/0"
                                     << "container"
                                     << "CVE-1999-0001-package-1"
                                     << "user-input/somefile-1.txt:1 package-1@1.1.1 [user-input]"
                                     << list({"CVE-1999-0001"})
                                     << computed("grype", "CVE-1999-0001-package-1", "user-input/somefile-1.txt",
                                                 "package-1", "user-input",
                                                 "primaryLocationLineHash=efe125c0a2b4bdafe476b69ba51a49734780c62b938"
                                                 "03950319056acebe4323f:1");
        QTest::newRow("sarif fortify, rule by index, artifact by index")
            << corpus(QStringLiteral("sarif/microsoft-sarif-sdk__FortifyFpr_OneResultWithTwoTraces.sarif")) << "sarif"
            << "fortify" << 1 << "0/0/1/0/0"
            << "sast"
            << "97A5F38F-524B-4A83-94FA-9387B5265825"
            << "Helpers/DBHelper.cs:146" << QStringList() << QString();
        QTest::newRow("sarif semgrep")
            << corpus(QStringLiteral("sarif/semgrep__sarif_output_with_dataflow_traces.sarif")) << "sarif"
            << "semgrep" << 1 << "0/0/1/0/0"
            << "sast"
            << "rules.classic"
            << "targets/taint/taint.py:9" << QStringList()
            << "b7d9e6f63610bc461ccd05b612b609b516a1ba6c6fb63268160f62de8bb894cd8c2ef9e389681db5d538050af75010b0219f21"
               "d41f67488da439ca426798dbde_0";

        // semgrep JSON: ERROR high, WARNING medium; the tool's fingerprint when present.
        QTest::newRow("semgrep minimal") << corpus(QStringLiteral("semgrep/secureCodeBox__minimal-metadata.json"))
                                         << "semgrep-json"
                                         << "semgrep" << 1 << "0/1/0/0/0"
                                         << "sast"
                                         << "-"
                                         << "truncatedname_test.go:44" << QStringList()
                                         << computed("semgrep", "-", "truncatedname_test.go", "", "",
                                                     "actual := TruncateName(test.in)");
        QTest::newRow("semgrep injection")
            << corpus(QStringLiteral("semgrep/secureCodeBox__python-injection-multiresult.json")) << "semgrep-json"
            << "semgrep" << 2 << "0/0/2/0/0"
            << "sast"
            << "python.django.security.injection.command.command-injection-os-system.command-injection-os-system"
            << "test.py:5" << list({"CWE-78"})
            << computed("semgrep",
                        "python.django.security.injection.command.command-injection-os-system.command-injection-os-"
                        "system",
                        "test.py", "", "", "url = request.GET['url'] os.system('wget ' + url)");
        QTest::newRow("semgrep duplicates")
            << corpus(QStringLiteral("semgrep/semgrep__duplicate_matches_indexing.json")) << "semgrep-json"
            << "semgrep" << 8 << "0/8/0/0/0"
            << "sast"
            << "rules.match_based_id.eqeq-bad"
            << "targets/match_based_id/duplicates/duplicate1.py:1" << QStringList()
            << "35c3c5253d3c06bda40ad1ba791b92585b9e5de07d9118cc4301f4e8cb955a1d6e510fe59341c04c6a8fb964918e1909590e37"
               "bd76511b7705d604438be156ca_0";
        QTest::newRow("semgrep dataflow")
            << corpus(QStringLiteral("semgrep/semgrep__json_output_with_dataflow_traces.json")) << "semgrep-json"
            << "semgrep" << 1 << "0/0/1/0/0"
            << "sast"
            << "rules.taint-trace"
            << "targets/taint/taint_trace.cpp:17" << QStringList() << "0x42";
        QTest::newRow("semgrep metavariable")
            << corpus(QStringLiteral("semgrep/semgrep__metavariable_pattern_test1.json")) << "semgrep-json"
            << "semgrep" << 1 << "0/1/0/0/0"
            << "sast"
            << "rules.metavariable-pattern.yaml.github-actions.security.run-shell-injection.run-shell-injection"
            << "targets/metavariable-pattern/test1.yml:7" << list({"CWE-78"}) << "0x42";
        QTest::newRow("semgrep taint") << corpus(QStringLiteral("semgrep/semgrep__taint_mode.json")) << "semgrep-json"
                                       << "semgrep" << 1 << "0/0/1/0/0"
                                       << "sast"
                                       << "rules.classic"
                                       << "targets/taint/taint.py:9" << QStringList() << "0x42";

        // trivy JSON v2: container for images, dependency for lock files, iac and secrets.
        QTest::newRow("trivy image") << corpus(QStringLiteral("trivy/aquasecurity-trivy__alpine-310.json"))
                                     << "trivy-json"
                                     << "trivy" << 4 << "0/0/4/0/0"
                                     << "container"
                                     << "CVE-2019-1549"
                                     << " libcrypto1.1@1.1.1c-r0>1.1.1d-r0 [testdata/fixtures/images/alpine-310.tar.gz]"
                                     << list({"CVE-2019-1549", "CWE-330"})
                                     << computed("trivy", "CVE-2019-1549", "", "libcrypto1.1",
                                                 "testdata/fixtures/images/alpine-310.tar.gz", "");
        QTest::newRow("trivy helm") << corpus(QStringLiteral("trivy/aquasecurity-trivy__helm_testchart.json"))
                                    << "trivy-json"
                                    << "trivy" << 6 << "0/1/3/2/0"
                                    << "iac"
                                    << "KSV-0001"
                                    << "templates/deployment.yaml:28 [testdata/fixtures/repo/helm_testchart]"
                                    << QStringList()
                                    << computed("trivy", "KSV-0001", "templates/deployment.yaml", "",
                                                "testdata/fixtures/repo/helm_testchart", "");
        QTest::newRow("trivy npm") << corpus(QStringLiteral("trivy/aquasecurity-trivy__npm.json")) << "trivy-json"
                                   << "trivy" << 1 << "0/0/1/0/0"
                                   << "dependency"
                                   << "CVE-2019-11358"
                                   << "package-lock.json jquery@3.3.9>3.4.0 [testdata/fixtures/repo/npm]"
                                   << list({"CVE-2019-11358", "CWE-79"})
                                   << computed("trivy", "CVE-2019-11358", "package-lock.json", "jquery",
                                               "testdata/fixtures/repo/npm", "");
        QTest::newRow("trivy secrets") << corpus(QStringLiteral("trivy/aquasecurity-trivy__secrets.json"))
                                       << "trivy-json"
                                       << "trivy" << 2 << "1/1/0/0/0"
                                       << "secret"
                                       << "aws-access-key-id"
                                       << "deploy.sh:3 [testdata/fixtures/repo/secrets]" << QStringList()
                                       << computed("trivy", "aws-access-key-id", "deploy.sh", "",
                                                   "testdata/fixtures/repo/secrets",
                                                   "export AWS_ACCESS_KEY_ID=********************");
        QTest::newRow("trivy terraform")
            << corpus(QStringLiteral("trivy/aquasecurity-trivy__terraform-remote-module.json")) << "trivy-json"
            << "trivy" << 3 << "0/1/1/1/0"
            << "iac"
            << "AWS-0089"
            << "terraform-aws-modules/s3-bucket/aws/main.tf:25 [testdata/fixtures/repo/terraform/remote-module]"
            << QStringList()
            << computed("trivy", "AWS-0089", "terraform-aws-modules/s3-bucket/aws/main.tf", "",
                        "testdata/fixtures/repo/terraform/remote-module", "module.bucket");
        QTest::newRow("trivy empty results")
            << corpus(QStringLiteral("trivy/secureCodeBox__juice-shop-v12.10.2-empty-results.json")) << "trivy-json"
            << "trivy" << 0 << "0/0/0/0/0" << none << none << none << QStringList() << none;

        // ZAP: one finding per alert, riskcode 3/2/1/0 = high/medium/low/info.
        QTest::newRow("zap bodgeit") << corpus(QStringLiteral("zap/secureCodeBox__demo-bodgeit-baseline-scan.json"))
                                     << "zap-json"
                                     << "zap" << 20 << "0/0/4/9/7"
                                     << "dast"
                                     << "10038"
                                     << "http://bodgeit.demo-targets.svc:8080/examples/jsp/tagplugin/choose.html "
                                        "[http://bodgeit.demo-targets.svc:8080]"
                                     << list({"CWE-16"})
                                     << computed("zap", "10038", "", "", "http://bodgeit.demo-targets.svc:8080", "");
        QTest::newRow("zap petstore") << corpus(QStringLiteral("zap/secureCodeBox__demo-petstore-api-scan.json"))
                                      << "zap-json"
                                      << "zap" << 7 << "0/0/1/4/2"
                                      << "dast"
                                      << "10021"
                                      << "http://swagger-petstore.demo-targets.svc/v2/store/inventory "
                                         "[http://swagger-petstore.demo-targets.svc]"
                                      << list({"CWE-16"})
                                      << computed("zap", "10021", "", "", "http://swagger-petstore.demo-targets.svc",
                                                  "");
        QTest::newRow("zap example.com")
            << corpus(QStringLiteral("zap/secureCodeBox__example.com.json")) << "zap-json"
            << "zap" << 7 << "0/0/1/3/3"
            << "dast"
            << "10096"
            << "https://www.example.com/ui/assets/vendor-0237c49b8601dcbec2f0f06a8078e405.js "
               "[https://www.example.com]"
            << list({"CWE-200"}) << computed("zap", "10096", "", "", "https://www.example.com", "");
        QTest::newRow("zap traditional plus")
            << corpus(QStringLiteral("zap/zaproxy-zap-extensions__basic-traditional-json-plus.json")) << "zap-json"
            << "zap" << 1 << "0/1/0/0/0"
            << "dast"
            << "1"
            << "http://example.com/example_3 [http://example.com]" << list({"CWE-123"})
            << computed("zap", "1", "", "", "http://example.com", "");
        QTest::newRow("zap traditional") << corpus(
            QStringLiteral("zap/zaproxy-zap-extensions__basic-traditional-json.json"))
                                         << "zap-json"
                                         << "zap" << 1 << "0/1/0/0/0"
                                         << "dast"
                                         << "1"
                                         << "http://example.com/example_3 [http://example.com]" << list({"CWE-123"})
                                         << computed("zap", "1", "", "", "http://example.com", "");

        // Fixtures written from the tools' documented output (formats the corpus lacks).
        QTest::newRow("bandit") << fixture(QStringLiteral("bandit.json")) << "bandit-json"
                                << "bandit" << 3 << "0/1/1/1/0"
                                << "sast"
                                << "B404"
                                << "app/views.py:1" << list({"CWE-78"})
                                << computed("bandit", "B404", "app/views.py", "", "", "import subprocess");
        QTest::newRow("pip-audit") << fixture(QStringLiteral("pip-audit.json")) << "pip-audit-json"
                                   << "pip-audit" << 3 << "0/0/3/0/0"
                                   << "dependency"
                                   << "PYSEC-2019-179"
                                   << " flask@0.5>1.0" << list({"CVE-2019-1010083", "GHSA-5wv5-4vpf-pj6m"})
                                   << computed("pip-audit", "PYSEC-2019-179", "", "flask", "", "");
        QTest::newRow("npm audit v2") << fixture(QStringLiteral("npm-audit-v2.json")) << "npm-audit-json"
                                      << "npm-audit" << 3 << "1/1/1/0/0"
                                      << "dependency"
                                      << "GHSA-xvch-5gv4-984h"
                                      << "node_modules/minimist minimist" << list({"GHSA-xvch-5gv4-984h", "CWE-1321"})
                                      << computed("npm-audit", "GHSA-xvch-5gv4-984h", "", "minimist", "", "");
        QTest::newRow("npm audit v1") << fixture(QStringLiteral("npm-audit-v1.json")) << "npm-audit-json"
                                      << "npm-audit" << 1 << "0/1/0/0/0"
                                      << "dependency"
                                      << "1673"
                                      << " lodash@4.17.20>4.17.21" << list({"CVE-2021-23337", "CWE-77"})
                                      << computed("npm-audit", "1673", "", "lodash", "", "");
        QTest::newRow("osv-scanner") << fixture(QStringLiteral("osv-scanner.json")) << "osv-scanner-json"
                                     << "osv-scanner" << 2 << "1/0/1/0/0"
                                     << "dependency"
                                     << "GHSA-xvch-5gv4-984h"
                                     << "/src/app/package-lock.json minimist@0.0.8>0.2.4"
                                     << list({"GHSA-xvch-5gv4-984h", "CVE-2021-44906", "CWE-1321"})
                                     << computed("osv-scanner", "GHSA-xvch-5gv4-984h", "/src/app/package-lock.json",
                                                 "minimist", "", "");
        QTest::newRow("trivy list form") << fixture(QStringLiteral("trivy-list.json")) << "trivy-json"
                                         << "trivy" << 3 << "1/1/0/0/1"
                                         << "container"
                                         << "CVE-2022-1292"
                                         << " openssl@1.1.1n-0+deb10u1>1.1.1n-0+deb10u2 [myapp:1.4]"
                                         << list({"CVE-2022-1292", "CWE-78"})
                                         << computed("trivy", "CVE-2022-1292", "", "openssl", "myapp", "");
        QTest::newRow("safety list form")
            << fixture(QStringLiteral("safety-list.json")) << "safety-json"
            << "safety" << 2 << "0/0/2/0/0"
            << "dependency"
            << "40637"
            << " django@2.2.0" << list({"CVE-2021-33203"}) << computed("safety", "40637", "", "django", "", "");
    }

    void corpusReports()
    {
        QFETCH(QString, path);
        QFETCH(QString, format);
        QFETCH(QString, tool);
        QFETCH(int, count);
        QFETCH(QString, severities);
        QFETCH(QString, category);
        QFETCH(QString, rule);
        QFETCH(QString, location);
        QFETCH(QStringList, ids);
        QFETCH(QString, fingerprint);
        if (!QFileInfo::exists(path))
            QSKIP(gatehouse::test::corpusMissingReason());

        ReportDiagnostic failure;
        const auto report = ReportReader::readFile(path, {}, nullptr, &failure);
        QVERIFY2(report.ok(), qPrintable(failure.toString()));
        QCOMPARE(reportFormatName(report->format), format);
        QCOMPARE(report->tool, tool);
        QCOMPARE(report->findings.size(), count);
        QCOMPARE(histogram(report->findings), severities);
        QVERIFY2(report->warnings.isEmpty(), qPrintable(report->warnings.value(0).toString()));

        // Fingerprints are unique within a report, and every finding has the basics.
        QSet<QString> fingerprints;
        for (const Finding& f : report->findings) {
            QVERIFY(!f.fingerprint.isEmpty());
            QVERIFY2(!fingerprints.contains(f.fingerprint), qPrintable(f.fingerprint));
            fingerprints.insert(f.fingerprint);
            QCOMPARE(f.tool, tool);
            QVERIFY(!f.rule.isEmpty());
            QVERIFY(!f.title.isEmpty());
        }
        if (count == 0)
            return;
        const Finding& first = report->findings.first();
        QCOMPARE(categoryName(first.category), category);
        QCOMPARE(first.rule, rule);
        QString where = first.location.path;
        if (first.location.line > 0)
            where += QLatin1Char(':') + QString::number(first.location.line);
        if (!first.location.package.isEmpty()) {
            where += QLatin1Char(' ') + first.location.package;
            if (!first.location.version.isEmpty())
                where += QLatin1Char('@') + first.location.version;
            if (!first.location.fixedVersion.isEmpty())
                where += QLatin1Char('>') + first.location.fixedVersion;
        }
        if (!first.location.target.isEmpty())
            where += QStringLiteral(" [%1]").arg(first.location.target);
        QCOMPARE(where, location);
        QCOMPARE(first.ids, ids);
        if (!fingerprint.isEmpty())
            QCOMPARE(first.fingerprint, fingerprint);
    }

    void contentNotName_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("format");
        QTest::newRow("sarif named .json") << QByteArray("{\"version\":\"2.1.0\",\"runs\":[]}") << "results.json"
                                           << "sarif";
        QTest::newRow("sarif by $schema")
            << QByteArray("{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\n                           "
                          "                                 \"runs\":[]}")
            << "x"
            << "sarif";
        QTest::newRow("gitleaks named trivy")
            << QByteArray("[{\"RuleID\":\"r\",\"File\":\"a\",\"StartLine\":1}]") << "trivy.json"
            << "gitleaks-json";
        QTest::newRow("trivy v2 named report")
            << QByteArray("{\"SchemaVersion\":2,\"ArtifactName\":\"a\",\"Results\":[]}") << "report.json"
            << "trivy-json";
        QTest::newRow("grype, matches first")
            << QByteArray("{\"matches\":[{\"vulnerability\":{},\"artifact\":{}}]}") << "out.json"
            << "grype-json";
        QTest::newRow("semgrep by result keys")
            << QByteArray("{\"results\":[{\"check_id\":\"x\"}],\"errors\":[]}") << "bandit.json"
            << "semgrep-json";
        QTest::newRow("bandit by result keys")
            << QByteArray("{\"results\":[{\"test_id\":\"B101\"}],\"errors\":[]}") << "semgrep.json"
            << "bandit-json";
        QTest::newRow("bandit empty by metrics")
            << QByteArray("{\"errors\":[],\"generated_at\":\"x\",\"metrics\":{},\"results\":[]}") << "r.json"
            << "bandit-json";
        QTest::newRow("osv by result keys")
            << QByteArray("{\"results\":[{\"source\":{\"path\":\"a\"},\"packages\":[]}]}") << "r.json"
            << "osv-scanner-json";
        QTest::newRow("empty results named osv") << QByteArray("{\"results\":[]}") << "osv-results.json"
                                                 << "osv-scanner-json";
        QTest::newRow("npm v2") << QByteArray("{\"auditReportVersion\":2,\"vulnerabilities\":{}}") << "a.json"
                                << "npm-audit-json";
        QTest::newRow("pip-audit") << QByteArray("{\"dependencies\":[],\"fixes\":[]}") << "a.json"
                                   << "pip-audit-json";
        QTest::newRow("safety list") << QByteArray("[[\"a\",\"<1\",\"0.1\",\"adv\",\"1\"]]") << "a.json"
                                     << "safety-json";
        QTest::newRow("zap") << QByteArray("{\"@version\":\"2.11\",\"site\":[]}") << "a.json"
                             << "zap-json";
        QTest::newRow("empty list named gitleaks") << QByteArray("[]") << "gitleaks.json"
                                                   << "gitleaks-json";
        QTest::newRow("empty list, no hint") << QByteArray("[]") << "report.json"
                                             << "unknown";
        QTest::newRow("empty list named semgrep") << QByteArray("[]") << "semgrep.json"
                                                  << "unknown";
        QTest::newRow("unrelated object") << QByteArray("{\"name\":\"x\"}") << "trivy.json"
                                          << "unknown";
        QTest::newRow("number") << QByteArray("42") << "a.sarif"
                                << "unknown";
        QTest::newRow("binary") << QByteArray("\x7f"
                                              "ELF\x02\x01\x01\0\0\0",
                                              10)
                                << "a.json"
                                << "unknown";
    }
    void contentNotName()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, name);
        QFETCH(QString, format);
        QCOMPARE(reportFormatName(ReportReader::detectFormat(content, name)), format);
    }

    // Broken reports: a clear code and, where the JSON parser knows it, the byte offset and line.
    void brokenReports_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("code");
        QTest::addColumn<qint64>("offset");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("messageContains");

        QTest::newRow("empty") << QByteArray() << "a.json"
                               << "report.empty" << qint64(-1) << 0 << "empty";
        QTest::newRow("whitespace") << QByteArray(" \n\t\n") << "a.json"
                                    << "report.empty" << qint64(-1) << 0 << "empty";
        QTest::newRow("binary") << QByteArray("\x7f"
                                              "ELF\x02\x01\x01\0\0\0",
                                              10)
                                << "a.json"
                                << "report.binary" << qint64(7) << 0 << "NUL";
        QTest::newRow("gzip") << QByteArray("\x1f\x8b\x08\x00\x00\x00", 6) << "a.json.gz"
                              << "report.binary" << qint64(-1) << 0 << "gzip";
        QTest::newRow("utf-16") << QByteArray("\xff\xfe{\0}\0", 6) << "a.json"
                                << "report.encoding" << qint64(-1) << 0 << "UTF-16";
        QTest::newRow("truncated object")
            << QByteArray("{\"SchemaVersion\": 2,\n\"Results\": [\n{\"Target\": \"x\"") << "a.json"
            << "report.truncated" << qint64(48) << 3 << "truncated";
        QTest::newRow("truncated in string")
            << QByteArray("{\"runs\": [{\"tool\": {\"driver\": {\"name\": \"Tri") << "a.sarif"
            << "report.truncated" << qint64(43) << 1 << "truncated";
        QTest::newRow("syntax error") << QByteArray("[\n{\"RuleID\": \"r\", \"File\": \"a\",\n \"StartLine\": 1,,\n}]")
                                      << "a.json"
                                      << "report.invalid-json" << qint64(47) << 3 << "syntax error";
        QTest::newRow("trailing garbage") << QByteArray("[{\"RuleID\": \"r\", \"File\": \"a\"}] x") << "a.json"
                                          << "report.invalid-json" << qint64(31) << 1 << "expected end of input";
        QTest::newRow("bad utf-8") << QByteArray("[{\"RuleID\": \"r\", \"File\": \"\xff\"}]") << "a.json"
                                   << "report.invalid-json" << qint64(26) << 1 << "UTF-8";
        QTest::newRow("runs is a string") << QByteArray("{\"version\": \"2.1.0\", \"runs\": \"none\"}") << "a.sarif"
                                          << "report.schema" << qint64(34) << 1 << "'runs' must be an array";
        QTest::newRow("results is an object")
            << QByteArray("{\"SchemaVersion\": 2, \"Results\": {\"a\": 1}}") << "a.json"
            << "report.schema" << qint64(32) << 1 << "'Results' must be an array";
        QTest::newRow("trivy result is a number")
            << QByteArray("{\"SchemaVersion\": 2, \"Results\": [1]}") << "a.json"
            << "report.schema" << qint64(34) << 1 << "'Results.0' must be an object";
        QTest::newRow("unknown object") << QByteArray("{\"hello\": \"world\"}") << "a.json"
                                        << "report.unknown-format" << qint64(-1) << 0 << "{hello}";
        QTest::newRow("empty list") << QByteArray("[]") << "a.json"
                                    << "report.unknown-format" << qint64(-1) << 0 << "empty JSON list";
        QTest::newRow("string") << QByteArray("\"report\"") << "a.json"
                                << "report.unknown-format" << qint64(-1) << 0 << "a string";
        QTest::newRow("not json") << QByteArray("<html><body>502</body></html>") << "a.json"
                                  << "report.invalid-json" << qint64(0) << 1 << "invalid literal";
    }
    void brokenReports()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, name);
        QFETCH(QString, code);
        QFETCH(qint64, offset);
        QFETCH(int, line);
        QFETCH(QString, messageContains);
        ReportDiagnostic failure;
        const auto report = ReportReader::readData(content, name, {}, nullptr, &failure);
        QVERIFY(!report.ok());
        QCOMPARE(report.error().code, code);
        QCOMPARE(failure.code, code);
        QCOMPARE(failure.offset, offset);
        QCOMPARE(failure.line, line);
        QVERIFY2(report.error().message.contains(messageContains), qPrintable(report.error().message));
        if (offset >= 0)
            QVERIFY2(report.error().message.contains(QStringLiteral("at byte %1").arg(offset)),
                     qPrintable(report.error().message));
    }

    // Every corpus report cut in half or with a byte flipped fails cleanly (never crashes, never half-succeeds).
    void corruptedCorpus_data()
    {
        QTest::addColumn<QString>("path");
        GATEHOUSE_REQUIRE_CORPUS();
        const QString root = gatehouse::test::corpusPath(QStringLiteral("reports"));
        QDirIterator it(root, {QStringLiteral("*.json"), QStringLiteral("*.sarif")}, QDir::Files,
                        QDirIterator::Subdirectories);
        QStringList files;
        while (it.hasNext())
            files << it.next();
        files.sort();
        for (const QString& file : std::as_const(files))
            QTest::newRow(qPrintable(QFileInfo(file).fileName())) << file;
    }
    void corruptedCorpus()
    {
        QFETCH(QString, path);
        const QByteArray content = readAll(path);
        if (content.size() < 8)
            QSKIP("too small to cut");
        const QByteArray half = content.left(content.size() / 2);
        ReportDiagnostic failure;
        auto report = ReportReader::readData(half, QFileInfo(path).fileName(), {}, nullptr, &failure);
        QVERIFY(!report.ok());
        QVERIFY2(failure.code == QLatin1String("report.truncated"), qPrintable(failure.toString()));
        QVERIFY(failure.offset >= 0 && failure.offset <= half.size() + 1);

        QByteArray flipped = content;
        const qsizetype brace = flipped.lastIndexOf('}') >= 0 ? flipped.lastIndexOf('}') : flipped.lastIndexOf(']');
        flipped[brace] = '#';
        report = ReportReader::readData(flipped, QFileInfo(path).fileName(), {}, nullptr, &failure);
        QVERIFY(!report.ok());
        QVERIFY2(failure.code == QLatin1String("report.invalid-json"), qPrintable(failure.toString()));
        QCOMPARE(failure.offset, qint64(brace));
    }

    void limits_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<qint64>("maxFileSize");
        QTest::addColumn<int>("maxDepth");
        QTest::addColumn<qint64>("maxFindings");
        QTest::addColumn<QString>("code");
        QTest::newRow("findings") << corpus(QStringLiteral("zap/secureCodeBox__demo-bodgeit-baseline-scan.json"))
                                  << qint64(1) << 0 << qint64(5) << "report.too-many-findings";
        QTest::newRow("depth") << corpus(QStringLiteral("sarif/semgrep__sarif_output_with_dataflow_traces.sarif"))
                               << qint64(1) << 6 << qint64(1000) << "report.too-deep";
        QTest::newRow("size") << corpus(QStringLiteral("safety/pyupio-safety__report_with_recommended_fix.json"))
                              << qint64(1000) << 100 << qint64(1000) << "report.too-large";
    }
    void limits()
    {
        QFETCH(QString, path);
        QFETCH(qint64, maxFileSize);
        QFETCH(int, maxDepth);
        QFETCH(qint64, maxFindings);
        QFETCH(QString, code);
        if (!QFileInfo::exists(path))
            QSKIP(gatehouse::test::corpusMissingReason());
        ReportLimits limits;
        if (maxFileSize > 1)
            limits.maxFileSize = maxFileSize;
        if (maxDepth > 0)
            limits.maxDepth = maxDepth;
        limits.maxFindings = maxFindings;
        ReportDiagnostic failure;
        const auto report = ReportReader::readFile(path, limits, nullptr, &failure);
        QVERIFY(!report.ok());
        QCOMPARE(report.error().code, code);
        QVERIFY2(report.error().message.contains(QLatin1String("limit")), qPrintable(report.error().message));
    }

    // A sequential device of unknown size is cut at the limit while reading.
    void sizeLimitWhileStreaming()
    {
        QByteArray big = "[";
        for (int i = 0; i < 2000; ++i)
            big += QByteArray(i ? "," : "")
                + "{\"RuleID\":\"r\",\"File\":\"f.txt\",\"StartLine\":" + QByteArray::number(i) + "}";
        big += "]";
        QBuffer buffer(&big);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        ReportLimits limits;
        limits.maxFileSize = 10000;
        const auto report = ReportReader::readDevice(buffer, -1, QStringLiteral("gitleaks.json"), limits);
        QVERIFY(!report.ok());
        QCOMPARE(report.error().code, QStringLiteral("report.too-large"));
    }

    // Fingerprints without a tool fingerprint do not move with the code.
    void fingerprintIgnoresLines_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("semgrep without fingerprints")
            << corpus(QStringLiteral("semgrep/secureCodeBox__python-injection-multiresult.json"));
        QTest::newRow("bandit") << fixture(QStringLiteral("bandit.json"));
        QTest::newRow("trivy misconfigurations")
            << corpus(QStringLiteral("trivy/aquasecurity-trivy__helm_testchart.json"));
        QTest::newRow("gitleaks without fingerprints")
            << corpus(QStringLiteral("gitleaks/secureCodeBox__test-report.json"));
    }
    void fingerprintIgnoresLines()
    {
        QFETCH(QString, path);
        const QByteArray original = readAll(path);
        if (original.isEmpty())
            QSKIP("report not available");
        // Move every finding 7 lines down: line fields and bandit's numbered code lines.
        QByteArray moved = original;
        static const QRegularExpression lineField(
            QStringLiteral("(\"(?:line|StartLine|EndLine|line_number)\"\\s*:\\s*)(\\d+)"));
        static const QRegularExpression codeLine(QStringLiteral("(\"code\"\\s*:\\s*\")([^\"]*)\""));
        QString text = QString::fromUtf8(moved);
        QString out;
        qsizetype last = 0;
        for (auto it = lineField.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            out += text.mid(last, m.capturedStart(2) - last) + QString::number(m.captured(2).toInt() + 7);
            last = m.capturedEnd(2);
        }
        out += text.mid(last);
        text = out;
        out.clear();
        last = 0;
        static const QRegularExpression numbered(QStringLiteral("(^|\\\\n)(\\d+)"));
        for (auto it = codeLine.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            QString code = m.captured(2);
            QString shifted;
            qsizetype l = 0;
            for (auto n = numbered.globalMatch(code); n.hasNext();) {
                const auto nm = n.next();
                shifted += code.mid(l, nm.capturedStart(2) - l) + QString::number(nm.captured(2).toInt() + 7);
                l = nm.capturedEnd(2);
            }
            shifted += code.mid(l);
            out += text.mid(last, m.capturedStart(2) - last) + shifted;
            last = m.capturedEnd(2);
        }
        out += text.mid(last);
        moved = out.toUtf8();
        QVERIFY(moved != original);

        const auto before = ReportReader::readData(original, path);
        const auto after = ReportReader::readData(moved, path);
        QVERIFY(before.ok() && after.ok());
        QCOMPARE(after->findings.size(), before->findings.size());
        for (qsizetype i = 0; i < before->findings.size(); ++i) {
            if (before->findings[i].location.line > 0)
                QVERIFY(after->findings[i].location.line != before->findings[i].location.line);
            QCOMPARE(after->findings[i].fingerprint, before->findings[i].fingerprint);
        }
    }

    void fingerprintChangesWithIdentity()
    {
        const QByteArray a = "{\"results\":[{\"check_id\":\"r1\",\"path\":\"a.py\",\"start\":{\"line\":3},\"extra\":{"
                             "\"severity\":\"ERROR\",\"lines\":\"eval(x)\"}}],\"errors\":[]}";
        const QByteArray otherPath = QByteArray(a).replace("a.py", "b.py");
        const QByteArray otherRule = QByteArray(a).replace("\"r1\"", "\"r2\"");
        const QByteArray otherCode = QByteArray(a).replace("eval(x)", "exec(x)");
        const QString fa = ReportReader::readData(a, QStringLiteral("s.json"))->findings.value(0).fingerprint;
        QVERIFY(!fa.isEmpty());
        for (const QByteArray& other : {otherPath, otherRule, otherCode})
            QVERIFY(ReportReader::readData(other, QStringLiteral("s.json"))->findings.value(0).fingerprint != fa);
    }

    void secretsAreNotKept()
    {
        const QString path = corpus(QStringLiteral("gitleaks/secureCodeBox__test-report.json"));
        if (!QFileInfo::exists(path))
            QSKIP(gatehouse::test::corpusMissingReason());
        const auto report = ReportReader::readFile(path);
        QVERIFY(report.ok());
        for (const Finding& f : report->findings) {
            const QByteArray json = QJsonDocument(f.toJson()).toJson();
            QVERIFY(!json.contains("aGVsbG8taS1hbS1hLXRlc3Qta2V5"));
            QVERIFY(!f.description.contains(QLatin1String("aGVsbG8taS1hbS1hLXRlc3Qta2V5")));
        }
    }

    void jsonOmitsAbsentFields()
    {
        Finding f;
        f.tool = QStringLiteral("semgrep");
        f.rule = QStringLiteral("r");
        f.severity = Severity::High;
        f.title = QStringLiteral("t");
        f.location.path = QStringLiteral("a.py");
        f.fingerprint = QStringLiteral("fp");
        const QJsonObject o = f.toJson();
        QCOMPARE(o.keys(), (list({"category", "fingerprint", "location", "rule", "severity", "title", "tool"})));
        QCOMPARE(o.value(QStringLiteral("location")).toObject().keys(), list({"path"}));
        f.location.line = 4;
        f.location.package = QStringLiteral("p");
        f.location.version = QStringLiteral("1");
        f.location.fixedVersion = QStringLiteral("2");
        f.location.target = QStringLiteral("img");
        f.ids = QStringList{QStringLiteral("CVE-2020-1234")};
        QCOMPARE(f.toJson().value(QStringLiteral("location")).toObject().keys(),
                 (list({"fixed_version", "line", "package", "path", "target", "version"})));
        QCOMPARE(f.toJson().value(QStringLiteral("ids")).toArray().size(), 1);
    }

    // A generated SARIF with many results: all read, and a cancelled sink stops the parse.
    void largeSarifAndCancel()
    {
        QByteArray sarif
            = "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"CodeQL\",\"rules\":[{\"id\":\"js/x\","
              "\"shortDescription\":{\"text\":\"X\"},\"defaultConfiguration\":{\"level\":\"error\"}}]}},\"results\":[";
        const int count = 20000;
        for (int i = 0; i < count; ++i) {
            sarif += (i ? "," : "");
            sarif += "{\"ruleId\":\"js/"
                     "x\",\"ruleIndex\":0,\"message\":{\"text\":\"m\"},\"locations\":[{\"physicalLocation\":"
                     "{\"artifactLocation\":{\"uri\":\"src/f"
                + QByteArray::number(i % 100) + ".js\"},\"region\":{\"startLine\":" + QByteArray::number(i)
                + "}}}],\"partialFingerprints\":{\"primaryLocationLineHash\":\"" + QByteArray::number(i) + ":1\"}}";
        }
        sarif += "]}]}";
        const auto report = ReportReader::readData(sarif, QStringLiteral("big.sarif"));
        QVERIFY(report.ok());
        QCOMPARE(report->findings.size(), count);
        QCOMPARE(report->findings.last().location.line, count - 1);
        QCOMPARE(report->findings.last().severity, Severity::High);
        QCOMPARE(report->tool, QStringLiteral("codeql"));

        ProgressSink sink;
        sink.cancel();
        const auto cancelled = ReportReader::readData(sarif, QStringLiteral("big.sarif"), {}, &sink);
        QVERIFY(!cancelled.ok());
        QCOMPARE(cancelled.error().code, QStringLiteral("report.cancelled"));
    }

    void sarifResultsBeforeTool()
    {
        // SARIF does not order properties: rules given after the results still resolve.
        const QByteArray sarif
            = "{\"runs\":[{\"results\":[{\"ruleIndex\":0,\"message\":{\"text\":\"Hard-coded key\"},"
              "\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"file:///src/a%20b.py\"},"
              "\"region\":{\"startLine\":4}}}]}],\"tool\":{\"driver\":{\"name\":\"Bandit\",\"rules\":[{\"id\":\"B105\","
              "\"properties\":{\"security-severity\":\"9.1\",\"tags\":[\"external/cwe/cwe-259\"]}}]}}}],"
              "\"version\":\"2.1.0\"}";
        const auto report = ReportReader::readData(sarif, QStringLiteral("r.json"));
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().message));
        QCOMPARE(report->findings.size(), 1);
        const Finding& f = report->findings.first();
        QCOMPARE(f.tool, QStringLiteral("bandit"));
        QCOMPARE(f.rule, QStringLiteral("B105"));
        QCOMPARE(f.severity, Severity::Critical);
        QCOMPARE(f.location.path, QStringLiteral("/src/a b.py"));
        QCOMPARE(f.location.line, 4);
        QCOMPARE(f.ids, QStringList{QStringLiteral("CWE-259")});
        QCOMPARE(f.title, QStringLiteral("Hard-coded key"));
    }

    void sarifSkipsPassingAndSuppressed()
    {
        const QByteArray sarif
            = "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"x\"}},\"results\":["
              "{\"ruleId\":\"a\",\"kind\":\"pass\",\"message\":{\"text\":\"ok\"}},"
              "{\"ruleId\":\"b\",\"suppressions\":[{\"kind\":\"inSource\"}],\"message\":{\"text\":\"s\"}},"
              "{\"ruleId\":\"c\",\"baselineState\":\"absent\",\"message\":{\"text\":\"gone\"}},"
              "{\"ruleId\":\"d\",\"suppressions\":[{\"kind\":\"external\",\"status\":\"rejected\"}],\"level\":\"note\","
              "\"message\":{\"text\":\"open\"}}]}]}";
        const auto report = ReportReader::readData(sarif, QStringLiteral("r.sarif"));
        QVERIFY(report.ok());
        QCOMPARE(report->findings.size(), 1);
        QCOMPARE(report->findings.first().rule, QStringLiteral("d"));
        QCOMPARE(report->findings.first().severity, Severity::Low);
    }

    void unreadableFile()
    {
        auto report = ReportReader::readFile(QStringLiteral("/nonexistent/report.json"));
        QVERIFY(!report.ok());
        QCOMPARE(report.error().code, QStringLiteral("report.unreadable"));
        report = ReportReader::readFile(QDir::tempPath());
        QVERIFY(!report.ok());
        QCOMPARE(report.error().code, QStringLiteral("report.unreadable"));
    }
};

QTEST_GUILESS_MAIN(TestReportReader)
#include "tst_reportreader.moc"
