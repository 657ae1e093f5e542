namespace Microsoft.ML.BpSom.Tests;

/// <summary>What the tests read back from a multiclass scored view.</summary>
internal sealed class TextScoredRow
{
    public float[] Score { get; set; } = [];
    public uint PredictedLabel { get; set; }
    public int SomCell { get; set; }
    public float SomReliability { get; set; }
}

/// <summary>What the tests read back from a binary scored view.</summary>
internal sealed class BinaryTextScoredRow
{
    public float Score { get; set; }
    public float Probability { get; set; }
    public bool PredictedLabel { get; set; }
    public int SomCell { get; set; }
    public float SomReliability { get; set; }
}
