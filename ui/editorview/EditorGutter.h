// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

namespace gatehouse {

class PipelineEditor;

/// The line-number and marker column; painting is delegated to the editor, which knows the block geometry.
class EditorGutter : public QWidget
{
public:
    explicit EditorGutter(PipelineEditor* editor);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    PipelineEditor* m_editor;
};

} // namespace gatehouse
