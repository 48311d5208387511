// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipeline/workspace/PipelineGraphLayout.h"

#include <QGraphicsView>

class QGraphicsPathItem;
class QLabel;

namespace gatehouse {

class JobCardItem;

/// The stage/needs graph beside the editor. Paints a GraphLayout computed elsewhere (models/, on the worker):
/// columns with their stage, job cards, needs edges. Hovering a card highlights its needs chain, clicking it
/// reports the job's line; Ctrl+wheel zooms, dragging pans. While the text does not parse the last good graph
/// stays, dimmed, with the reason in a banner. GUI thread only.
class PipelineGraphView : public QGraphicsView
{
    Q_OBJECT
public:
    explicit PipelineGraphView(QWidget* parent = nullptr);
    ~PipelineGraphView() override;

    /// A fresh graph (clears the stale state). Rebuilds the scene only when what is drawn changed.
    void setGraph(const pipeline::GraphLayout& layout);
    const pipeline::GraphLayout& graph() const { return m_layout; }
    int jobCount() const { return int(m_layout.cards.size()); }

    /// Dims the graph and shows `reason` (the text no longer parses); false restores it.
    void setStale(bool stale, const QString& reason = {});
    bool isStale() const { return m_stale; }
    QString bannerText() const;

    /// Selects (and scrolls to) a card; -1 clears. Does not emit jobActivated.
    void selectCard(int card);
    int selectedCard() const { return m_selected; }
    /// Highlights `card`'s needs chain, dimming the rest; -1 clears.
    void highlightChain(int card);
    QList<int> highlightedCards() const { return m_highlighted; }
    /// With many needs (hundreds of jobs) only the hovered or selected job's chain is drawn: all edges at once are
    /// an unreadable, slow mesh.
    bool showsAllEdges() const { return m_layout.edges.size() <= ManyEdges; }
    int visibleEdgeCount() const;
    static constexpr int ManyEdges = 120;
    /// What a click on a card does: select it and report it.
    void activateCard(int card);

    enum FitMode
    {
        FitReadable, ///< as much as fits while the text stays legible (scrolling for big pipelines)
        FitAll, ///< everything, however small
    };
    void zoomBy(qreal factor);
    void fitToView(FitMode mode = FitReadable);
    void resetZoom();
    qreal zoom() const;

    bool exportPng(const QString& path) const;
    bool exportSvg(const QString& path) const;

Q_SIGNALS:
    /// A card was clicked: move the editor to the job's definition.
    void jobActivated(const QString& file, int line, const QString& job);

protected:
    void wheelEvent(QWheelEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void rebuildScene();
    void applyOpacity();
    void placeBanner();
    void updateTitles();
    void setTitlesForExport(bool exporting);
    void applyZoom(qreal factor);
    static bool sameDrawing(const pipeline::GraphLayout& a, const pipeline::GraphLayout& b);

    pipeline::GraphLayout m_layout;
    QList<JobCardItem*> m_cards;
    QList<QGraphicsPathItem*> m_edges;
    QList<QGraphicsItem*> m_decorations;
    QList<QGraphicsSimpleTextItem*> m_titles; ///< column titles, drawn at screen size so they stay legible
    QLabel* m_banner;
    QLabel* m_hint; ///< "edges hidden" note in sparse mode
    bool m_stale = false;
    QString m_staleReason;
    int m_selected = -1;
    QList<int> m_highlighted;
    bool m_fitPending = true;
    bool m_autoFit = true; ///< until the user zooms, the graph refits when the view is resized
};

} // namespace gatehouse
