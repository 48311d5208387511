// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FindingsSyncClient.h"

#include "git/Repository.h"
#include "runs/sync/ApiPager.h"
#include "security/ReportReader.h"
#include "security/ScanNote.h"
#include "security/scan/ScanArchive.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QUrlQuery>

#include <deque>

namespace gatehouse {

using runs::ApiPager;
using runs::SyncRequest;

namespace {

enum class Step
{
    Project, ///< the default branch
    Pipelines, ///< GitLab: successful pipelines of the default branch
    Jobs, ///< GitLab: one pipeline's jobs
    Artifact, ///< GitLab: one job's security report
    Analyses, ///< GitHub: code-scanning analyses of the default branch
    Sarif, ///< GitHub: one analysis as SARIF
    Alerts, ///< GitHub: open Dependabot alerts
    Branch, ///< GitHub: the default branch's head commit
};

struct Pending
{
    Step step = Step::Project;
    QUrl url;
    QByteArray accept;
    QString kind; ///< Artifact, Sarif: the report's kind
    QString sha; ///< Jobs, Artifact, Sarif: the commit
    QString name; ///< Artifact, Sarif: the report's name in the note
};

// GitLab's report artifact types that hold security findings (job artifacts API `file_type`).
const QStringList kGitLabKinds{QStringLiteral("sast"), QStringLiteral("dependency_scanning"),
                               QStringLiteral("container_scanning"), QStringLiteral("secret_detection"),
                               QStringLiteral("dast")};

QString text(const QJsonValue& value)
{
    return value.isDouble() ? QString::number(qint64(value.toDouble())) : value.toString();
}

// Note report names: a path-safe word, so each job or analysis category keeps one report per commit.
QString slug(const QString& name)
{
    QString out;
    for (const QChar c : name.toLower())
        out += c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_') ? c : QLatin1Char('-');
    return out.isEmpty() ? QStringLiteral("report") : out;
}

} // namespace

struct FindingsSyncClient::Private
{
    ApiPager pager;
    SyncRequest request;
    bool running = false;
    std::deque<Pending> queue;
    Pending current;
    FindingsSyncReport report;
    QJsonArray alerts;
    QString headSha;

    bool gitLab() const { return request.provider == SyncRequest::Provider::GitLab; }
    QUrl url(const QString& suffix, const QList<std::pair<QString, QString>>& items = {}) const
    {
        QUrl u = ApiPager::projectUrl(gitLab(), request.baseUrl, request.project, suffix);
        if (!items.isEmpty()) {
            QUrlQuery query;
            for (const auto& [key, value] : items)
                query.addQueryItem(key, value);
            u.setQuery(query);
        }
        return u;
    }
    QString perPage(int wanted) const { return QString::number(qBound(1, wanted, 100)); }
    Error at(const Error& error) const
    {
        return makeError(error.code,
                         QStringLiteral("%1%2: %3").arg(current.url.host(), current.url.path(), error.message));
    }
};

FindingsSyncClient::FindingsSyncClient(QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    connect(&d->pager, &ApiPager::page, this, &FindingsSyncClient::handlePage);
    connect(&d->pager, &ApiPager::failed, this, &FindingsSyncClient::handleFailure);
    connect(&d->pager, &ApiPager::waiting, this, &FindingsSyncClient::progressed);
}

FindingsSyncClient::~FindingsSyncClient() = default;

bool FindingsSyncClient::isRunning() const
{
    return d->running;
}

void FindingsSyncClient::start(const SyncRequest& request, const QString& token)
{
    cancel();
    d->request = request;
    d->report = FindingsSyncReport();
    d->alerts = QJsonArray();
    d->headSha.clear();
    d->queue.clear();
    // The project itself: its default branch (GitLab `GET /projects/:id`, GitHub `GET /repos/:owner/:repo`).
    QUrl project = ApiPager::projectUrl(d->gitLab(), request.baseUrl, request.project, QString());
    QString path = project.path(QUrl::FullyEncoded);
    if (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    project.setPath(path, QUrl::TolerantMode);
    if (const std::optional<Error> refused = ApiPager::refuse(project)) {
        Q_EMIT finished(*refused);
        return;
    }
    d->pager.setOptions({d->gitLab(), request.project,
                         d->gitLab() ? QStringLiteral("read_api")
                                     : QStringLiteral("security_events (code scanning) and Dependabot alerts read"),
                         request.maxWaitSeconds},
                        token);
    d->pager.resetCounters();
    d->running = true;
    d->queue.push_back({Step::Project, project, {}, {}, {}, {}});
    next();
}

void FindingsSyncClient::cancel()
{
    if (!d->running)
        return;
    d->running = false;
    d->pager.abort();
    d->queue.clear();
    Q_EMIT finished(makeError(QStringLiteral("sync.canceled"), QStringLiteral("the sync was canceled")));
}

void FindingsSyncClient::fail(const Error& error)
{
    d->running = false;
    d->queue.clear();
    Q_EMIT finished(error);
}

void FindingsSyncClient::next()
{
    if (!d->running)
        return;
    if (d->queue.empty()) {
        if (!d->gitLab() && !d->alerts.isEmpty()) {
            const QByteArray content = QJsonDocument(d->alerts).toJson(QJsonDocument::Compact);
            const QString name = QStringLiteral("github-dependabot-alerts.json");
            const Result<ParsedReport> parsed = ReportReader::readData(content, name);
            if (!parsed.ok()) {
                fail(makeError(parsed.error().code,
                               QStringLiteral("Dependabot alerts: %1").arg(parsed.error().message)));
                return;
            }
            QStringList fallbacks{QStringLiteral("refs/remotes/origin/") + d->report.defaultBranch,
                                  QStringLiteral("refs/heads/") + d->report.defaultBranch};
            d->report.reports.append(
                {QStringLiteral("dependabot"), d->headSha, fallbacks, name, content, int(parsed->findings.size())});
        }
        d->running = false;
        d->report.requests = d->pager.requests();
        d->report.rateLimitWaits = d->pager.rateLimitWaits();
        Q_EMIT finished(d->report);
        return;
    }
    d->current = d->queue.front();
    d->queue.pop_front();
    d->pager.get(d->current.url, d->current.accept);
}

void FindingsSyncClient::handleFailure(const Error& error)
{
    if (!d->running)
        return;
    // Listed but gone (expired artifacts, deleted analyses), or a feature that is off: nothing to store.
    if (error.code == QLatin1String("sync.not-found") && d->current.step != Step::Project
        && d->current.step != Step::Pipelines && d->current.step != Step::Jobs) {
        if (d->current.step == Step::Artifact || d->current.step == Step::Sarif)
            ++d->report.missing;
        else
            Q_EMIT progressed(QStringLiteral("%1%2: not available (HTTP 404), skipped")
                                  .arg(d->current.url.host(), d->current.url.path()));
        next();
        return;
    }
    fail(error);
}

void FindingsSyncClient::handlePage(const QByteArray& body, const QUrl& nextPage)
{
    if (!d->running)
        return;
    const Pending current = d->current;
    const auto keepPaging = [&] {
        if (!nextPage.isEmpty()) {
            Pending more = current;
            more.url = nextPage;
            d->queue.push_front(more);
        }
    };
    if (current.step == Step::Artifact || current.step == Step::Sarif) {
        // Only reports Gatehouse can read go into the notes: a broken one would be skipped by every scan.
        const Result<ParsedReport> parsed = ReportReader::readData(body, current.name);
        if (!parsed.ok()) {
            fail(d->at(parsed.error()));
            return;
        }
        d->report.reports.append({current.kind, current.sha, {}, current.name, body, int(parsed->findings.size())});
        Q_EMIT progressed(QStringLiteral("%1 reports fetched").arg(d->report.reports.size()));
        next();
        return;
    }
    const Result<QJsonDocument> read = ApiPager::readJson(body, current.url.host() + current.url.path());
    if (!read.ok()) {
        fail(read.error());
        return;
    }
    const QJsonDocument& document = read.value();
    const bool list = current.step != Step::Project && current.step != Step::Branch;
    if (list != document.isArray() || (!list && !document.isObject())) {
        fail(makeError(QStringLiteral("sync.json"),
                       QStringLiteral("%1%2: not the documented JSON %3")
                           .arg(current.url.host(), current.url.path(),
                                list ? QStringLiteral("list") : QStringLiteral("object"))));
        return;
    }
    const SyncRequest& request = d->request;
    switch (current.step) {
    case Step::Project: {
        d->report.defaultBranch = document.object().value(QStringLiteral("default_branch")).toString();
        if (d->report.defaultBranch.isEmpty()) {
            fail(makeError(QStringLiteral("sync.json"),
                           QStringLiteral("%1 has no default branch for %2 (an empty project?)")
                               .arg(current.url.host(), request.project)));
            return;
        }
        const QString branch = d->report.defaultBranch;
        if (d->gitLab()) {
            QList<std::pair<QString, QString>> items{{QStringLiteral("ref"), branch},
                                                     {QStringLiteral("status"), QStringLiteral("success")},
                                                     {QStringLiteral("order_by"), QStringLiteral("id")},
                                                     {QStringLiteral("sort"), QStringLiteral("desc")},
                                                     {QStringLiteral("per_page"), d->perPage(request.maxRuns)}};
            if (request.since.isValid())
                items.append({QStringLiteral("updated_after"), request.since.toUTC().toString(Qt::ISODate)});
            d->queue.push_back({Step::Pipelines, d->url(QStringLiteral("pipelines"), items), {}, {}, {}, {}});
        } else {
            d->queue.push_back({Step::Analyses,
                                d->url(QStringLiteral("code-scanning/analyses"),
                                       {{QStringLiteral("ref"), QStringLiteral("refs/heads/") + branch},
                                        {QStringLiteral("per_page"), d->perPage(request.maxRuns)}}),
                                {},
                                {},
                                {},
                                {}});
            d->queue.push_back({Step::Alerts,
                                d->url(QStringLiteral("dependabot/alerts"),
                                       {{QStringLiteral("state"), QStringLiteral("open")},
                                        {QStringLiteral("per_page"), QStringLiteral("100")}}),
                                {},
                                {},
                                {},
                                {}});
            d->queue.push_back(
                {Step::Branch,
                 d->url(QStringLiteral("branches/") + QString::fromLatin1(QUrl::toPercentEncoding(branch))),
                 {},
                 {},
                 {},
                 {}});
        }
        break;
    }
    case Step::Pipelines: {
        std::deque<Pending> jobs;
        bool full = false;
        for (const QJsonValue& value : document.array()) {
            if (d->report.pipelines >= request.maxRuns) {
                full = true;
                break;
            }
            const QJsonObject pipeline = value.toObject();
            const QString id = text(pipeline.value(QStringLiteral("id")));
            const QString sha = pipeline.value(QStringLiteral("sha")).toString();
            if (id.isEmpty() || sha.isEmpty())
                continue;
            ++d->report.pipelines;
            jobs.push_back({Step::Jobs,
                            d->url(QStringLiteral("pipelines/%1/jobs").arg(id),
                                   {{QStringLiteral("per_page"), QStringLiteral("100")}}),
                            {},
                            {},
                            sha,
                            {}});
        }
        if (!full && d->report.pipelines < request.maxRuns)
            keepPaging();
        // Jobs before the next page of pipelines: the queue stays short and the reports come newest first.
        d->queue.insert(d->queue.begin(), jobs.begin(), jobs.end());
        Q_EMIT progressed(QStringLiteral("%1 pipelines listed").arg(d->report.pipelines));
        break;
    }
    case Step::Jobs: {
        std::deque<Pending> artifacts;
        for (const QJsonValue& value : document.array()) {
            const QJsonObject job = value.toObject();
            const QString jobId = text(job.value(QStringLiteral("id")));
            for (const QJsonValue& a : job.value(QStringLiteral("artifacts")).toArray()) {
                const QJsonObject artifact = a.toObject();
                const QString kind = artifact.value(QStringLiteral("file_type")).toString();
                const QString file = artifact.value(QStringLiteral("filename")).toString();
                if (!kGitLabKinds.contains(kind) || file.isEmpty() || jobId.isEmpty())
                    continue;
                QStringList segments;
                for (const QString& segment : file.split(QLatin1Char('/'), Qt::SkipEmptyParts))
                    segments << QString::fromLatin1(QUrl::toPercentEncoding(segment));
                artifacts.push_back(
                    {Step::Artifact,
                     d->url(QStringLiteral("jobs/%1/artifacts/%2").arg(jobId, segments.join(QLatin1Char('/')))),
                     {},
                     kind,
                     current.sha,
                     QStringLiteral("gitlab-%1-%2.json")
                         .arg(kind, slug(job.value(QStringLiteral("name")).toString()))});
            }
        }
        // This pipeline's reports come next, then its further job pages, then the other pipelines.
        keepPaging();
        d->queue.insert(d->queue.begin(), artifacts.begin(), artifacts.end());
        break;
    }
    case Step::Analyses: {
        std::deque<Pending> analyses;
        bool done = false;
        for (const QJsonValue& value : document.array()) {
            const QJsonObject analysis = value.toObject();
            const QDateTime created
                = QDateTime::fromString(analysis.value(QStringLiteral("created_at")).toString(), Qt::ISODateWithMs);
            if (d->report.pipelines >= request.maxRuns
                || (request.since.isValid() && created.isValid() && created < request.since)) {
                done = true; // newest first: the rest is older
                break;
            }
            const QString id = text(analysis.value(QStringLiteral("id")));
            const QString sha = analysis.value(QStringLiteral("commit_sha")).toString();
            if (id.isEmpty() || sha.isEmpty())
                continue;
            ++d->report.pipelines;
            QString category = analysis.value(QStringLiteral("category")).toString();
            if (category.isEmpty())
                category = analysis.value(QStringLiteral("tool")).toObject().value(QStringLiteral("name")).toString();
            analyses.push_back({Step::Sarif, d->url(QStringLiteral("code-scanning/analyses/") + id),
                                QByteArrayLiteral("application/sarif+json"), QStringLiteral("code_scanning"), sha,
                                QStringLiteral("github-code-scanning-%1.sarif").arg(slug(category))});
        }
        if (!done && d->report.pipelines < request.maxRuns)
            keepPaging();
        d->queue.insert(d->queue.begin(), analyses.begin(), analyses.end());
        Q_EMIT progressed(QStringLiteral("%1 code-scanning analyses listed").arg(d->report.pipelines));
        break;
    }
    case Step::Alerts:
        for (const QJsonValue& value : document.array())
            d->alerts.append(value);
        keepPaging();
        Q_EMIT progressed(QStringLiteral("%1 Dependabot alerts listed").arg(d->alerts.size()));
        break;
    case Step::Branch:
        d->headSha
            = document.object().value(QStringLiteral("commit")).toObject().value(QStringLiteral("sha")).toString();
        break;
    case Step::Artifact:
    case Step::Sarif:
        break;
    }
    next();
}

Result<FindingsSyncClient::StoreReport> FindingsSyncClient::store(git::Repository& repository,
                                                                  const QList<SyncedReport>& reports)
{
    StoreReport result;
    result.notesRef = ScanArchive::notesRefOf(repository);
    QSet<QString> missingCommits;
    // Oldest first, grouped by commit in that order, so a newer report of the same name replaces an older one.
    QList<git::ObjectId> order;
    QHash<git::ObjectId, QList<const SyncedReport*>> byCommit;
    for (auto it = reports.crbegin(); it != reports.crend(); ++it) {
        std::optional<git::ObjectId> commit;
        QStringList candidates = it->fallbacks;
        if (!it->sha.isEmpty())
            candidates.prepend(it->sha);
        for (const QString& revision : std::as_const(candidates)) {
            const Result<git::ObjectId> id = repository.resolve(revision);
            if (id.ok() && repository.commit(id.value()).ok()) {
                commit = id.value();
                break;
            }
        }
        if (!commit) {
            ++result.skipped;
            missingCommits.insert(it->sha);
            continue;
        }
        if (!byCommit.contains(*commit))
            order.append(*commit);
        byCommit[*commit].append(&*it);
    }
    result.skippedCommits = int(missingCommits.size());
    const Result<git::Signature> signature = repository.defaultSignature();
    const git::Signature author = signature.ok()
        ? signature.value()
        : git::Signature{QStringLiteral("Gatehouse"), QStringLiteral("gatehouse@localhost"),
                         QDateTime::currentDateTimeUtc()};
    for (const git::ObjectId& commit : std::as_const(order)) {
        const Result<std::optional<QByteArray>> existing = repository.readNote(result.notesRef, commit);
        if (!existing.ok())
            return existing.error();
        const QByteArray before = existing.value().value_or(QByteArray());
        const Result<QList<NoteReport>> kept = before.isEmpty() ? QList<NoteReport>() : ScanNote::unpack(before);
        QByteArray note = before;
        for (const SyncedReport* report : byCommit.value(commit)) {
            const bool same = kept.ok() && std::any_of(kept->cbegin(), kept->cend(), [report](const NoteReport& r) {
                                  return r.path == report->name && r.content == report->content;
                              });
            const Result<QByteArray> added = ScanNote::add(note, {report->name, report->content});
            if (!added.ok())
                return added.error();
            note = added.value();
            if (same)
                ++result.unchanged;
            else
                ++result.stored[report->kind];
        }
        if (note == before)
            continue;
        const Result<git::ObjectId> written = repository.writeNote(result.notesRef, commit, note, author, true);
        if (!written.ok())
            return written.error();
    }
    return result;
}

} // namespace gatehouse
