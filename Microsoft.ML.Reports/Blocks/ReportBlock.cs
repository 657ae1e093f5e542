using System.Text;

namespace Microsoft.ML.Reports;

/// <summary>One piece of a report section: text, a table or a chart.</summary>
public abstract class ReportBlock
{
    private protected ReportBlock()
    {
    }

    internal abstract void Render(StringBuilder html);
}
