// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery/DeploymentRules.h"

#include <QTest>

using namespace gatehouse::delivery;
using namespace Qt::StringLiterals;

class TestDeploymentRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classifyDefaults_data();
    void classifyDefaults();
    void configRules_data();
    void configRules();
    void configDiagnostics_data();
    void configDiagnostics();
    void glob_data();
    void glob();
};

void TestDeploymentRules::classifyDefaults_data()
{
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("environment"); // empty: not a deployment
    QTest::addColumn<QString>("source");

    QTest::newRow("deploy-sha") << u"deploy-1a2b3c4d"_s << QString() << u"production"_s << u"default"_s;
    QTest::newRow("deploy/slash") << u"deploy/2026-01-02"_s << QString() << u"production"_s << u"default"_s;
    QTest::newRow("deploy/nested") << u"deploy/eu/7"_s << QString() << u"production"_s << u"default"_s;
    QTest::newRow("production-") << u"production-42"_s << QString() << u"production"_s << u"default"_s;
    QTest::newRow("prod-") << u"prod-42"_s << QString() << u"production"_s << u"default"_s;
    QTest::newRow("staging-") << u"staging-2026-01-02"_s << QString() << u"staging"_s << u"default"_s;
    QTest::newRow("stage-") << u"stage-3"_s << QString() << u"staging"_s << u"default"_s;
    QTest::newRow("deploy/staging wins over deploy/*")
        << u"deploy/staging/5"_s << QString() << u"staging"_s << u"default"_s;
    QTest::newRow("semver") << u"v1.2.3"_s << QString() << u"release"_s << u"release"_s;
    QTest::newRow("semver pre+build") << u"v1.2.3-rc.1+b5"_s << QString() << u"release"_s << u"release"_s;
    QTest::newRow("plain semver") << u"2.84.1"_s << QString() << u"release"_s << u"release"_s;
    QTest::newRow("plain pre-release") << u"1.0.0-rc1"_s << QString() << u"release"_s << u"release"_s;
    QTest::newRow("release- prefix, no patch") << u"release-1.2"_s << QString() << u"release"_s << u"release"_s;
    QTest::newRow("release/ prefix") << u"release/3.0.1"_s << QString() << u"release"_s << u"release"_s;
    QTest::newRow("v, no patch") << u"v1.2"_s << QString() << u"release"_s << u"release"_s;
    QTest::newRow("four numbers") << u"1.2.3.4"_s << QString() << QString() << QString();
    QTest::newRow("one number") << u"v7"_s << QString() << QString() << QString();
    QTest::newRow("underscored version") << u"GLIB_2_2_0"_s << QString() << QString() << QString();
    QTest::newRow("date") << u"2026-01-05"_s << QString() << QString() << QString();
    QTest::newRow("pre-release needs its dash") << u"1.0.0rc1"_s << QString() << QString() << QString();
    QTest::newRow("other prefix") << u"foo-1.2.3"_s << QString() << QString() << QString();
    QTest::newRow("v leading zero") << u"v01.2.3"_s << QString() << QString() << QString();
    QTest::newRow("plain name") << u"before-refactor"_s << QString() << QString() << QString();
    QTest::newRow("deploy without dash") << u"deployment"_s << QString() << QString() << QString();
    QTest::newRow("message names env") << u"release-7"_s << u"Staging deployment of 1a2b3c4d\n"_s << u"staging"_s
                                       << u"message"_s;
    QTest::newRow("message beats default pattern")
        << u"deploy-1a2b3c4d"_s << u"Canary deployment"_s << u"canary"_s << u"message"_s;
    QTest::newRow("message case-insensitive")
        << u"x"_s << u"  PRODUCTION Deployment"_s << u"production"_s << u"message"_s;
    QTest::newRow("rollback is no environment")
        << u"deploy-1a2b3c4d"_s << u"Rollback deployment to 1.2"_s << u"production"_s << u"default"_s;
    QTest::newRow("emergency is no environment") << u"x-1"_s << u"Emergency deployment"_s << QString() << QString();
    QTest::newRow("message not at start") << u"x"_s << u"After the production deployment"_s << QString() << QString();
    QTest::newRow("message deploymentX is not the word")
        << u"x"_s << u"Production deployments"_s << QString() << QString();
}

void TestDeploymentRules::classifyDefaults()
{
    QFETCH(QString, tag);
    QFETCH(QString, message);
    QFETCH(QString, environment);
    QFETCH(QString, source);
    const auto result = DeploymentRules::defaults().classify(tag, message);
    QCOMPARE(result.has_value(), !environment.isEmpty());
    if (result) {
        QCOMPARE(result->environment, environment);
        QCOMPARE(ruleSourceName(result->source), source);
    }
}

void TestDeploymentRules::configRules_data()
{
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("environment");
    QTest::addColumn<QString>("source");

    const QByteArray config = "deployments:\n"
                              "  rules:\n"
                              "    - pattern: \"release-*\"\n"
                              "      environment: Production\n"
                              "    - regex: \"canary/[0-9]+\"\n"
                              "      environment: canary\n"
                              "    - pattern: \"deploy-eu-*\"\n"
                              "      environment: production-eu\n";
    QTest::newRow("config glob") << config << u"release-9"_s << QString() << u"production"_s << u"config"_s;
    QTest::newRow("config regex") << config << u"canary/12"_s << QString() << u"canary"_s << u"config"_s;
    QTest::newRow("config regex is anchored") << config << u"canary/12x"_s << QString() << QString() << QString();
    QTest::newRow("config beats message")
        << config << u"release-9"_s << u"Staging deployment"_s << u"production"_s << u"config"_s;
    QTest::newRow("config beats default")
        << config << u"deploy-eu-1"_s << QString() << u"production-eu"_s << u"config"_s;
    QTest::newRow("defaults still apply") << config << u"staging-1"_s << QString() << u"staging"_s << u"default"_s;
    const QByteArray noDefaults = "deployments:\n"
                                  "  defaults: false\n"
                                  "  rules:\n"
                                  "    - pattern: \"ship-*\"\n"
                                  "      environment: production\n";
    QTest::newRow("defaults off: default tag") << noDefaults << u"deploy-1"_s << QString() << QString() << QString();
    QTest::newRow("defaults off: semver") << noDefaults << u"v1.0.0"_s << QString() << QString() << QString();
    QTest::newRow("defaults off: config") << noDefaults << u"ship-1"_s << QString() << u"production"_s << u"config"_s;
    QTest::newRow("defaults off: message still read")
        << noDefaults << u"x"_s << u"Staging deployment"_s << u"staging"_s << u"message"_s;
    QTest::newRow("no deployments key") << QByteArray("sla:\n  critical: 1\n") << u"deploy-1"_s << QString()
                                        << u"production"_s << u"default"_s;
    const QByteArray demoStyle = "deployments:\n"
                                 "  tags:\n"
                                 "    - pattern: \"ship-*\"\n"
                                 "      environment: production\n"
                                 "  releases: \"rel-*\"\n";
    QTest::newRow("tags: is rules:") << demoStyle << u"ship-3"_s << QString() << u"production"_s << u"config"_s;
    QTest::newRow("releases glob") << demoStyle << u"rel-3"_s << QString() << u"release"_s << u"config"_s;
    QTest::newRow("releases list") << QByteArray("deployments:\n  releases: [\"r-*\", \"x-*\"]\n") << u"x-1"_s
                                   << QString() << u"release"_s << u"config"_s;
    QTest::newRow("empty file") << QByteArray() << u"prod-1"_s << QString() << u"production"_s << u"default"_s;
}

void TestDeploymentRules::configRules()
{
    QFETCH(QByteArray, config);
    QFETCH(QString, tag);
    QFETCH(QString, message);
    QFETCH(QString, environment);
    QFETCH(QString, source);
    QList<RuleDiagnostic> diagnostics;
    const DeploymentRules rules = DeploymentRules::fromConfig(config, &diagnostics);
    QVERIFY2(diagnostics.isEmpty(), qPrintable(diagnostics.value(0).message));
    const auto result = rules.classify(tag, message);
    QCOMPARE(result.has_value(), !environment.isEmpty());
    if (result) {
        QCOMPARE(result->environment, environment);
        QCOMPARE(ruleSourceName(result->source), source);
    }
}

void TestDeploymentRules::configDiagnostics_data()
{
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("configRules"); // rules that survived

    QTest::newRow("not yaml") << QByteArray("deployments:\n  rules: [\n") << 3 << 1 << u"config.yaml"_s << 0;
    QTest::newRow("deployments is a list")
        << QByteArray("deployments:\n  - a\n") << 2 << 3 << u"config.deployments"_s << 0;
    QTest::newRow("rules not a list") << QByteArray("deployments:\n  rules: deploy-*\n") << 2 << 10
                                      << u"config.deployments"_s << 0;
    QTest::newRow("rule without environment")
        << QByteArray("deployments:\n  rules:\n    - pattern: a-*\n    - pattern: b-*\n      environment: b\n") << 3
        << 7 << u"config.deployments"_s << 1;
    QTest::newRow("rule with both pattern and regex")
        << QByteArray("deployments:\n  rules:\n    - {pattern: a, regex: a, environment: x}\n") << 3 << 7
        << u"config.deployments"_s << 0;
    QTest::newRow("bad regex") << QByteArray("deployments:\n  rules:\n    - regex: \"a(\"\n      environment: x\n") << 3
                               << 14 << u"config.regex"_s << 0;
    QTest::newRow("bad defaults value") << QByteArray("deployments:\n  defaults: maybe\n") << 2 << 13
                                        << u"config.deployments"_s << 0;
    QTest::newRow("top level is a list") << QByteArray("- a\n- b\n") << 1 << 1 << u"config.deployments"_s << 0;
}

void TestDeploymentRules::configDiagnostics()
{
    QFETCH(QByteArray, config);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, code);
    QFETCH(int, configRules);
    QList<RuleDiagnostic> diagnostics;
    const DeploymentRules rules = DeploymentRules::fromConfig(config, &diagnostics);
    QCOMPARE(diagnostics.size(), 1);
    QCOMPARE(diagnostics.first().code, code);
    QCOMPARE(diagnostics.first().line, line);
    QCOMPARE(diagnostics.first().column, column);
    QVERIFY(!diagnostics.first().message.isEmpty());
    QCOMPARE(rules.configRules().size(), configRules);
    // The defaults keep working whatever the file's state.
    QCOMPARE(rules.classify(u"deploy-1"_s).value_or(TagClassification{}).environment, u"production"_s);
}

void TestDeploymentRules::glob_data()
{
    QTest::addColumn<QString>("glob");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("matches");
    QTest::newRow("star crosses slash") << u"deploy/*"_s << u"deploy/a/b"_s << true;
    QTest::newRow("star empty") << u"deploy-*"_s << u"deploy-"_s << true;
    QTest::newRow("whole name") << u"deploy-*"_s << u"xdeploy-1"_s << false;
    QTest::newRow("question mark") << u"v?"_s << u"v1"_s << true;
    QTest::newRow("question mark one char") << u"v?"_s << u"v12"_s << false;
    QTest::newRow("class") << u"rel-[0-9]"_s << u"rel-5"_s << true;
    QTest::newRow("negated class") << u"rel-[!0-9]"_s << u"rel-5"_s << false;
    QTest::newRow("dot is literal") << u"a.b"_s << u"axb"_s << false;
    QTest::newRow("plus is literal") << u"a+b"_s << u"a+b"_s << true;
    QTest::newRow("unclosed bracket literal") << u"a[b"_s << u"a[b"_s << true;
}

void TestDeploymentRules::glob()
{
    QFETCH(QString, glob);
    QFETCH(QString, name);
    QFETCH(bool, matches);
    const QRegularExpression regex = DeploymentRules::globToRegex(glob);
    QVERIFY(regex.isValid());
    QCOMPARE(regex.match(name).hasMatch(), matches);
}

QTEST_GUILESS_MAIN(TestDeploymentRules)
#include "tst_deploymentrules.moc"
