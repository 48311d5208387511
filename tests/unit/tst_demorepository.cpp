// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/Commands.h"
#include "demo/DemoRepository.h"
#include "git/Repository.h"
#include "pipeline/PipelineDiscovery.h"
#include "pipeline/PipelineValidator.h"
#include "runs/RunHistory.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <algorithm>
#include <tuple>

using namespace gatehouse;
using namespace Qt::StringLiterals;

class TestDemoRepository : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    git::Repository m_repo;
    git::ObjectId m_head;
    QList<git::CommitInfo> m_log; ///< main, newest first

    QByteArray fileAt(const git::ObjectId& commit, const QString& path)
    {
        auto content = m_repo.readFile(commit, path);
        return content ? *content : QByteArray();
    }
    /// The commits that changed `path`, oldest first.
    QList<git::CommitInfo> history(const QString& path)
    {
        git::LogOptions options;
        options.start = u"main"_s;
        options.paths = {path};
        auto log = m_repo.log(options);
        if (!log)
            return {};
        QList<git::CommitInfo> commits = *log;
        std::reverse(commits.begin(), commits.end());
        return commits;
    }
    /// The `name:` job block of a GitLab CI file (up to the next blank line).
    static QString jobBlock(const QString& yaml, const QString& name)
    {
        const qsizetype start = yaml.indexOf(u'\n' + name + u":\n");
        if (start < 0)
            return {};
        const qsizetype end = yaml.indexOf(u"\n\n"_s, start + 1);
        return yaml.mid(start + 1, end < 0 ? -1 : end - start - 1);
    }
    static QJsonDocument json(const QByteArray& data)
    {
        QJsonParseError error;
        QJsonDocument document = QJsonDocument::fromJson(data, &error);
        return error.error == QJsonParseError::NoError ? document : QJsonDocument();
    }
    /// trivy findings (VulnerabilityID → severity) of one report.
    static QMap<QString, QString> trivyFindings(const QByteArray& data)
    {
        QMap<QString, QString> findings;
        const QJsonArray results = json(data).object().value(u"Results").toArray();
        for (const QJsonValue& result : results) {
            const QJsonArray vulnerabilities = result.toObject().value(u"Vulnerabilities").toArray();
            for (const QJsonValue& vulnerability : vulnerabilities) {
                const QJsonObject object = vulnerability.toObject();
                findings.insert(object.value(u"VulnerabilityID").toString(), object.value(u"Severity").toString());
            }
        }
        return findings;
    }
    QList<git::TagInfo> productionTagsByTime()
    {
        QList<git::TagInfo> production;
        const auto tags = m_repo.tags();
        for (const git::TagInfo& tag : tags.valueOr({})) {
            if (tag.name.startsWith(u"deploy-"))
                production << tag;
        }
        std::sort(production.begin(), production.end(),
                  [](const git::TagInfo& a, const git::TagInfo& b) { return a.tagger.time < b.tagger.time; });
        return production;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QElapsedTimer timer;
        timer.start();
        auto head = DemoRepository::create(m_dir.path());
        QVERIFY2(head.ok(), head.ok() ? "" : qPrintable(head.error().toString()));
        qInfo("demo generated in %lld ms", timer.elapsed());
        m_head = *head;
        auto repo = git::Repository::open(m_dir.path());
        QVERIFY(repo.ok());
        m_repo = *repo;
        git::LogOptions options;
        options.start = u"main"_s;
        auto log = m_repo.log(options);
        QVERIFY(log.ok());
        m_log = *log;
    }

    void deterministic()
    {
        QTemporaryDir other;
        QVERIFY(other.isValid());
        // A directory that does not exist yet is created.
        const QString path = other.path() + u"/nested/demo"_s;
        auto head = DemoRepository::create(path);
        QVERIFY(head.ok());
        QCOMPARE(head->toString(), m_head.toString());
        auto repo = git::Repository::open(path);
        QVERIFY(repo.ok());
        auto tagsA = m_repo.tags();
        auto tagsB = repo->tags();
        QVERIFY(tagsA.ok() && tagsB.ok());
        QCOMPARE(tagsA->size(), tagsB->size());
        for (qsizetype i = 0; i < tagsA->size(); ++i) {
            QCOMPARE(tagsA->at(i).name, tagsB->at(i).name);
            QCOMPARE(tagsA->at(i).tagObject.toString(), tagsB->at(i).tagObject.toString());
        }
        QCOMPARE(repo->resolve(u"feat/flask-3"_s)->toString(), m_repo.resolve(u"feat/flask-3"_s)->toString());
        auto notesA = m_repo.notes(DemoRepository::notesRef());
        auto notesB = repo->notes(DemoRepository::notesRef());
        QVERIFY(notesA.ok() && notesB.ok());
        QCOMPARE(notesA->size(), notesB->size());
        for (qsizetype i = 0; i < notesA->size(); ++i)
            QCOMPARE(notesA->at(i).blob.toString(), notesB->at(i).blob.toString());
        const auto runNotesA = m_repo.notes(runs::RunStore::notesRef());
        const auto runNotesB = repo->notes(runs::RunStore::notesRef());
        QVERIFY(runNotesA.ok() && runNotesB.ok());
        QVERIFY(!runNotesA->isEmpty());
        QCOMPARE(runNotesA->size(), runNotesB->size());
        for (qsizetype i = 0; i < runNotesA->size(); ++i)
            QCOMPARE(runNotesA->at(i).blob.toString(), runNotesB->at(i).blob.toString());
        QCOMPARE(m_repo.resolve(runs::RunStore::notesRef())->toString(),
                 repo->resolve(runs::RunStore::notesRef())->toString());
    }

    // The CI history archived as notes: with an empty local store, the analysis (the Runs tab, `runs analyze`) finds
    // it, and it tells the story (trivy's flaky DB download, reruns of the same commit).
    void runHistory()
    {
        QTemporaryDir emptyStore;
        auto result = runs::RunHistory::analyze(m_dir.path(), runs::AnalysisOptions(), true, emptyStore.path());
        QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().toString()));
        QVERIFY(result->warnings.isEmpty());
        QVERIFY2(result->runs.size() > 200, qPrintable(QString::number(result->runs.size())));
        const runs::RunAnalysis& analysis = result->analysis;
        QStringList names;
        for (const runs::PipelineStats& pipeline : analysis.pipelines)
            names << pipeline.name;
        QCOMPARE(names, (QStringList{u"CI"_s, u"gitlab-ci"_s}));
        const runs::PipelineStats& gitlab = analysis.pipelines.at(1);
        QVERIFY(gitlab.runs > 150);
        QVERIFY2(gitlab.successRate > 0.6 && gitlab.successRate < 0.99,
                 qPrintable(QString::number(gitlab.successRate)));
        QVERIFY(gitlab.durationP50 > 300 && gitlab.durationP95 >= gitlab.durationP50);
        QVERIFY(gitlab.falseFailures > 0); // a nightly passed on a commit whose earlier pipeline failed
        QVERIFY(gitlab.recoveries > 0);
        QVERIFY(gitlab.trend.size() >= 10);
        QCOMPARE(gitlab.criticalPath.dependencies, u"needs"_s);
        // The flakiest job is trivy, whose DB download timed out until the mirror.
        QVERIFY(!analysis.jobs.isEmpty());
        QCOMPARE(analysis.jobs.first().name, u"trivy"_s);
        QVERIFY(analysis.jobs.first().flakyFailures > 3);
        const bool retryHidesFlakiness
            = std::any_of(analysis.suggestions.cbegin(), analysis.suggestions.cend(), [](const runs::Suggestion& s) {
                  return s.kind == u"retry-hides-flakiness"_s && s.job == u"trivy"_s;
              });
        QVERIFY(retryHidesFlakiness);
        // Every run sits on a commit of the demo; merge-request pipelines ran on the feature branches.
        QSet<QString> branches;
        for (const runs::Run& run : result->runs) {
            QVERIFY(m_repo.commit(git::ObjectId::fromHex(run.sha)).ok());
            branches.insert(run.branch);
        }
        QVERIFY(branches.contains(u"main"_s));
        QVERIFY(branches.contains(u"feat/flask-3"_s));
        QVERIFY(branches.contains(u"feat/webhooks"_s));
    }

    void refusesUnusableDirectory_data()
    {
        QTest::addColumn<QString>("setup");
        QTest::addColumn<QString>("code");
        QTest::newRow("file inside") << u"file"_s << u"demo.not-empty"_s;
        QTest::newRow("hidden file inside") << u"hidden"_s << u"demo.not-empty"_s;
        QTest::newRow("path is a file") << u"is-file"_s << u"demo.not-a-directory"_s;
        QTest::newRow("parent is a file") << u"parent-file"_s << u"io.cannot-create"_s;
    }
    void refusesUnusableDirectory()
    {
        QFETCH(QString, setup);
        QFETCH(QString, code);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString target = dir.path();
        auto touch = [](const QString& path) {
            QFile file(path);
            return file.open(QIODevice::WriteOnly) && file.write("keep me\n") == 8;
        };
        if (setup == u"file")
            QVERIFY(touch(target + u"/notes.txt"_s));
        else if (setup == u"hidden")
            QVERIFY(touch(target + u"/.env"_s));
        else if (setup == u"is-file")
            QVERIFY(touch(target = dir.path() + u"/plain"_s));
        else if (setup == u"parent-file") {
            QVERIFY(touch(dir.path() + u"/plain"_s));
            target = dir.path() + u"/plain/demo"_s;
        }
        auto head = DemoRepository::create(target);
        QVERIFY(!head.ok());
        QCOMPARE(head.error().code, code);
        QVERIFY(!head.error().message.isEmpty());
        QVERIFY(!QFileInfo::exists(dir.path() + u"/.git"_s));
    }

    void checkedOutOnMain()
    {
        auto head = m_repo.head();
        QVERIFY(head.ok());
        QCOMPARE(head->branch, u"main"_s);
        QCOMPARE(head->commit.toString(), m_head.toString());
        QVERIFY(!head->detached);
        const QStringList files{u"README.md"_s, u".gitlab-ci.yml"_s, u"app/routes.py"_s, u"reports/trivy.json"_s};
        for (const QString& file : files) {
            auto work = m_repo.readWorkTreeFile(file);
            QVERIFY2(work.ok(), qPrintable(file));
            QCOMPARE(*work, fileAt(m_head, file));
        }
    }

    void history()
    {
        QVERIFY2(m_log.size() >= 80, qPrintable(QString::number(m_log.size())));
        QSet<QString> authors;
        QSet<int> weeks;
        QDateTime previous;
        // Oldest first: committer times strictly increase along main's first-parent line.
        git::LogOptions options;
        options.start = u"main"_s;
        options.firstParent = true;
        auto firstParent = m_repo.log(options);
        QVERIFY(firstParent.ok());
        for (auto it = firstParent->crbegin(); it != firstParent->crend(); ++it) {
            if (previous.isValid())
                QVERIFY2(it->committer.time > previous, qPrintable(it->summary));
            previous = it->committer.time;
        }
        for (const git::CommitInfo& commit : std::as_const(m_log)) {
            authors.insert(commit.author.email);
            weeks.insert(commit.author.time.date().weekNumber());
        }
        QVERIFY(authors.size() >= 4);
        QVERIFY2(weeks.size() >= 12, qPrintable(QString::number(weeks.size())));
        const git::CommitInfo& first = m_log.last();
        const git::CommitInfo& last = m_log.first();
        QCOMPARE(first.author.time.toUTC(), QDateTime(QDate(2026, 8, 3), QTime(8, 12), Qt::UTC));
        QCOMPARE(first.author.time.offsetFromUtc(), 2 * 3600);
        QCOMPARE(last.author.time.date(),
                 QDate(2026, 11, 27)); // the weekly scan after the Swarm, Nomad and SonarQube commits
        QVERIFY(first.author.time.daysTo(last.author.time) >= 12 * 7);
        QCOMPARE(first.parents.size(), 0);
        int merges = 0;
        for (const git::CommitInfo& commit : std::as_const(m_log))
            merges += commit.parents.size() > 1 ? 1 : 0;
        QVERIFY(merges >= 2);
    }

    void conventionalMessages()
    {
        static const QRegularExpression conventional(
            u"^(feat|fix|chore|ci|docs|test|refactor|perf|build|hotfix|postmortem)\\([a-z0-9-]+\\): \\S.*$"_s);
        static const QRegularExpression merge(u"^Merge branch '[^']+' into 'main'$"_s);
        static const QRegularExpression revert(u"^Revert \"(.+)\"$"_s);
        QSet<QString> types;
        for (const git::CommitInfo& commit : std::as_const(m_log)) {
            const bool ok = conventional.match(commit.summary).hasMatch() || merge.match(commit.summary).hasMatch()
                || revert.match(commit.summary).hasMatch();
            QVERIFY2(ok, qPrintable(commit.summary));
            types.insert(commit.summary.section(u'(', 0, 0));
        }
        for (const QString& type : {u"feat"_s, u"fix"_s, u"chore"_s, u"ci"_s, u"docs"_s, u"test"_s, u"refactor"_s})
            QVERIFY2(types.contains(type), qPrintable(type));
    }

    void filesAtHead_data()
    {
        QTest::addColumn<QString>("path");
        for (const char* path :
             {"app/__init__.py", "app/routes.py", "app/db.py", "tests/conftest.py", "tests/test_parcels.py",
              "requirements.txt", "Dockerfile", "README.md", ".gitlab-ci.yml", ".github/workflows/ci.yml",
              ".github/workflows/release.yml", ".gatehouse/config.yml", ".gatehouse/policy.yml",
              ".gatehouse/triage.yml", "reports/semgrep.json", "reports/trivy.json", "reports/gitleaks.json",
              "reports/trivy-config.sarif"})
            QTest::newRow(path) << QString::fromLatin1(path);
        for (const char* path : {"deploy/k8s/staging/deployment.yaml", "deploy/k8s/production/deployment.yaml",
                                 "deploy/k8s/production/canary.yaml"})
            QTest::newRow(path) << QString::fromLatin1(path);
    }
    void filesAtHead()
    {
        QFETCH(QString, path);
        QVERIFY2(!fileAt(m_head, path).isEmpty(), qPrintable(path));
    }

    void evolvingFiles_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("minimumChanges");
        QTest::newRow("gitlab ci") << u".gitlab-ci.yml"_s << 8;
        QTest::newRow("github workflows") << u".github/workflows"_s << 3;
        QTest::newRow("application") << u"app"_s << 20;
        QTest::newRow("tests") << u"tests"_s << 8;
        QTest::newRow("requirements") << u"requirements.txt"_s << 6;
        QTest::newRow("dockerfile") << u"Dockerfile"_s << 5;
    }
    void evolvingFiles()
    {
        QFETCH(QString, path);
        QFETCH(int, minimumChanges);
        const int changes = int(history(path).size());
        QVERIFY2(changes >= minimumChanges, qPrintable(QString::number(changes)));
    }

    void gitlabPipeline_data()
    {
        QTest::addColumn<QString>("needle");
        for (const char* needle : {"stages:\n  - validate\n  - security\n  - test\n  - deploy\n", "\n.base:\n",
                                   "extends: .base", "artifacts: &security-artifacts", "<<: *security-artifacts",
                                   "<<: *pip-cache", "needs:", "\nsemgrep:\n", "\ntrivy:\n", "\ngitleaks:\n",
                                   "reports:\n      sast:", "name: staging", "name: production", "when: manual"})
            QTest::newRow(needle) << QString::fromLatin1(needle);
    }
    void gitlabPipeline()
    {
        QFETCH(QString, needle);
        const QString yaml = QString::fromUtf8(fileAt(m_head, u".gitlab-ci.yml"_s));
        QVERIFY2(yaml.contains(needle), qPrintable(needle));
        const QString production = jobBlock(yaml, u"deploy-production"_s);
        QVERIFY(production.contains(u"when: manual"));
        QVERIFY(production.contains(u"name: production"));
    }

    void gateWeakenedThenRestored()
    {
        // The commit that adds allow_failure to a security job, and the later one that removes it.
        const QList<git::CommitInfo> commits = history(u".gitlab-ci.yml"_s);
        git::ObjectId weakened;
        git::ObjectId restored;
        bool previouslyWeak = false;
        for (const git::CommitInfo& commit : commits) {
            const QString yaml = QString::fromUtf8(fileAt(commit.id, u".gitlab-ci.yml"_s));
            const bool weak = jobBlock(yaml, u"trivy"_s).contains(u"allow_failure: true")
                || jobBlock(yaml, u"semgrep"_s).contains(u"allow_failure: true")
                || jobBlock(yaml, u"gitleaks"_s).contains(u"allow_failure: true");
            if (weak && !previouslyWeak && weakened.isNull()) {
                weakened = commit.id;
                QVERIFY2(commit.summary.startsWith(u"ci("), qPrintable(commit.summary));
            }
            if (!weak && previouslyWeak)
                restored = commit.id;
            previouslyWeak = weak;
        }
        QVERIFY(!weakened.isNull());
        QVERIFY(!restored.isNull());
        QVERIFY(*m_repo.isAncestor(weakened, restored));
        QVERIFY(!previouslyWeak); // HEAD's pipeline blocks again
    }

    // The demo's pipelines are valid at every revision (no syntax, schema or semantic error), its policy parses,
    // and the weakened trivy job is the one gate regression of the story.
    void pipelinesValidate()
    {
        using namespace gatehouse::pipeline;
        QSet<QString> seen;
        int regressions = 0;
        bool previouslyFailing = false;
        const QList<git::CommitInfo> commits = history(u".gitlab-ci.yml"_s);
        for (auto it = commits.crbegin(); it != commits.crend(); ++it) {
            auto files = PipelineDiscovery::fileSource(m_dir.path(), it->id.toString());
            QVERIFY(files.ok());
            ValidationOptions options;
            options.files = *files;
            QList<Diagnostic> policyProblems;
            auto policyText = files->read(PipelineDiscovery::policyPath());
            if (policyText.ok()) {
                options.policy = GatePolicy::parse(*policyText, PipelineDiscovery::policyPath(), &policyProblems);
                QVERIFY2(policyProblems.isEmpty(), qPrintable(policyProblems.value(0).message));
            }
            bool blockingFails = false;
            for (const QString& path : PipelineDiscovery::discover(*files)) {
                const ValidationResult result = validatePipeline(files->read(path).valueOr({}), path, options);
                for (const Diagnostic& d : result.diagnostics) {
                    const QString where
                        = QStringLiteral("%1 %2:%3 %4").arg(it->id.shortString(), path).arg(d.line).arg(d.message);
                    if (d.category != Category::Gate)
                        QVERIFY2(d.severity != Severity::Error, qPrintable(where));
                    if (d.rule == u"gate.security-blocking")
                        blockingFails = true;
                    seen.insert(d.rule);
                }
            }
            if (blockingFails && !previouslyFailing)
                ++regressions;
            previouslyFailing = blockingFails;
        }
        QCOMPARE(regressions, 1);
        QVERIFY(!previouslyFailing);
    }

    /// `gatehouse strategies --repo DEMO --format json [--rev REV]`, run in-process.
    QJsonObject strategies(const QString& revision = {})
    {
        QString out;
        QString err;
        QTextStream outStream(&out);
        QTextStream errStream(&err);
        QStringList arguments{u"--repo"_s, m_dir.path(), u"--format"_s, u"json"_s};
        if (!revision.isEmpty())
            arguments << u"--rev"_s << revision;
        const int code = cli::runStrategies(arguments, cli::Io{outStream, errStream});
        outStream.flush();
        errStream.flush();
        if (code != 0)
            qWarning("strategies: exit %d: %s", code, qPrintable(err));
        QJsonObject byEnvironment;
        for (const QJsonValue& value : json(out.toUtf8()).object().value(u"environments").toArray())
            byEnvironment.insert(value.toObject().value(u"environment").toString(), value);
        return byEnvironment;
    }

    // Production reaches users through a Flagger canary with metric gates and an automatic rollback,
    // staging through a rolling update; both from the manifests of one plausible commit.
    void deliveryStrategies()
    {
        const QJsonObject environments = strategies();
        const QJsonObject production = environments.value(u"production").toObject();
        QCOMPARE(production.value(u"strategy").toString(), u"canary"_s);
        QCOMPARE(production.value(u"rollback").toString(), u"automatic"_s);
        QStringList weights;
        for (const QJsonValue& step : production.value(u"steps").toArray()) {
            if (step.toObject().contains(u"weight"))
                weights << QString::number(step.toObject().value(u"weight").toInt());
        }
        QCOMPARE(weights, (QStringList{u"10"_s, u"20"_s, u"30"_s, u"40"_s, u"50"_s}));
        QMap<QString, QJsonObject> metrics;
        for (const QJsonValue& metric : production.value(u"metrics").toArray())
            metrics.insert(metric.toObject().value(u"name").toString(), metric.toObject());
        QCOMPARE(metrics.keys(), (QStringList{u"request-duration"_s, u"request-success-rate"_s}));
        QCOMPARE(metrics[u"request-success-rate"_s].value(u"min").toDouble(), 99.0);
        QCOMPARE(metrics[u"request-success-rate"_s].value(u"interval").toString(), u"1m"_s);
        QCOMPARE(metrics[u"request-duration"_s].value(u"max").toDouble(), 500.0);
        QStringList sources;
        for (const QJsonValue& source : production.value(u"sources").toArray())
            sources << source.toObject().value(u"path").toString();
        QVERIFY2(sources.contains(u"deploy/k8s/production/canary.yaml"_s), qPrintable(sources.join(u", ")));

        const QJsonObject staging = environments.value(u"staging").toObject();
        QCOMPARE(staging.value(u"strategy").toString(), u"rolling"_s);
        QStringList stagingSources;
        for (const QJsonValue& source : staging.value(u"sources").toArray())
            stagingSources << source.toObject().value(u"path").toString();
        QVERIFY2(stagingSources.contains(u"deploy/k8s/staging/deployment.yaml"_s),
                 qPrintable(stagingSources.join(u", ")));

        // QA rolls on the Swarm from the partners' Jenkins, the sandbox on Nomad from CircleCI: both jobs roll back
        // when their smoke test fails, so they are sources of those environments' strategies.
        for (const auto& [environment, strategy, path] :
             {std::tuple{u"qa"_s, u"rolling"_s, u"Jenkinsfile"_s},
              std::tuple{u"sandbox"_s, u"canary"_s, u".circleci/config.yml"_s}}) {
            const QJsonObject object = environments.value(environment).toObject();
            QCOMPARE(object.value(u"strategy").toString(), strategy);
            QCOMPARE(object.value(u"rollback").toString(), u"automatic"_s);
            QStringList paths;
            for (const QJsonValue& source : object.value(u"sources").toArray())
                paths << source.toObject().value(u"path").toString();
            QVERIFY2(paths.contains(path), qPrintable(paths.join(u", ")));
        }

        // The manifests arrive in one build(k8s) commit, before production is ever deployed.
        const QList<git::CommitInfo> commits = history(u"deploy/k8s/production/canary.yaml"_s);
        QCOMPARE(commits.size(), 1);
        QVERIFY2(commits.constFirst().summary.startsWith(u"build(k8s): "), qPrintable(commits.constFirst().summary));
        QVERIFY(fileAt(commits.constFirst().id, u".gitlab-ci.yml"_s).contains("deploy-staging:"));
        QVERIFY(!fileAt(commits.constFirst().id, u".gitlab-ci.yml"_s).contains("deploy-production:"));
        const QJsonObject before = strategies(commits.constFirst().parents.value(0).toString());
        QVERIFY(!before.contains(u"production"));

        // The pipeline's progressive-delivery gate passes on it at HEAD.
        using namespace gatehouse::pipeline;
        auto files = PipelineDiscovery::fileSource(m_dir.path(), m_head.toString());
        QVERIFY(files.ok());
        ValidationOptions options;
        options.files = *files;
        const ValidationResult result
            = validatePipeline(files->read(u".gitlab-ci.yml"_s).valueOr({}), u".gitlab-ci.yml"_s, options);
        for (const Diagnostic& d : result.diagnostics)
            QVERIFY2(d.rule != u"gate.progressive-delivery", qPrintable(d.message));
        const PipelineJob* deploy = result.model.job(u"deploy-production"_s);
        QVERIFY(deploy);
        QVERIFY(deploy->gates.contains(u"progressive-delivery"_s));
    }

    void reportShapes_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("semgrep") << u"reports/semgrep.json"_s;
        QTest::newRow("trivy") << u"reports/trivy.json"_s;
        QTest::newRow("gitleaks") << u"reports/gitleaks.json"_s;
        QTest::newRow("sarif") << u"reports/trivy-config.sarif"_s;
    }
    void reportShapes()
    {
        QFETCH(QString, path);
        // Every committed version of the report parses and has the tool's shape.
        const QList<git::CommitInfo> commits = history(path);
        QVERIFY(commits.size() >= 3);
        for (const git::CommitInfo& commit : commits) {
            const QJsonDocument document = json(fileAt(commit.id, path));
            QVERIFY2(!document.isNull(), qPrintable(commit.summary));
            if (path.endsWith(u"semgrep.json")) {
                const QJsonObject object = document.object();
                QVERIFY(object.value(u"results").isArray());
                QVERIFY(object.value(u"errors").isArray());
                QVERIFY(object.value(u"version").isString());
                const QJsonArray results = object.value(u"results").toArray();
                for (const QJsonValue& result : results) {
                    const QJsonObject r = result.toObject();
                    QVERIFY(r.value(u"check_id").isString());
                    QVERIFY(r.value(u"start").toObject().value(u"line").toInt() > 0);
                    QVERIFY(r.value(u"extra").toObject().value(u"severity").isString());
                    // The reported line really is in the scanned file at the scanned commit.
                    const QString lines = r.value(u"extra").toObject().value(u"lines").toString();
                    QVERIFY(QString::fromUtf8(fileAt(commit.parents.value(0), r.value(u"path").toString()))
                                .split(u'\n')
                                .value(r.value(u"start").toObject().value(u"line").toInt() - 1)
                            == lines);
                }
            } else if (path.endsWith(u"trivy.json")) {
                const QJsonObject object = document.object();
                QCOMPARE(object.value(u"SchemaVersion").toInt(), 2);
                QVERIFY(object.value(u"CreatedAt").isString());
                const QJsonArray results = object.value(u"Results").toArray();
                QVERIFY(!results.isEmpty());
                for (const QJsonValue& result : results) {
                    QVERIFY(result.toObject().value(u"Target").isString());
                    QVERIFY(result.toObject().value(u"Class").isString());
                }
            } else if (path.endsWith(u"gitleaks.json")) {
                QVERIFY(document.isArray());
                const QJsonArray findings = document.array();
                for (const QJsonValue& finding : findings) {
                    const QJsonObject f = finding.toObject();
                    QVERIFY(f.value(u"RuleID").isString());
                    QVERIFY(f.value(u"Fingerprint").toString().startsWith(f.value(u"Commit").toString()));
                    // The commit gitleaks names is real and introduced the secret's file.
                    auto origin = m_repo.commit(git::ObjectId::fromHex(f.value(u"Commit").toString()));
                    QVERIFY(origin.ok());
                    QCOMPARE(origin->author.name, f.value(u"Author").toString());
                }
            } else {
                const QJsonObject object = document.object();
                QCOMPARE(object.value(u"version").toString(), u"2.1.0"_s);
                const QJsonObject run = object.value(u"runs").toArray().first().toObject();
                QVERIFY(!run.value(u"tool").toObject().value(u"driver").toObject().value(u"name").toString().isEmpty());
                QVERIFY(run.value(u"results").isArray());
            }
        }
    }

    void reportsWeekly()
    {
        const QList<git::CommitInfo> commits = history(u"reports"_s);
        QVERIFY(commits.size() >= 16);
        QVERIFY(commits.first().committer.time.toUTC().date() <= QDate(2026, 8, 7));
        QVERIFY(commits.last().committer.time.toUTC().date() >= QDate(2026, 11, 20));
        for (qsizetype i = 1; i < commits.size(); ++i)
            QVERIFY(commits.at(i - 1).committer.time.secsTo(commits.at(i).committer.time) <= 7 * 86400);
    }

    void findingLifecycles()
    {
        // first seen / last seen per trivy finding over the committed reports.
        QMap<QString, QDateTime> firstSeen;
        QMap<QString, QDateTime> fixedAt;
        QMap<QString, QString> severity;
        QMap<QString, QString> open;
        for (const git::CommitInfo& commit : history(u"reports/trivy.json"_s)) {
            const QMap<QString, QString> findings = trivyFindings(fileAt(commit.id, u"reports/trivy.json"_s));
            for (auto it = findings.cbegin(); it != findings.cend(); ++it) {
                if (!firstSeen.contains(it.key()))
                    firstSeen.insert(it.key(), commit.committer.time);
                severity.insert(it.key(), it.value());
            }
            for (auto it = open.cbegin(); it != open.cend(); ++it) {
                if (!findings.contains(it.key()) && !fixedAt.contains(it.key()))
                    fixedAt.insert(it.key(), commit.committer.time);
            }
            open = findings;
        }
        bool criticalWithinADay = false;
        bool highPastSla = false;
        bool someFixed = false;
        for (auto it = firstSeen.cbegin(); it != firstSeen.cend(); ++it) {
            const bool fixed = fixedAt.contains(it.key());
            someFixed |= fixed;
            if (severity.value(it.key()) == u"CRITICAL" && fixed && it.value().secsTo(fixedAt.value(it.key())) < 86400)
                criticalWithinADay = true;
            const QDateTime end
                = fixed ? fixedAt.value(it.key()) : QDateTime(QDate(2026, 11, 20), QTime(23, 59), Qt::UTC);
            if (severity.value(it.key()) == u"HIGH" && it.value().secsTo(end) > 7 * 86400)
                highPastSla = true;
        }
        QVERIFY(criticalWithinADay);
        QVERIFY(highPastSla);
        QVERIFY(someFixed);
        QVERIFY(!open.isEmpty()); // some findings persist to the end
    }

    void scanNotes()
    {
        auto notes = m_repo.notes(DemoRepository::notesRef());
        QVERIFY(notes.ok());
        QVERIFY(!notes->isEmpty());
        bool critical = false;
        for (const git::NoteEntry& note : *notes) {
            auto content = m_repo.readNote(DemoRepository::notesRef(), note.annotated);
            QVERIFY(content.ok() && content->has_value());
            const QJsonDocument document = json(**content);
            QCOMPARE(document.object().value(u"SchemaVersion").toInt(), 2);
            critical |= trivyFindings(**content).values().contains(u"CRITICAL"_s);
            QVERIFY(m_repo.commit(note.annotated).ok());
        }
        QVERIFY(critical);
    }

    void deploymentTags()
    {
        auto tags = m_repo.tags();
        QVERIFY(tags.ok());
        int deployments = 0;
        int releases = 0;
        static const QRegularExpression version(u"^v0\\.\\d+\\.\\d+$"_s);
        for (const git::TagInfo& tag : *tags) {
            QVERIFY2(tag.annotated, qPrintable(tag.name));
            auto commit = m_repo.commit(tag.target);
            QVERIFY(commit.ok());
            QVERIFY2(tag.tagger.time > commit->committer.time, qPrintable(tag.name));
            if (tag.name.startsWith(u"deploy-")) {
                ++deployments;
                QCOMPARE(tag.name, u"deploy-"_s + tag.target.shortString(8));
                QVERIFY(tag.message.startsWith(u"Production deployment"));
                QCOMPARE(tag.tagger.name, u"Dana Whitfield"_s);
            } else if (tag.name.startsWith(u"staging-")) {
                ++deployments;
                QCOMPARE(tag.name, u"staging-"_s + tag.tagger.time.date().toString(Qt::ISODate));
                QVERIFY(tag.message.startsWith(u"Staging deployment"));
            } else {
                QVERIFY2(version.match(tag.name).hasMatch(), qPrintable(tag.name));
                ++releases;
            }
        }
        QVERIFY(deployments >= 10);
        QVERIFY(releases >= 3);
    }

    void rollback()
    {
        const QList<git::TagInfo> production = productionTagsByTime();
        int rollbacks = 0;
        for (qsizetype i = 1; i < production.size(); ++i) {
            if (!production.at(i).message.contains(u"Rollback"))
                continue;
            ++rollbacks;
            const git::ObjectId previous = production.at(i - 1).target;
            const git::ObjectId target = production.at(i).target;
            QVERIFY(target != previous);
            QVERIFY(*m_repo.isAncestor(target, previous));
        }
        QCOMPARE(rollbacks, 1);
    }

    void postmortems()
    {
        auto tags = m_repo.tags();
        QVERIFY(tags.ok());
        QSet<QString> tagNames;
        for (const git::TagInfo& tag : *tags)
            tagNames.insert(tag.name);
        int postmortems = 0;
        for (const git::CommitInfo& commit : std::as_const(m_log)) {
            if (!commit.summary.startsWith(u"postmortem("))
                continue;
            ++postmortems;
            const QStringList lines = commit.message.split(u'\n');
            auto field = [&lines](const QString& name) {
                for (const QString& line : lines) {
                    if (line.startsWith(name + u": "_s))
                        return line.mid(name.size() + 2);
                }
                return QString();
            };
            QVERIFY(field(u"Incident"_s).startsWith(u"INC-"));
            QVERIFY(!field(u"Severity"_s).isEmpty());
            QVERIFY(QDateTime::fromString(field(u"Detected"_s), Qt::ISODate).isValid());
            QVERIFY(!field(u"Duration"_s).isEmpty());
            QVERIFY(!field(u"Root cause"_s).isEmpty());
            QVERIFY(!field(u"Fix"_s).isEmpty());
            QVERIFY(tagNames.contains(field(u"Deployment"_s)));
            static const QRegularExpression factor(u"^Factor [IVX]+: \\S"_s);
            QVERIFY(std::any_of(lines.cbegin(), lines.cend(),
                                [](const QString& line) { return factor.match(line).hasMatch(); }));
        }
        QVERIFY(postmortems >= 2);
        auto files = m_repo.listFiles(m_head, u"postmortems/"_s);
        QVERIFY(files.ok());
        QVERIFY(files->size() >= 2);
        for (const git::TreeEntry& entry : *files) {
            const QString text = QString::fromUtf8(fileAt(m_head, entry.path));
            QVERIFY(text.startsWith(u"---\nincident: INC-"));
            QVERIFY(text.indexOf(u"\n---\n"_s) > 0);
        }
    }

    void hotfixAndRevert()
    {
        bool hotfix = false;
        bool revert = false;
        static const QRegularExpression reverts(u"This reverts commit ([0-9a-f]{40})\\."_s);
        for (const git::CommitInfo& commit : std::as_const(m_log)) {
            hotfix |= commit.summary.startsWith(u"hotfix(");
            if (commit.summary.startsWith(u"Revert \"")) {
                const auto match = reverts.match(commit.message);
                QVERIFY(match.hasMatch());
                auto original = m_repo.commit(git::ObjectId::fromHex(match.captured(1)));
                QVERIFY(original.ok());
                QCOMPARE(commit.summary, u"Revert \"%1\""_s.arg(original->summary));
                // A real revert: the tree is the original's parent tree for the files the original touched.
                auto changes = m_repo.diff(original->parents.first(), original->id);
                QVERIFY(changes.ok());
                for (const git::FileChange& change : *changes)
                    QCOMPARE(fileAt(commit.id, change.newPath), fileAt(original->parents.first(), change.newPath));
                revert = true;
            }
        }
        QVERIFY(hotfix);
        QVERIFY(revert);
    }

    void gatehouseSettings_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("needle");
        QTest::newRow("production rule") << u".gatehouse/config.yml"_s
                                         << u"pattern: \"deploy-*\"\n      environment: production"_s;
        QTest::newRow("staging rule") << u".gatehouse/config.yml"_s
                                      << u"pattern: \"staging-*\"\n      environment: staging"_s;
        QTest::newRow("sla") << u".gatehouse/config.yml"_s << u"critical: 1\n  high: 7\n  medium: 30\n  low: 90"_s;
        QTest::newRow("notes ref") << u".gatehouse/config.yml"_s << u"refs/notes/gatehouse-scans"_s;
        QTest::newRow("report globs") << u".gatehouse/config.yml"_s << u"reports/**/*.json"_s;
        QTest::newRow("gates") << u".gatehouse/policy.yml"_s << u"security-blocking:\n    enabled: true"_s;
        QTest::newRow("progressive delivery gate")
            << u".gatehouse/policy.yml"_s << u"progressive-delivery:\n    enabled: true\n    severity: warning"_s;
        QTest::newRow("false positive") << u".gatehouse/triage.yml"_s << u"status: false_positive"_s;
        QTest::newRow("accepted risk") << u".gatehouse/triage.yml"_s << u"status: accepted_risk"_s;
        QTest::newRow("expiry") << u".gatehouse/triage.yml"_s << u"expires: 2027-01-31"_s;
        QTest::newRow("comments") << u".gatehouse/triage.yml"_s << u"# "_s;
    }
    void gatehouseSettings()
    {
        QFETCH(QString, path);
        QFETCH(QString, needle);
        QVERIFY(QString::fromUtf8(fileAt(m_head, path)).contains(needle));
    }
};

QTEST_GUILESS_MAIN(TestDemoRepository)
#include "tst_demorepository.moc"
