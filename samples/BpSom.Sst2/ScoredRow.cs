namespace BpSom.Sst2;

/// <summary>What the sample reads back from the scored dev set.</summary>
internal sealed class ScoredRow
{
    public string Label { get; set; } = "";
    public string PredictedText { get; set; } = "";
}
