namespace Microsoft.ML.Neural.Bert;

/// <summary>The outputs of <see cref="BertModel.Forward"/>: the last hidden state [B, T, H] and the
/// pooled [CLS] representation [B, H], row-major. They view the model's buffers and are overwritten
/// by its next forward pass; copy them to keep them.</summary>
public readonly record struct BertOutput(ReadOnlyMemory<float> LastHiddenState, ReadOnlyMemory<float> PooledOutput);
