// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "PlatformDeployment.h"

#include "runs/sync/ApiPager.h"

#include "git/Repository.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <functional>

namespace gatehouse::delivery {

namespace {

QDateTime timeOf(const QJsonValue& value)
{
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

QString text(const QJsonValue& value)
{
    if (value.isDouble())
        return QString::number(qint64(value.toDouble()));
    return value.toString();
}

Result<QJsonArray> arrayOf(const QByteArray& page, const char* what)
{
    const Result<QJsonDocument> read = runs::ApiPager::readJson(page, QLatin1String(what));
    if (!read.ok())
        return read.error();
    const QJsonDocument& document = read.value();
    if (!document.isArray())
        return makeError(QStringLiteral("sync.json"),
                         QStringLiteral("%1 is not a JSON array").arg(QLatin1String(what)));
    return document.array();
}

// GitLab deployment statuses are already ours; GitHub's states are mapped.
QString gitHubState(const QString& state)
{
    if (state == QLatin1String("success") || state == QLatin1String("inactive"))
        return QStringLiteral("success"); // inactive: superseded by a later deployment after succeeding
    if (state == QLatin1String("failure") || state == QLatin1String("error"))
        return QStringLiteral("failed");
    if (state == QLatin1String("in_progress"))
        return QStringLiteral("running");
    if (state == QLatin1String("queued") || state == QLatin1String("pending"))
        return QStringLiteral("pending");
    return QStringLiteral("created");
}

QJsonObject toJson(const PlatformDeployment& d)
{
    auto time = [](const QDateTime& t) { return t.isValid() ? QJsonValue(t.toString(Qt::ISODate)) : QJsonValue(); };
    return QJsonObject{{QStringLiteral("source"), d.source},
                       {QStringLiteral("id"), d.id},
                       {QStringLiteral("environment"), d.environment},
                       {QStringLiteral("status"), d.status},
                       {QStringLiteral("ref"), d.ref},
                       {QStringLiteral("sha"), d.sha},
                       {QStringLiteral("created_at"), time(d.createdAt)},
                       {QStringLiteral("finished_at"), time(d.finishedAt)},
                       {QStringLiteral("deployable"), d.deployable},
                       {QStringLiteral("user"), d.user}};
}

PlatformDeployment fromJson(const QJsonObject& o)
{
    PlatformDeployment d;
    d.source = o.value(QStringLiteral("source")).toString();
    d.id = text(o.value(QStringLiteral("id")));
    d.environment = o.value(QStringLiteral("environment")).toString().toLower();
    d.status = o.value(QStringLiteral("status")).toString();
    d.ref = o.value(QStringLiteral("ref")).toString();
    d.sha = o.value(QStringLiteral("sha")).toString().toLower();
    d.createdAt = timeOf(o.value(QStringLiteral("created_at")));
    d.finishedAt = timeOf(o.value(QStringLiteral("finished_at")));
    d.deployable = o.value(QStringLiteral("deployable")).toString();
    d.user = o.value(QStringLiteral("user")).toString();
    return d;
}

bool sameRecord(const PlatformDeployment& a, const PlatformDeployment& b)
{
    return a.source == b.source && a.id == b.id;
}

} // namespace

bool PlatformDeployment::finished() const
{
    return status == QLatin1String("success") || failedOrCanceled();
}

bool PlatformDeployment::failedOrCanceled() const
{
    return status == QLatin1String("failed") || status == QLatin1String("canceled");
}

QDateTime PlatformDeployment::time() const
{
    return finishedAt.isValid() ? finishedAt : createdAt;
}

// One page of a platform's deployments list (a JSON array), each object read by `read`.
static Result<QList<PlatformDeployment>>
readList(const QByteArray& page, const QString& source,
         const std::function<void(const QJsonObject&, PlatformDeployment&)>& read)
{
    const Result<QJsonArray> array = arrayOf(page, "the deployments page");
    if (!array.ok())
        return array.error();
    QList<PlatformDeployment> list;
    for (const QJsonValue& value : array.value()) {
        const QJsonObject o = value.toObject();
        PlatformDeployment d;
        d.source = source;
        d.id = text(o.value(QStringLiteral("id")));
        d.ref = o.value(QStringLiteral("ref")).toString();
        d.sha = o.value(QStringLiteral("sha")).toString().toLower();
        d.createdAt = timeOf(o.value(QStringLiteral("created_at")));
        read(o, d);
        if (d.id.isEmpty() || d.sha.isEmpty() || d.environment.isEmpty())
            return makeError(QStringLiteral("sync.json"),
                             QStringLiteral("a deployment lacks its id, sha or environment"));
        list.append(d);
    }
    return list;
}

Result<QList<PlatformDeployment>> PlatformDeployments::readGitLab(const QByteArray& page)
{
    return readList(page, QStringLiteral("gitlab"), [](const QJsonObject& o, PlatformDeployment& d) {
        d.environment
            = o.value(QStringLiteral("environment")).toObject().value(QStringLiteral("name")).toString().toLower();
        d.status = o.value(QStringLiteral("status")).toString();
        const QJsonObject deployable = o.value(QStringLiteral("deployable")).toObject();
        d.deployable = deployable.value(QStringLiteral("name")).toString();
        d.finishedAt = timeOf(deployable.value(QStringLiteral("finished_at")));
        if (!d.finishedAt.isValid() && d.finished())
            d.finishedAt = timeOf(o.value(QStringLiteral("updated_at")));
        d.user = o.value(QStringLiteral("user")).toObject().value(QStringLiteral("username")).toString();
    });
}

Result<QList<PlatformDeployment>> PlatformDeployments::readGitHub(const QByteArray& page)
{
    return readList(page, QStringLiteral("github"), [](const QJsonObject& o, PlatformDeployment& d) {
        d.environment = o.value(QStringLiteral("environment")).toString().toLower();
        d.status = QStringLiteral("created"); // until its statuses say more
        d.deployable = o.value(QStringLiteral("task")).toString();
        d.user = o.value(QStringLiteral("creator")).toObject().value(QStringLiteral("login")).toString();
    });
}

Status PlatformDeployments::applyGitHubStatuses(PlatformDeployment& deployment, const QByteArray& page)
{
    const Result<QJsonArray> array = arrayOf(page, "the deployment statuses page");
    if (!array.ok())
        return array.error();
    // Newest first: the first status is the deployment's current state.
    QJsonObject latest;
    QDateTime latestTime;
    for (const QJsonValue& value : array.value()) {
        const QJsonObject status = value.toObject();
        const QDateTime time = timeOf(status.value(QStringLiteral("created_at")));
        if (latest.isEmpty() || (time.isValid() && time > latestTime)) {
            latest = status;
            latestTime = time;
        }
    }
    if (latest.isEmpty())
        return Success{};
    deployment.status = gitHubState(latest.value(QStringLiteral("state")).toString());
    if (deployment.finished())
        deployment.finishedAt = latestTime;
    return Success{};
}

QByteArray PlatformDeployments::toNote(const QList<PlatformDeployment>& deployments)
{
    QList<PlatformDeployment> sorted = deployments;
    std::sort(sorted.begin(), sorted.end(), [](const PlatformDeployment& a, const PlatformDeployment& b) {
        return a.source != b.source ? a.source < b.source : a.id < b.id;
    });
    QJsonArray array;
    for (const PlatformDeployment& d : std::as_const(sorted))
        array.append(toJson(d));
    return QJsonDocument(QJsonObject{{QStringLiteral("deployments"), array}}).toJson(QJsonDocument::Indented);
}

Result<QList<PlatformDeployment>> PlatformDeployments::fromNote(const QByteArray& note)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(note, &error);
    if (error.error != QJsonParseError::NoError || !document.object().value(QStringLiteral("deployments")).isArray())
        return makeError(QStringLiteral("deployments.note"),
                         QStringLiteral("not a deployments note ({\"deployments\":[…]})"));
    QList<PlatformDeployment> list;
    for (const QJsonValue& value : document.object().value(QStringLiteral("deployments")).toArray())
        list.append(fromJson(value.toObject()));
    return list;
}

Result<PlatformDeployments::StoreReport> PlatformDeployments::store(git::Repository& repository,
                                                                    const QList<PlatformDeployment>& deployments)
{
    StoreReport report;
    const QString ref = QString::fromLatin1(kNotesRef);
    QHash<git::ObjectId, QList<PlatformDeployment>> byCommit;
    for (const PlatformDeployment& d : deployments) {
        const Result<git::ObjectId> commit = repository.resolve(d.sha);
        if (!commit.ok() || !repository.commit(commit.value()).ok()) {
            ++report.skipped;
            continue;
        }
        byCommit[commit.value()].append(d);
    }
    const Result<git::Signature> signature = repository.defaultSignature();
    const git::Signature author = signature.ok()
        ? signature.value()
        : git::Signature{QStringLiteral("Gatehouse"), QStringLiteral("gatehouse@localhost"),
                         QDateTime::currentDateTimeUtc()};
    for (auto it = byCommit.cbegin(); it != byCommit.cend(); ++it) {
        const Result<std::optional<QByteArray>> existing = repository.readNote(ref, it.key());
        if (!existing.ok())
            return existing.error();
        QList<PlatformDeployment> merged;
        if (existing.value()) {
            const Result<QList<PlatformDeployment>> old = fromNote(*existing.value());
            if (old.ok())
                merged = old.value();
        }
        for (const PlatformDeployment& d : it.value()) {
            const auto same = std::find_if(merged.begin(), merged.end(),
                                           [&](const PlatformDeployment& o) { return sameRecord(o, d); });
            if (same == merged.end()) {
                merged.append(d);
                ++report.added;
            } else if (toJson(*same) != toJson(d)) {
                *same = d;
                ++report.updated;
            } else {
                ++report.unchanged;
            }
        }
        const QByteArray note = toNote(merged);
        if (existing.value() && *existing.value() == note)
            continue;
        const Result<git::ObjectId> written = repository.writeNote(ref, it.key(), note, author, true);
        if (!written.ok())
            return written.error();
    }
    return report;
}

Result<QList<PlatformDeployment>> PlatformDeployments::readAll(const git::Repository& repository, QStringList* problems)
{
    QList<PlatformDeployment> all;
    const QString ref = QString::fromLatin1(kNotesRef);
    if (!repository.resolve(ref).ok())
        return all; // no notes yet
    const Result<QList<git::NoteEntry>> notes = repository.notes(ref);
    if (!notes.ok())
        return notes.error();
    for (const git::NoteEntry& entry : notes.value()) {
        const Result<QByteArray> blob = repository.readBlob(entry.blob, 4 << 20);
        const Result<QList<PlatformDeployment>> read
            = blob.ok() ? fromNote(blob.value()) : Result<QList<PlatformDeployment>>(blob.error());
        if (!read.ok()) {
            if (problems)
                problems->append(QStringLiteral("deployment note on %1: %2")
                                     .arg(entry.annotated.shortString(), read.error().message));
            continue;
        }
        for (PlatformDeployment d : read.value()) {
            d.sha = entry.annotated.toString(); // the note's commit is the deployed one
            all.append(d);
        }
    }
    return all;
}

} // namespace gatehouse::delivery
