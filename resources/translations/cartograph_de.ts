<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>ChartBuilder</name>
    <message>
        <source>Top concepts by score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a document in the Documents panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concepts in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mentions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link weight distribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>link weight, 0 – %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a concept to see its mentions per document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mentions of %1 per document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>documents by date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>documents in file order</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConceptAccessible</name>
    <message>
        <source>Select the concept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Focus the map on the concept and its neighbours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the concept&apos;s menu</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <source>%1 (file name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> (%n characters)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MapAccessible</name>
    <message>
        <source>Concept map</source>
        <translation>Begriffskarte</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Rename %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge %1 into %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split %1 off %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make %1 a %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add concept %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Note on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Link Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-attach Note %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Note on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pin %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpin %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>16:9 slide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no map to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not encode the PNG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concept map</source>
        <translation type="unfinished">Begriffskarte</translation>
    </message>
    <message>
        <source>Made with Cartograph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not draw the SVG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not draw the PDF document</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carto::app::BuildJob</name>
    <message>
        <source>The build failed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carto::app::ConceptPanel</name>
    <message>
        <source>Write a note in Markdown. [[Concept name]] links to another concept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;i&gt;Click a concept on the map to see where the documents mention it.&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3 style=&apos;margin:0&apos;&gt;%1&lt;/h3&gt;&lt;p style=&apos;margin:2px 0&apos;&gt;&lt;b&gt;%2&lt;/b&gt; · score %3 · %4 · betweenness %5 · community %6 · %7 · %8&lt;/p&gt;%9</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n link(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation type="unfinished">
            <numerusform>%n Dokument</numerusform>
            <numerusform>%n Dokumente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mention(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p style=&apos;margin:2px 0&apos;&gt;Also: %1&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n mention(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Concept note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sentences that mention the concept, by document; activate one to show it in the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concept details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carto::app::DocumentViewPanel</name>
    <message>
        <source>&lt;i&gt;Click a sentence in the concept or link view to read it in context.&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document&apos;s text with the concepts&apos; mentions marked as links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carto::app::DocumentsPanel</name>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concepts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set aside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept in the document, left out of the map:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click to open %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The documents of the corpus; activate one to read it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files that could not be read, or only in part; activate one to open it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carto::app::ExportDataDialog</name>
    <message>
        <source>The export failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GraphML (yEd, Cytoscape)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GEXF (Gephi)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (nodes.csv and edges.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON Graph Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown vault (Obsidian)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no map to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Into Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carto::app::ExportImageDialog</name>
    <message>
        <source>Transparent background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As on screen (same framing and labels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG drawing (vector)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF document (vector)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>16:9 slide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> dpi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Width (PNG, SVG)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution (PNG)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page (PDF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> pt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>landscape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>portrait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2 pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2 points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carto::app::FilterPanel</name>
    <message>
        <source>Show again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the best-scored concepts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide links weaker than this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Communities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the selected concepts (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the concepts selected in this list on the map again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concepts: all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concepts: top %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min link weight: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden concepts: none (select one and press Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden concepts: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concepts to show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum link weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concept types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unchecked entries are hidden from the map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden concepts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carto::app::LegendWidget</name>
    <message>
        <source>Click a name to highlight its concepts, double-click to show only them; click the title to fold the legend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concept types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Communities</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n more communities</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>carto::app::LinkPanel</name>
    <message>
        <source>Write a note on this link in Markdown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;i&gt;Click a link on the map to see the sentences behind it.&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3 style=&apos;margin:0&apos;&gt;%1 — %2&lt;/h3&gt;&lt;p style=&apos;margin:2px 0&apos;&gt;weight %3 · %4%5&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n shared sentence(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source> · “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sentences that link the two concepts; activate one to show it in the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carto::app::MainWindow</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cartograph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a concept (Ctrl+F)</source>
        <translation>Begriff suchen (Strg+F)</translation>
    </message>
    <message>
        <source>%1 — building — Cartograph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>&amp;Leisten</translation>
    </message>
    <message>
        <source>Concept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path finder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sample corpus is not installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cartograph projects (*%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cartograph[*]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — nothing to show[*] — Cartograph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1[*] — Cartograph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a Folder of Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built %1 from %2</source>
        <translation>%1 aus %2 erstellt</translation>
    </message>
    <message numerus="yes">
        <source>%n concept(s)</source>
        <translation>
            <numerusform>%n Begriff</numerusform>
            <numerusform>%n Begriffe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n Dokument</numerusform>
            <numerusform>%n Dokumente</numerusform>
        </translation>
    </message>
    <message>
        <source>Building the map…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No concept named “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the map of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No project open</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Showing %1 of %n concept(s) — Filters ▸ Concepts to show more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing %1 of %n concept(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %1 of %n link(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n selected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source> · focus on %1 (Esc to leave)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Find Concept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hide Selected Concepts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find &amp;Path Between Selected and Hovered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Focus on Selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Leave Focus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back to the Map (leave focus, clear selection)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Focus Shows Two &amp;Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour by &amp;Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-&amp;layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About Cartograph</source>
        <translation>&amp;Über Cartograph</translation>
    </message>
    <message>
        <source>About Cartograph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Cartograph&lt;/b&gt; %1&lt;p&gt;Concept maps from folders of documents.&lt;/p&gt;&lt;p&gt;Wheel: zoom · drag: pan · Shift-drag: select · double-click: focus · Esc: back · Help ▸ Keyboard Shortcuts: all of them&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map ▸ Focus on the selected concept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map ▸ Select a concept or link (its label too)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map ▸ Add to the selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+click, Shift+drag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map ▸ Focus on a concept and its neighbours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map ▸ Move a concept (and pin it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag a concept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map ▸ Merge one concept into another (asks first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag a concept onto another</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map ▸ Zoom under the mouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wheel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map ▸ Pan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag the empty map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map ▸ Actions on a concept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right click</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search box ▸ Select the concept and go to the map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legend ▸ Highlight a community or type / show only it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click / double-click</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window ▸ Open a folder or project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop it on the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Sample Corpus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>&amp;Image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;New Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;name Concept…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename Concept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Merge Selected Concepts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Concept…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Concept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, then aliases, separated by commas:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;in / Unpin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Concept…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge Into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other Concept…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concept to merge into:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split Alias Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pin Here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge Concepts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge “%1” into “%2”?

“%1” becomes an alias of “%2”; Undo takes it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist or cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No readable documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebuild (F5) or open another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no text, Markdown, HTML or PDF file that could be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one window shows one project: not opened %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;heme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 · &lt;a href=&quot;%2&quot;&gt;Open folder&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a concept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a concept&apos;s name; Enter selects it and takes the keyboard to the map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the build or layout that is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More menus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map ▸ Select the linked concept that way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carto::app::MapAccessibility</name>
    <message>
        <source>No map</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1, %2, %n linked concept(s)</source>
        <translation>
            <numerusform>%1, %2, %n verknüpfter Begriff</numerusform>
            <numerusform>%1, %2, %n verknüpfte Begriffe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n concept(s) selected</source>
        <translation>
            <numerusform>%n Begriff ausgewählt</numerusform>
            <numerusform>%n Begriffe ausgewählt</numerusform>
        </translation>
    </message>
    <message>
        <source>Link between %1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No concept selected</source>
        <translation>Kein Begriff ausgewählt</translation>
    </message>
    <message>
        <source>No map is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1. %n concept(s) shown.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Arrow keys move to a linked concept, Enter focuses on it, Home fits the map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1, %n linked concept(s) on the map</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>mentioned in %n document(s)</source>
        <translation>
            <numerusform>in %n Dokument erwähnt</numerusform>
            <numerusform>in %n Dokumenten erwähnt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>carto::app::MapStatusOverlay</name>
    <message>
        <source>Open Folder…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carto::app::MapView</name>
    <message>
        <source>Merge into “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 · score %3&lt;br&gt;%4 · %5 · %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n link(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation type="unfinished">
            <numerusform>%n Dokument</numerusform>
            <numerusform>%n Dokumente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mention(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>carto::app::Minimap</name>
    <message>
        <source>Overview: click or drag to move the view</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carto::app::NoteEditor</name>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note as formatted text; each [[Concept]] is a link that selects it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carto::app::NotesPanel</name>
    <message>
        <source>Re-attach…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach the selected orphaned note to another concept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-attach Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concept:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ %1 (not on the map) — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every note of the project; activate one to select its concept</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carto::app::OpenTarget</name>
    <message>
        <source>“%1” is not a local file or folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is neither a folder of documents nor a Cartograph project (NAME%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nothing to open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carto::app::PathPanel</name>
    <message>
        <source>From concept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To concept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown concept: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No path between %1 and %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n hop(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Path %1: %2, direct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path %1: %2 via %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n path(s) found; the best first.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>your note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paths found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each hop of the path with the sentences that link its concepts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path finder status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carto::app::ProjectDocument</name>
    <message numerus="yes">
        <source>Merge %n concept(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Hide %n concept(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>carto::app::ProjectSession</name>
    <message>
        <source>Build failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another session took over this project&apos;s lock; save with care.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The documents changed: rebuilding…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a folder of documents with File ▸ Open Folder (Ctrl+Shift+O).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore Unsaved Work?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cartograph found unsaved changes to an untitled project from an earlier session. Restore them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not restore the unsaved work: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no corpus folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the project: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project “%1” names no corpus folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved work cannot be autosaved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project Open Elsewhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is already open: %2.

Open it here too? Before either window saves, it checks that the other has not changed the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cartograph found unsaved changes to an untitled project on “%1” from a session that did not end well (autosaved %2). Restore them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” has unsaved changes from an earlier session (autosaved %2). Restore them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New project: open a folder of documents with File ▸ Open Folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project Changed on Disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was moved or deleted since it was opened. Save it there again, or under another name?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was changed by another window or program since it was opened here.

Reload it (the changes made here are lost), save the changes made here under another name, or overwrite it (the other changes are lost; the file as it is now is kept as %2)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the project: “%1” is open in another window (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the project: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reload the project: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project has unsaved changes. Save them?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carto::app::StatsPanel</name>
    <message>
        <source>Top concepts by score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concepts of the selected document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link weight distribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mentions of the selected concept per document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statistics chart</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carto::app::stats::QtChartsView</name>
    <message>
        <source>Statistics chart</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carto::app::stats::QtGraphsView</name>
    <message>
        <source>The statistics chart is unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statistics chart</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
