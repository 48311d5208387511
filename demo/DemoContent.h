// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the demo generator: the state of the demo project at one point of its story and the functions that
// render it into files. The timeline (DemoRepository.cpp) only flips the state; the renderers decide the bytes, so
// every commit's diff follows from what changed in the story.

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace gatehouse::demo {

using FileMap = QMap<QString, QByteArray>;

/// Everything that varies over the demo's history. Defaults = the very first commit.
struct DemoState
{
    QString version = QStringLiteral("0.1.0");
    QStringList changelog; ///< released sections, newest first (Markdown)

    // Application (app/…, tests/…)
    bool debugRun = true; ///< wsgi.py runs Flask's debugger (semgrep finding)
    bool routes = false; ///< parcel endpoints beyond /health
    bool auth = false; ///< bearer-token auth
    bool search = false;
    bool searchParameterized = false; ///< false = f-string SQL (semgrep finding)
    bool pagination = false;
    bool events = false; ///< tracking events
    bool webhooks = false;
    bool webhookVerifyTls = false; ///< false = verify=False (semgrep finding)
    bool webhookTimeout = false;
    bool leakedWebhookUrl = false; ///< hard-coded Slack URL (gitleaks finding)
    bool carriers = false; ///< carrier settings from YAML
    bool carriersSafeLoad = false; ///< false = yaml.load with FullLoader (semgrep finding)
    bool cache = false; ///< md5 cache keys (semgrep finding, triaged false positive)
    bool eventsIndex = false;
    bool estimates = false;
    bool structuredLogging = false;
    bool metrics = false;
    bool rateLimit = false;
    bool requestScopedDb = false; ///< false = one module-level connection
    bool pageCap = false;
    bool paginationValidation = false;
    bool eventsUnknown404 = false;
    bool eventsOrderById = false;
    bool statusFilter = false;
    bool carrierFilter = false;
    bool metricsWebhooks = false;
    QMap<QString, QString> pins; ///< requirements.txt: package → version
    QMap<QString, QString> devPins; ///< requirements-dev.txt

    // Tests
    bool routeTests = false;
    bool searchTests = false;
    bool searchInjectionTest = false;
    bool eventsTests = false;
    bool notifyTests = false;
    bool notifyTimeoutTest = false;
    bool estimatesTests = false;
    bool cacheTests = false;
    bool filterTests = false;

    // Container
    bool dockerCurl = false; ///< apt-get install curl
    bool dockerCurlNoRecommends = false;
    bool dockerUser = false;
    bool healthcheck = false;
    bool gunicornTimeout = false;
    bool migrationsOnStart = false;

    // Pipelines
    bool ciSecurity = false; ///< security stage with semgrep and gitleaks
    bool ciTrivy = false;
    bool ciProduction = false; ///< manual production deploy
    bool ciCache = false; ///< pip cache anchor
    bool ciTrivyAllowFailure = false; ///< the weakened gate
    bool ciTrivyDbMirror = false; ///< trivy DB from the internal mirror (the fix for the flaky download)
    bool ciMigrateJob = false;
    bool ciResourceGroups = false;
    bool ciCoverage = false;
    bool ciTrivyCache = false;
    bool githubWorkflow = false;
    bool githubSecurity = false; ///< semgrep + trivy config SARIF uploads
    bool githubHardened = false; ///< permissions, concurrency, pinned actions
    bool githubRelease = false;
    bool circleci = false; ///< .circleci/config.yml: the partner SDK mirror's CircleCI pipeline
    bool jenkinsfile = false; ///< Jenkinsfile: the partners' on-premises Jenkins runs the same checks
    bool renovate = false;
    bool k8sManifests = false; ///< deploy/k8s/: staging rolling update, production Flagger canary
    bool swarmStack = false; ///< deploy/swarm/qa-stack.yml: the QA environment on Docker Swarm
    bool nomadJob = false; ///< deploy/nomad/parcel-sandbox.nomad: the partner sandbox on Nomad
    bool sonarQube = false; ///< sonar-project.properties; scans also archive SonarQube's issues
    bool sonarTriaged = false; ///< the hard-coded-credential issues were resolved in SonarQube

    // Docs and settings
    int readmeRevision = 0;
    bool runbook = false;
    int securityPolicy = 0; ///< SECURITY.md revision (0 = none)
    bool gatehouseConfig = false;
    bool gatehouseTriage = false;
    bool gatehousePolicyStrict = false;
    QStringList gitleaksIgnore; ///< fingerprints in .gitleaksignore
};

FileMap renderSources(const DemoState& state); ///< DemoSources.cpp: app/, tests/, migrations/, requirements
FileMap renderBuild(const DemoState& state); ///< DemoPipelines.cpp: Dockerfile, CI files, renovate
FileMap renderDocs(const DemoState& state); ///< DemoDocs.cpp: README, CHANGELOG, docs/, .gatehouse/
FileMap renderDeploy(const DemoState& state); ///< DemoDeploy.cpp: Kubernetes manifests (deploy/k8s/)
/// DemoPlatforms.cpp: the Swarm stack, the Nomad job and sonar-project.properties.
FileMap renderPlatforms(const DemoState& state);
/// DemoPlatforms.cpp: SonarQube's api/issues/search answer for the tree, derived from its lines like the other
/// scanners' reports; `triaged` = the credential issues have been resolved in SonarQube.
QByteArray sonarQubeJson(const FileMap& tree, bool triaged);

/// The Markdown postmortem files (front matter + body), by incident.
struct PostmortemFacts
{
    QString incident;
    QString title;
    QString severity;
    QDateTime detected;
    QDateTime resolved;
    QString duration;
    QString deployment;
    QString rootCause;
    QString fix;
    QStringList factors; ///< "Factor IX: Disposability — …"
    QStringList timeline; ///< "14:05 UTC — …"
    QStringList actions;
};
QByteArray renderPostmortem(const PostmortemFacts& facts);
/// The `postmortem(scope): …` commit body lines (Incident:, Severity:, …, Factor …:).
QString postmortemTrailer(const PostmortemFacts& facts);

/// Who introduced a secret (gitleaks reports the commit that added it).
struct SecretOrigin
{
    QString commit;
    QString author;
    QString email;
    QDateTime date;
    QString message;
    int line = 0;
    int startColumn = 0;
    int endColumn = 0;
};

/// Produces the scanners' reports for a tree, in the tools' real formats. Findings are derived from the content
/// (a semgrep finding exists while its offending line does, a CVE while the vulnerable pin does), so they appear,
/// persist with stable identities and disappear as the code changes.
class DemoScanner
{
public:
    /// Records which secrets a new commit introduced (call for every commit, in order).
    void observeCommit(const QString& commitHex, const QString& author, const QString& email, const QDateTime& time,
                       const QString& message, const FileMap& tree);
    /// gitleaks' fingerprint of the secret rule `ruleId` in `path` (empty before it was introduced).
    QString secretFingerprint(const QString& ruleId, const QString& path) const;

    QByteArray semgrepJson(const FileMap& tree) const;
    QByteArray trivyJson(const FileMap& tree, const QDateTime& scanTime) const;
    QByteArray gitleaksJson(const FileMap& tree) const;
    QByteArray trivyConfigSarif(const FileMap& tree) const;

private:
    QHash<QString, SecretOrigin> m_secrets; ///< "rule|path" → origin
};

} // namespace gatehouse::demo
