namespace Microsoft.ML.Reports;

/// <summary>The inline stylesheet and self-check script embedded in every report.</summary>
internal static class ReportStyles
{
    public const string Css = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px auto;max-width:1200px;padding:0 16px;color:#222;background:#fff}
        h1{font-size:1.6em;margin:0 0 4px}h2{font-size:1.25em;border-bottom:1px solid #ddd;padding-bottom:4px;margin-top:32px}
        .subtitle{color:#666;margin:0 0 16px}
        table{border-collapse:collapse;margin:12px 0;font-size:0.92em}
        caption{text-align:left;font-weight:600;padding-bottom:4px}
        th,td{border:1px solid #ddd;padding:4px 10px;text-align:left}
        table.grid thead th{background:#f4f4f4}
        table.summary th{background:#fafafa;font-weight:600}
        tr.best td{background:#fff5d6;font-weight:600}.star{color:#d4a000}
        figure.chart{display:inline-block;vertical-align:top;margin:8px 16px 16px 0}
        figcaption{font-weight:600;font-size:0.95em;margin-bottom:4px}
        svg text{font-size:11px;fill:#333}svg text.no-data{font-size:14px;fill:#999}
        svg .axis{stroke:#444}svg .grid{stroke:#e6e6e6}svg .series{stroke-width:2;stroke-linejoin:round}
        svg .event{stroke:#c0392b;stroke-width:1.5}svg text.event-label{fill:#c0392b;font-size:10px}
        svg text.cell-value{font-size:10px}svg text.axis-title{font-size:12px;fill:#555}
        """;

    /// <summary>
    /// Counts, per chart, the marks that the browser actually laid out (non-empty bounding box) and writes
    /// the count to data-drawn, and the chart's page box (left,top,width,height) to data-box; tests compare
    /// data-drawn with data-marks and inspect screenshot pixels inside the box. Plain inline code, no network.
    /// </summary>
    public const string DrawnMarksScript = """
        document.querySelectorAll('svg[data-chart]').forEach(function(svg){var n=0;svg.querySelectorAll('.mark').forEach(function(m){var b=m.getBBox();if(b.width>0||b.height>0)n++;});svg.setAttribute('data-drawn',String(n));var r=svg.getBoundingClientRect();svg.setAttribute('data-box',[r.left+scrollX,r.top+scrollY,r.width,r.height].map(Math.round).join(','));});
        """;
}
