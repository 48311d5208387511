// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "PipelineDiscovery.h"

#include "classify/RepositoryClassifier.h"
#include "git/Repository.h"
#include "jenkins/JenkinsPipeline.h"

#include <QRegularExpression>

#include <memory>
#include <optional>

namespace gatehouse::pipeline {

namespace {
constexpr qint64 MaxPipelineFile = 64 << 20; // larger files are read and then refused with a clear diagnostic
}

Result<FileSource> PipelineDiscovery::fileSource(const QString& repoPath, const QString& revision)
{
    Result<git::Repository> repo = git::Repository::open(repoPath);
    if (!repo)
        return repo.error();
    FileSource source;
    source.complete = true;
    auto listing = std::make_shared<std::optional<QStringList>>();
    const git::Repository repository = repo.value();
    if (revision.isEmpty()) {
        if (repository.isBare())
            return makeError(QStringLiteral("git.bare"),
                             QStringLiteral("%1 is a bare repository; give --rev").arg(repository.gitDir()));
        source.read = [repository](const QString& path) { return repository.readWorkTreeFile(path, MaxPipelineFile); };
        source.list = [repository, listing]() {
            if (!*listing) {
                Result<QStringList> files = repository.listWorkTreeFiles();
                *listing = files ? files.value() : QStringList();
            }
            return **listing;
        };
        return source;
    }
    Result<git::ObjectId> commit = repository.resolve(revision);
    if (!commit)
        return commit.error();
    const git::ObjectId id = commit.value();
    source.read = [repository, id](const QString& path) { return repository.readFile(id, path, MaxPipelineFile); };
    source.list = [repository, id, listing]() {
        if (!*listing) {
            QStringList paths;
            if (Result<QList<git::TreeEntry>> entries = repository.listFiles(id)) {
                for (const git::TreeEntry& entry : entries.value())
                    paths.append(entry.path);
            }
            *listing = paths;
        }
        return **listing;
    };
    return source;
}

QStringList PipelineDiscovery::discover(const FileSource& files)
{
    QStringList found;
    const QStringList all = files.list ? files.list() : QStringList();
    if (all.contains(QStringLiteral(".gitlab-ci.yml")))
        found.append(QStringLiteral(".gitlab-ci.yml"));
    QStringList workflows;
    for (const QString& path : all) {
        if (classify::pipelineKind(path) == PipelineFile::Kind::GitHubWorkflow)
            workflows.append(path);
    }
    workflows.sort();
    found += workflows;
    for (const QString& path : all) {
        if (classify::pipelineKind(path) == PipelineFile::Kind::CircleCI)
            found.append(path);
    }
    // Local actions the workflows use (`uses: ./path`).
    static const QRegularExpression uses(QStringLiteral("uses:\\s*['\"]?\\./([^'\"\\s@#]*)"));
    QStringList actions;
    for (const QString& workflow : std::as_const(workflows)) {
        const Result<QByteArray> text = files.read(workflow);
        if (!text)
            continue;
        auto it = uses.globalMatch(QString::fromUtf8(text.value()));
        while (it.hasNext()) {
            QString dir = it.next().captured(1);
            while (dir.endsWith(u'/'))
                dir.chop(1);
            if (dir.startsWith(u".github/workflows/"))
                continue; // a reusable workflow, already listed
            for (const char* name : {"action.yml", "action.yaml"}) {
                const QString path = dir.isEmpty() ? QString::fromLatin1(name) : dir + u'/' + QLatin1StringView(name);
                if (all.contains(path) && !actions.contains(path))
                    actions.append(path);
            }
        }
    }
    actions.sort();
    found += actions;
    // Jenkinsfiles by name; Groovy files under jenkins/ only when they hold a declarative pipeline.
    QStringList jenkinsfiles;
    for (const QString& path : all) {
        if (classify::pipelineKind(path) == PipelineFile::Kind::Jenkinsfile)
            jenkinsfiles.append(path);
        else if (JenkinsPipeline::isJenkinsPath(path) && path.endsWith(u".groovy")
                 && JenkinsPipeline::hasPipelineBlock(files.read(path).valueOr(QByteArray())))
            jenkinsfiles.append(path);
    }
    jenkinsfiles.sort();
    found += jenkinsfiles;
    return found;
}

} // namespace gatehouse::pipeline
