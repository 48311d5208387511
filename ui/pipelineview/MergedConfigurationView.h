// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipeline/workspace/MergedConfiguration.h"

#include <QWidget>

class QLabel;

namespace gatehouse {

class PipelineEditor;

/// The read-only "Full configuration" (includes, extends, anchors and !reference expanded), each line traced
/// back to where it was written: the line's origin shows above, a double-click asks to go there. The text is
/// laid out only while the view is visible.
class MergedConfigurationView : public QWidget
{
    Q_OBJECT
public:
    explicit MergedConfigurationView(QWidget* parent = nullptr);

    void setConfiguration(const pipeline::MergedConfiguration& configuration);
    PipelineEditor* editor() const { return m_editor; }
    /// Where merged line `line` (1-based) came from; line 0 when computed.
    pipeline::SourceRef origin(int line) const;
    /// Lays the text out now if it changed (the view is being shown).
    void ensureRendered();

Q_SIGNALS:
    void originActivated(const QString& file, int line);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    pipeline::MergedConfiguration m_configuration;
    PipelineEditor* m_editor;
    QLabel* m_origin;
    bool m_stale = false;
};

} // namespace gatehouse
