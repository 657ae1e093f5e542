using System.Globalization;
using System.Text;

namespace Microsoft.ML.Data;

/// <summary>
/// Renders a confusion matrix in ML.NET's plain-text layout, so tools and people that read ML.NET's output
/// read ours the same way. Columns are 8 characters wide for two classes and 5 otherwise; when a class name is
/// wider than a column, the header shows class indices and each row is labelled "i. name".
/// </summary>
internal static class ConfusionTableFormatter
{
    // "PREDICTED" is the widest fixed row label; longer class names widen the label column.
    private const int FixedLabelWidth = 9;

    public static string Format(ConfusionMatrix matrix, bool isBinary)
    {
        var inv = CultureInfo.InvariantCulture;
        int n = matrix.NumberOfClasses;
        var names = matrix.PredictedClassesIndicators.Select(m => m.ToString()).ToArray();
        int columnWidth = n == 2 ? 8 : 5;
        int maxNameLength = names.Length == 0 ? 0 : names.Max(s => s.Length);
        bool indicesInHeader = maxNameLength > columnWidth;
        int indexDigits = indicesInHeader ? Math.Max(n - 1, 0).ToString(inv).Length : 0;
        int rowLabelWidth = indicesInHeader ? maxNameLength + indexDigits + 2 : maxNameLength;
        int labelWidth = Math.Max(FixedLabelWidth, rowLabelWidth);
        string pad = new(' ', labelWidth - FixedLabelWidth);
        string rule = string.Concat(Enumerable.Repeat(n > 2 ? "========" : "===========", n));

        var sb = new StringBuilder();
        if (n == 2 && isBinary)
        {
            double positives = matrix.Counts[0][0] + matrix.Counts[0][1];
            double negatives = matrix.Counts[1][0] + matrix.Counts[1][1];
            sb.Append(inv, $"TEST {names[0].ToUpperInvariant()} RATIO:\t{positives / (positives + negatives):N4} ({positives:F1}/({positives:F1}+{negatives:F1}))");
        }
        sb.AppendLine();
        sb.AppendLine("Confusion table");
        sb.Append("          ").Append(pad).Append("||").AppendLine(rule);
        sb.Append("PREDICTED ").Append(pad).Append("||");
        for (int c = 0; c < n; c++)
            sb.Append(' ').Append((indicesInHeader ? c.ToString(inv) : names[c]).PadLeft(columnWidth)).Append(" |");
        sb.AppendLine(" Recall");
        sb.Append("TRUTH     ").Append(pad).Append("||").AppendLine(rule);
        for (int actual = 0; actual < n; actual++)
        {
            if (indicesInHeader)
                sb.Append(actual.ToString(inv).PadLeft(indexDigits)).Append(". ").Append(names[actual].PadLeft(labelWidth - indexDigits - 2));
            else
                sb.Append(names[actual].PadLeft(labelWidth));
            sb.Append(" ||");
            for (int predicted = 0; predicted < n; predicted++)
                sb.Append(' ').Append(matrix.Counts[actual][predicted].ToString("N0", inv).PadLeft(columnWidth)).Append(" |");
            sb.Append(' ').AppendLine(matrix.PerClassRecall[actual].ToString("F4", inv).PadLeft(5));
        }
        sb.Append("          ").Append(pad).Append("||").AppendLine(rule);
        sb.Append("Precision ").Append(pad).Append("||");
        for (int c = 0; c < n; c++)
            sb.Append(matrix.PerClassPrecision[c].ToString("N4", inv).PadLeft(columnWidth + 1)).Append(" |");
        sb.AppendLine();
        return sb.ToString();
    }
}
