// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "git/GitTypes.h"
#include "pipeline/workspace/PipelineCommit.h"

#include <QDialog>

#include <memory>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace gatehouse {

class JobTracker;

/// Commits one pipeline file: shows the diff against HEAD (prepared on a worker), the gates whose state changes
/// and a conventional message template; refuses a pipeline with errors unless the user explicitly overrides;
/// explains detached HEADs, merges in progress and read-only repositories instead of committing.
class CommitDialog : public QDialog
{
    Q_OBJECT
public:
    CommitDialog(const QString& repositoryPath, const QString& relativePath, const QString& text,
                 QWidget* parent = nullptr);
    ~CommitDialog() override;

    bool isPrepared() const { return m_prepared.has_value(); }
    git::ObjectId commitId() const { return m_commit; }
    QString problemText() const;
    QPlainTextEdit* messageEdit() const { return m_message; }
    QPlainTextEdit* diffView() const { return m_diff; }
    QCheckBox* overrideBox() const { return m_override; }
    QPushButton* commitButton() const { return m_commitButton; }

Q_SIGNALS:
    /// The preparation finished (successfully or not).
    void prepared();
    void committed(const gatehouse::git::ObjectId& id);

private:
    void onPrepared(const Result<pipeline::CommitPreparation>& result);
    void doCommit();
    void updateButton();

    QString m_repositoryPath;
    QString m_relativePath;
    QString m_text;
    std::optional<pipeline::CommitPreparation> m_prepared;
    git::ObjectId m_commit;
    std::unique_ptr<JobTracker> m_job;

    QLabel* m_header;
    QPlainTextEdit* m_diff;
    QLabel* m_gates;
    QPlainTextEdit* m_message;
    QCheckBox* m_override;
    QLabel* m_problem;
    QPushButton* m_commitButton;
};

} // namespace gatehouse
