// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "security/tuning/TuningApplier.h"

#include "../common/ScratchRepository.h"

#include <QFile>
#include <QtTest>

using namespace gatehouse;

namespace {

RuleNoise rule(const QString& tool, const QString& id, TuningAdvice advice = TuningAdvice::Disable)
{
    RuleNoise r;
    r.tool = tool;
    r.rule = id;
    r.raised = 4;
    r.falsePositive = 3;
    r.fixed = 1;
    r.fpRate = 0.75;
    r.advice = advice;
    r.reason = QStringLiteral("3 of 4 findings in 90 days were triaged false positive (75%)");
    r.fingerprints
        = {QStringLiteral("abc:config.py:generic-api-key:3"), QStringLiteral("def:app.py:generic-api-key:9")};
    return r;
}

} // namespace

class TestTuningApplier : public QObject
{
    Q_OBJECT

private slots:
    void change_data()
    {
        QTest::addColumn<QString>("tool");
        QTest::addColumn<QString>("ruleId");
        QTest::addColumn<QByteArray>("existing");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("expected");

        QTest::newRow("trivy: new ignore file") << "trivy"
                                                << "CVE-2024-0001" << QByteArray() << ".trivyignore"
                                                << QByteArray("# trivy CVE-2024-0001: 3 of 4 findings in 90 days were "
                                                              "triaged false positive (75%)\nCVE-2024-0001\n");
        QTest::newRow("trivy: appended, missing newline added")
            << "trivy"
            << "AVD-DS-0002" << QByteArray("CVE-1") << ".trivyignore"
            << QByteArray("CVE-1\n# trivy AVD-DS-0002: 3 of 4 findings in 90 days were triaged false positive "
                          "(75%)\nAVD-DS-0002\n");
        QTest::newRow("gitleaks: fingerprints of the findings")
            << "gitleaks"
            << "generic-api-key" << QByteArray("abc:config.py:generic-api-key:3\n") << ".gitleaksignore"
            << QByteArray("abc:config.py:generic-api-key:3\n# gitleaks generic-api-key: 3 of 4 findings in 90 days "
                          "were triaged false positive (75%)\ndef:app.py:generic-api-key:9\n");
        QTest::newRow("bandit: new file")
            << "bandit"
            << "B101" << QByteArray() << ".bandit" << QByteArray("[bandit]\nskips = B101\n");
        QTest::newRow("bandit: extends skips")
            << "bandit"
            << "B311" << QByteArray("[bandit]\nexclude = tests\nskips = B101, B105\n") << ".bandit"
            << QByteArray("[bandit]\nexclude = tests\nskips = B101,B105,B311\n");
        QTest::newRow("bandit: section without skips")
            << "bandit"
            << "B311" << QByteArray("[bandit]\nexclude = tests\n") << ".bandit"
            << QByteArray("[bandit]\nskips = B311\nexclude = tests\n");
        QTest::newRow("semgrep: command with --exclude-rule")
            << "semgrep"
            << "python.flask.debug" << QByteArray("sla:\n  critical: 7\n") << ".gatehouse/config.yml"
            << QByteArray(
                   "sla:\n  critical: 7\nscanners:\n  tools:\n    semgrep:\n      command: [\"semgrep\", \"scan\", "
                   "\"--config\", \"auto\", \"--json\", \"--quiet\", \".\", \"--exclude-rule\", "
                   "\"python.flask.debug\"]\n");
        QTest::newRow("sonarqube: multicriteria exclusion")
            << "sonarqube"
            << "python:S4507" << QByteArray("sonar.projectKey=shop\n") << "sonar-project.properties"
            << QByteArray("sonar.projectKey=shop\nsonar.issue.ignore.multicriteria=gatehouse1\n# python:S4507: 3 of 4 "
                          "findings in 90 days were triaged false positive (75%)\n"
                          "sonar.issue.ignore.multicriteria.gatehouse1.ruleKey=python:S4507\n"
                          "sonar.issue.ignore.multicriteria.gatehouse1.resourceKey=**/*\n");
        QTest::newRow("sonarqube: second exclusion extends the list")
            << "sonarqube"
            << "python:S1"
            << QByteArray("sonar.issue.ignore.multicriteria=e1\nsonar.issue.ignore.multicriteria.e1.ruleKey=x:S2\n")
            << "sonar-project.properties"
            << QByteArray("sonar.issue.ignore.multicriteria=e1,gatehouse1\nsonar.issue.ignore.multicriteria.e1.ruleKey="
                          "x:S2\n# python:S1: 3 of 4 findings in 90 days were triaged false positive (75%)\n"
                          "sonar.issue.ignore.multicriteria.gatehouse1.ruleKey=python:S1\n"
                          "sonar.issue.ignore.multicriteria.gatehouse1.resourceKey=**/*\n");
    }
    void change()
    {
        QFETCH(QString, tool);
        QFETCH(QString, ruleId);
        QFETCH(QByteArray, existing);
        const auto result = TuningApplier::change(rule(tool, ruleId), existing);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        QTEST(result->path, "path");
        QTEST(result->content, "expected");
        QVERIFY(
            result->message.startsWith(QStringLiteral("chore(security): disable %1 rule %2\n\n").arg(tool, ruleId)));
        QVERIFY(result->message.contains(QStringLiteral("triaged false positive")));
    }

    void refused_data()
    {
        QTest::addColumn<QString>("tool");
        QTest::addColumn<QString>("ruleId");
        QTest::addColumn<QByteArray>("existing");
        QTest::addColumn<QString>("code");
        QTest::newRow("unknown tool") << "zap"
                                      << "10038" << QByteArray() << "tuning.unsupported";
        QTest::newRow("trivy already ignored") << "trivy"
                                               << "CVE-1" << QByteArray("CVE-1\n") << "tuning.already";
        QTest::newRow("bandit already skipped") << "bandit"
                                                << "B101" << QByteArray("[bandit]\nskips = B101\n") << "tuning.already";
        QTest::newRow("semgrep with its own scanners section")
            << "semgrep"
            << "r" << QByteArray("scanners:\n  blocking: high\n") << "tuning.unsupported";
        QTest::newRow("semgrep config broken") << "semgrep"
                                               << "r" << QByteArray("scanners: [\n") << "config.invalid";
        QTest::newRow("sonar already excluded")
            << "sonarqube"
            << "x:S1"
            << QByteArray("sonar.issue.ignore.multicriteria=a\nsonar.issue.ignore.multicriteria.a.ruleKey=x:S1\n")
            << "tuning.already";
    }
    void refused()
    {
        QFETCH(QString, tool);
        QFETCH(QString, ruleId);
        QFETCH(QByteArray, existing);
        const auto result = TuningApplier::change(rule(tool, ruleId), existing);
        QVERIFY(!result.ok());
        QTEST(result.error().code, "code");
    }

    void applyCommits()
    {
        test::ScratchRepository scratch;
        QVERIFY(scratch.isValid());
        const git::ObjectId first = scratch.commit(QStringLiteral("init"), {{QStringLiteral("README"), "x\n"}});
        QFile config(scratch.repo().gitDir() + QStringLiteral("config"));
        QVERIFY(config.open(QIODevice::Append));
        config.write("[user]\n\tname = Rita Release\n\temail = rita@example.org\n");
        config.close();
        const auto id = TuningApplier::apply(scratch.path(), rule(QStringLiteral("trivy"), QStringLiteral("CVE-9")));
        QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error().toString()));
        const auto info = scratch.repo().commit(*id);
        QVERIFY(info.ok());
        QCOMPARE(info->parents, QList<git::ObjectId>{first});
        QVERIFY(info->message.startsWith(QStringLiteral("chore(security): disable trivy rule CVE-9")));
        QVERIFY(scratch.repo().readFile(*id, QStringLiteral(".trivyignore"))->contains("CVE-9\n"));
        QFile written(scratch.path() + QStringLiteral("/.trivyignore"));
        QVERIFY(written.open(QIODevice::ReadOnly));
        QVERIFY(written.readAll().contains("CVE-9"));
        const auto status = scratch.repo().status();
        QVERIFY(status.ok());
        // The scratch commits bypass the work tree; only the tuned file matters: committed, written and staged alike.
        for (const git::StatusEntry& entry : *status)
            QVERIFY2(entry.path != QLatin1String(".trivyignore"), qPrintable(entry.code()));
        // A second time there is nothing left to exclude.
        const auto again = TuningApplier::apply(scratch.path(), rule(QStringLiteral("trivy"), QStringLiteral("CVE-9")));
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, QStringLiteral("tuning.already"));
    }

    void applyRefusesDirtyFile()
    {
        test::ScratchRepository scratch;
        scratch.commit(QStringLiteral("init"), {{QStringLiteral(".trivyignore"), "CVE-1\n"}});
        scratch.writeWorkTreeFile(QStringLiteral(".trivyignore"), "CVE-1\nCVE-2\n");
        const auto id = TuningApplier::apply(scratch.path(), rule(QStringLiteral("trivy"), QStringLiteral("CVE-9")));
        QVERIFY(!id.ok());
        QCOMPARE(id.error().code, QStringLiteral("tuning.dirty"));
    }
};

QTEST_GUILESS_MAIN(TestTuningApplier)
#include "tst_tuningapplier.moc"
