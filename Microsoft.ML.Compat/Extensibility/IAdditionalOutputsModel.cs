namespace Microsoft.ML.Data;

/// <summary>
/// An <see cref="IScoringModel"/> that appends columns of its own after the prediction transformer's (Score, PredictedLabel, …),
/// for per-row facts that come out of the same computation as the scores (e.g. a BP-SOM model's winning SOM cell).
/// The prediction transformers call <see cref="Score"/> instead of <see cref="IScoringModel.Score"/> for such a model.
/// </summary>
public interface IAdditionalOutputsModel : IScoringModel
{
    /// <summary>The appended columns, in order.</summary>
    IReadOnlyList<DataViewSchema.DetachedColumn> AdditionalOutputColumns { get; }

    /// <summary>Scores like <see cref="IScoringModel.Score"/> and fills the active additional columns: column i of
    /// <see cref="AdditionalOutputColumns"/> is batch output <paramref name="firstOutputIndex"/> + i
    /// (check <see cref="ColumnBatch.IsOutputActive"/> before <see cref="ColumnBatch.GetOutput{T}"/>).</summary>
    void Score(ColumnBatch batch, IReadOnlyList<DataViewSchema.Column> inputColumns, Span<float> scores, int firstOutputIndex);
}
