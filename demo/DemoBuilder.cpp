// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DemoBuilder.h"

#include "DemoRepository.h"

namespace gatehouse::demo {

using namespace Qt::StringLiterals;

git::Signature Person::at(const QDateTime& utcTime) const
{
    const bool winter = winterFrom.isValid() && utcTime >= winterFrom;
    const int offset = (winter ? winterOffsetMinutes : summerOffsetMinutes) * 60;
    return git::Signature{name, email, utcTime.toOffsetFromUtc(offset)};
}

QDateTime utc(int month, int day, int hour, int minute)
{
    return QDateTime(QDate(2026, month, day), QTime(hour, minute), Qt::UTC);
}

DemoBuilder::DemoBuilder(git::Repository repository)
    : m_repo(std::move(repository))
{ }

Status DemoBuilder::status() const
{
    if (m_error)
        return *m_error;
    return Success{};
}

void DemoBuilder::fail(Error error)
{
    if (!m_error)
        m_error = std::move(error);
}

FileMap DemoBuilder::renderTree() const
{
    FileMap tree = renderSources(m_state);
    tree.insert(renderBuild(m_state));
    tree.insert(renderDocs(m_state));
    tree.insert(renderDeploy(m_state));
    tree.insert(renderPlatforms(m_state));
    tree.insert(m_files);
    return tree;
}

void DemoBuilder::setFile(const QString& path, const QByteArray& content)
{
    m_files.insert(path, content);
}

git::ObjectId DemoBuilder::commit(const Person& who, const QDateTime& when, const QString& message)
{
    if (m_error)
        return {};
    if (m_lastCommitTime.isValid() && when <= m_lastCommitTime) {
        fail(makeError(
            u"demo.timeline"_s,
            u"commit '%1' at %2 is not after the previous one (%3)"_s.arg(
                message.section(u'\n', 0, 0), when.toString(Qt::ISODate), m_lastCommitTime.toString(Qt::ISODate))));
        return {};
    }
    const FileMap before = m_trees.value(m_branch);
    const FileMap after = renderTree();
    QMap<QString, std::optional<QByteArray>> changes;
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        if (before.value(it.key()) != it.value() || !before.contains(it.key()))
            changes.insert(it.key(), it.value());
    }
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (!after.contains(it.key()))
            changes.insert(it.key(), std::nullopt);
    }
    if (changes.isEmpty()) {
        fail(makeError(u"demo.empty-commit"_s, u"commit '%1' changes nothing"_s.arg(message.section(u'\n', 0, 0))));
        return {};
    }
    QList<git::ObjectId> parents;
    if (!head().isNull())
        parents << head();
    // Feature branches have no ref (GitLab deletes them after the merge); main and open branches do.
    const QString ref = m_branch == u"main" || m_saved ? u"refs/heads/"_s + m_branch : QString();
    const git::Signature signature = who.at(when);
    auto id = m_repo.createCommit(ref, parents, changes, signature, signature, message);
    if (!id) {
        fail(id.error());
        return {};
    }
    m_heads[m_branch] = *id;
    m_trees[m_branch] = after;
    m_commitTimes.insert(*id, when);
    m_versions.insert(*id, m_state.version);
    m_lastCommitTime = when;
    ++m_commitCount;
    m_scanner.observeCommit(id->toString(), who.name, who.email, signature.time, message, after);
    return *id;
}

git::ObjectId DemoBuilder::scan(const Person& who, const QDateTime& when, const QString& message)
{
    const FileMap tree = renderTree();
    // The pipeline that produced the reports ran shortly before they were committed.
    const QDateTime scanTime = when.addSecs(-25 * 60);
    if (m_state.ciSecurity) {
        setFile(u"reports/semgrep.json"_s, m_scanner.semgrepJson(tree));
        setFile(u"reports/gitleaks.json"_s, m_scanner.gitleaksJson(tree));
    }
    if (m_state.ciTrivy)
        setFile(u"reports/trivy.json"_s, m_scanner.trivyJson(tree, scanTime));
    if (m_state.githubSecurity)
        setFile(u"reports/trivy-config.sarif"_s, m_scanner.trivyConfigSarif(tree));
    if (m_state.sonarQube)
        setFile(u"reports/sonarqube.json"_s, sonarQubeJson(tree, m_state.sonarTriaged));
    return commit(who, when, message);
}

void DemoBuilder::nightlyScanNote(const QDateTime& when)
{
    if (m_error)
        return;
    const git::ObjectId target = m_heads.value(u"main"_s);
    if (when <= m_commitTimes.value(target)) {
        fail(
            makeError(u"demo.timeline"_s, u"nightly scan at %1 precedes its commit"_s.arg(when.toString(Qt::ISODate))));
        return;
    }
    const Person ci{u"GitLab CI"_s, u"ci@parcel.example.com"_s, 0, 0, {}};
    auto note = m_repo.writeNote(DemoRepository::notesRef(), target,
                                 m_scanner.trivyJson(m_trees.value(u"main"_s), when), ci.at(when), true);
    if (!note)
        fail(note.error());
    else
        ++m_noteCount;
}

void DemoBuilder::startBranch(const QString& name)
{
    m_heads[name] = head();
    m_trees[name] = m_trees.value(m_branch);
    m_branch = name;
}

git::ObjectId DemoBuilder::merge(const Person& who, const QDateTime& when, const QString& title, int mergeRequest)
{
    if (m_error)
        return {};
    const QString branch = m_branch;
    const git::ObjectId branchHead = head();
    m_branch = u"main"_s;
    const FileMap before = m_trees.value(m_branch);
    const FileMap after = m_trees.value(branch);
    QMap<QString, std::optional<QByteArray>> changes;
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        if (before.value(it.key()) != it.value() || !before.contains(it.key()))
            changes.insert(it.key(), it.value());
    }
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (!after.contains(it.key()))
            changes.insert(it.key(), std::nullopt);
    }
    if (when <= m_lastCommitTime) {
        fail(makeError(u"demo.timeline"_s, u"merge of %1 is not after the previous commit"_s.arg(branch)));
        return {};
    }
    const QString message = u"Merge branch '%1' into 'main'\n\n%2\n\nSee merge request parcel/parcel-api!%3\n"_s.arg(
        branch, title, QString::number(mergeRequest));
    const git::Signature signature = who.at(when);
    auto id = m_repo.createCommit(u"refs/heads/main"_s, {head(), branchHead}, changes, signature, signature, message);
    if (!id) {
        fail(id.error());
        return {};
    }
    m_heads[m_branch] = *id;
    m_trees[m_branch] = after;
    m_heads.remove(branch);
    m_trees.remove(branch);
    m_commitTimes.insert(*id, when);
    m_versions.insert(*id, m_state.version);
    m_lastCommitTime = when;
    ++m_commitCount;
    m_scanner.observeCommit(id->toString(), who.name, who.email, signature.time, message, after);
    return *id;
}

void DemoBuilder::startOpenBranch(const QString& name)
{
    m_saved = Saved{m_state, m_files};
    startBranch(name);
}

void DemoBuilder::endOpenBranch()
{
    if (!m_saved)
        return;
    m_state = m_saved->state;
    m_files = m_saved->files;
    m_saved.reset();
    m_branch = u"main"_s;
}

void DemoBuilder::tag(const QString& name, const git::ObjectId& target, const Person& tagger, const QDateTime& when,
                      const QString& message)
{
    if (m_error)
        return;
    if (!m_commitTimes.contains(target) || when <= m_commitTimes.value(target)) {
        fail(makeError(u"demo.timeline"_s, u"tag %1 is not after its commit"_s.arg(name)));
        return;
    }
    auto id = m_repo.createTag(name, target, tagger.at(when), message);
    if (!id)
        fail(id.error());
    else
        ++m_tagCount;
}

QString DemoBuilder::pipelineUrl()
{
    m_pipeline += 37;
    return u"https://gitlab.example.com/parcel/parcel-api/-/pipelines/"_s + QString::number(m_pipeline);
}

QString DemoBuilder::deployStaging(const git::ObjectId& target, const Person& tagger, const QDateTime& when)
{
    const QString name = u"staging-"_s + when.date().toString(Qt::ISODate);
    const QString sha = shortId(target);
    tag(name, target, tagger, when,
        u"Staging deployment of parcel-api %1 (%2)\n\nEnvironment: staging\nURL: https://staging.parcel.example.com\n"
        u"Image: registry.example.com/parcel/parcel-api:%2\nPipeline: %3\n"_s.arg(versionAt(target), sha,
                                                                                  pipelineUrl()));
    return name;
}

QString DemoBuilder::deployProduction(const git::ObjectId& target, const Person& tagger, const QDateTime& when,
                                      const QString& approvedBy, const QString& note)
{
    const QString sha = shortId(target);
    const QString name = u"deploy-"_s + sha;
    QString message = note.contains(u"Rollback")
        ? u"Production deployment (Rollback) of parcel-api %1 (%2)\n\n"_s.arg(versionAt(target), sha)
        : u"Production deployment of parcel-api %1 (%2)\n\n"_s.arg(versionAt(target), sha);
    if (!note.isEmpty())
        message += note + u"\n\n"_s;
    message += u"Environment: production\nURL: https://parcel.example.com\nImage: "
               u"registry.example.com/parcel/parcel-api:%1\n"
               u"Pipeline: %2\nApproved-by: %3\n"_s.arg(sha, pipelineUrl(), approvedBy);
    tag(name, target, tagger, when, message);
    return name;
}

Status DemoBuilder::finish()
{
    if (m_error)
        return *m_error;
    if (auto status = m_repo.setHead(u"refs/heads/main"_s); !status)
        return status;
    return m_repo.checkoutHead(true);
}

} // namespace gatehouse::demo
