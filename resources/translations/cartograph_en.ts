<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>DocumentsPanel</name>
    <message numerus="yes">
        <source> (%n characters)</source>
        <translation>
            <numerusform> (%n character)</numerusform>
            <numerusform> (%n characters)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>carto::app::ConceptPanel</name>
    <message numerus="yes">
        <source>%n link(s)</source>
        <translation>
            <numerusform>%n link</numerusform>
            <numerusform>%n links</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mention(s)</source>
        <translation>
            <numerusform>%n mention</numerusform>
            <numerusform>%n mentions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n mention(s))</source>
        <translation>
            <numerusform>%1 (%n mention)</numerusform>
            <numerusform>%1 (%n mentions)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>carto::app::LegendWidget</name>
    <message numerus="yes">
        <source>%n more communities</source>
        <translation>
            <numerusform>%n more community</numerusform>
            <numerusform>%n more communities</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>carto::app::LinkPanel</name>
    <message numerus="yes">
        <source>%n shared sentence(s)</source>
        <translation>
            <numerusform>%n shared sentence</numerusform>
            <numerusform>%n shared sentences</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>carto::app::MainWindow</name>
    <message numerus="yes">
        <source>%n concept(s)</source>
        <translation>
            <numerusform>%n concept</numerusform>
            <numerusform>%n concepts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing %1 of %n concept(s) — Filters ▸ Concepts to show more</source>
        <translation>
            <numerusform>Showing %1 of %n concept — Filters ▸ Concepts to show more</numerusform>
            <numerusform>Showing %1 of %n concepts — Filters ▸ Concepts to show more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing %1 of %n concept(s)</source>
        <translation>
            <numerusform>Showing %1 of %n concept</numerusform>
            <numerusform>Showing %1 of %n concepts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %1 of %n link(s)</source>
        <translation>
            <numerusform> · %1 of %n link</numerusform>
            <numerusform> · %1 of %n links</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n selected</source>
        <translation>
            <numerusform> · %n selected</numerusform>
            <numerusform> · %n selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>carto::app::MapAccessibility</name>
    <message numerus="yes">
        <source>%1, %2, %n linked concept(s)</source>
        <translation>
            <numerusform>%1, %2, %n linked concept</numerusform>
            <numerusform>%1, %2, %n linked concepts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n concept(s) selected</source>
        <translation>
            <numerusform>%n concept selected</numerusform>
            <numerusform>%n concepts selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1. %n concept(s) shown.</source>
        <translation>
            <numerusform>%1. %n concept shown.</numerusform>
            <numerusform>%1. %n concepts shown.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n linked concept(s) on the map</source>
        <translation>
            <numerusform>%1, %n linked concept on the map</numerusform>
            <numerusform>%1, %n linked concepts on the map</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>mentioned in %n document(s)</source>
        <translation>
            <numerusform>mentioned in %n document</numerusform>
            <numerusform>mentioned in %n documents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>carto::app::MapView</name>
    <message numerus="yes">
        <source>%n link(s)</source>
        <translation>
            <numerusform>%n link</numerusform>
            <numerusform>%n links</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mention(s)</source>
        <translation>
            <numerusform>%n mention</numerusform>
            <numerusform>%n mentions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>carto::app::PathPanel</name>
    <message numerus="yes">
        <source>%n hop(s)</source>
        <translation>
            <numerusform>%n hop</numerusform>
            <numerusform>%n hops</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n path(s) found; the best first.</source>
        <translation>
            <numerusform>%n path found; the best first.</numerusform>
            <numerusform>%n paths found; the best first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>carto::app::ProjectDocument</name>
    <message numerus="yes">
        <source>Merge %n concept(s)</source>
        <translation>
            <numerusform>Merge %n concept</numerusform>
            <numerusform>Merge %n concepts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Hide %n concept(s)</source>
        <translation>
            <numerusform>Hide %n concept</numerusform>
            <numerusform>Hide %n concepts</numerusform>
        </translation>
    </message>
</context>
</TS>
