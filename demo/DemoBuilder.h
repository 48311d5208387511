// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the demo generator: writes the story's commits, tags and notes through the git layer. Errors stick:
// after the first failure every call is a no-op and finish() reports it, so the timeline reads as a plain script.

#include "DemoContent.h"

#include "git/Repository.h"

#include <optional>

namespace gatehouse::demo {

/// A person of the story. Times are given in UTC and shown in the person's local offset (with their DST switch).
struct Person
{
    QString name;
    QString email;
    int summerOffsetMinutes = 0;
    int winterOffsetMinutes = 0;
    QDateTime winterFrom; ///< UTC instant the offset switches (invalid = never)

    git::Signature at(const QDateTime& utc) const;
};

/// 2026-MM-DD hh:mm UTC.
QDateTime utc(int month, int day, int hour, int minute);

class DemoBuilder
{
public:
    explicit DemoBuilder(git::Repository repository);

    DemoState& state() { return m_state; }
    bool failed() const { return m_error.has_value(); }
    Status status() const;

    /// Commits the rendered state (plus the extra files) on the current branch. Fails on an empty change or a
    /// time that is not after the previous commit's.
    git::ObjectId commit(const Person& who, const QDateTime& when, const QString& message);
    /// A file outside the rendered state (reports, postmortems); takes effect at the next commit.
    void setFile(const QString& path, const QByteArray& content);
    /// Runs the scanners on the current tree, writes reports/ and commits them.
    git::ObjectId scan(const Person& who, const QDateTime& when, const QString& message);
    /// Archives a nightly trivy scan of main's head as a note under DemoRepository::notesRef().
    void nightlyScanNote(const QDateTime& when);

    /// Feature branches live in memory (merged ones are deleted, as GitLab does after a merge).
    void startBranch(const QString& name);
    git::ObjectId merge(const Person& who, const QDateTime& when, const QString& title, int mergeRequest);
    /// A branch left open: its commits do not change main's state; it gets a real ref.
    void startOpenBranch(const QString& name);
    void endOpenBranch();

    git::ObjectId head() const { return m_heads.value(m_branch); }
    QString shortId(const git::ObjectId& id) const { return id.shortString(8); }
    QString versionAt(const git::ObjectId& id) const { return m_versions.value(id); }
    const DemoScanner& scanner() const { return m_scanner; }

    /// Annotated tag; the time must be after the target commit's.
    void tag(const QString& name, const git::ObjectId& target, const Person& tagger, const QDateTime& when,
             const QString& message);
    /// `staging-<date>` / `deploy-<sha8>` with the release engineer's standard message; returns the tag name.
    QString deployStaging(const git::ObjectId& target, const Person& tagger, const QDateTime& when);
    QString deployProduction(const git::ObjectId& target, const Person& tagger, const QDateTime& when,
                             const QString& approvedBy, const QString& note = {});

    /// Points HEAD at main and checks it out.
    Status finish();

    int commitCount() const { return m_commitCount; }
    int tagCount() const { return m_tagCount; }
    int noteCount() const { return m_noteCount; }

private:
    FileMap renderTree() const;
    void fail(Error error);
    QString pipelineUrl();

    git::Repository m_repo;
    DemoState m_state;
    FileMap m_files; ///< extra files (reports, postmortems)
    DemoScanner m_scanner;
    QString m_branch = QStringLiteral("main");
    QHash<QString, git::ObjectId> m_heads;
    QHash<QString, FileMap> m_trees;
    QHash<git::ObjectId, QDateTime> m_commitTimes;
    QHash<git::ObjectId, QString> m_versions;
    QDateTime m_lastCommitTime;
    struct Saved
    {
        DemoState state;
        FileMap files;
    };
    std::optional<Saved> m_saved;
    std::optional<Error> m_error;
    int m_pipeline = 18204;
    int m_commitCount = 0;
    int m_tagCount = 0;
    int m_noteCount = 0;
};

} // namespace gatehouse::demo
