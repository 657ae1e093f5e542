using System.Buffers;

namespace Microsoft.ML.Data;

/// <summary>
/// Shared part of the prediction transformers: reads the model's input columns, scores a batch of rows with
/// <see cref="IScoringModel.Score"/> and lets the derived class turn the scores into its output columns.
/// Input columns are kept; the outputs are appended.
/// </summary>
public abstract class SingleFeaturePredictionTransformerBase<TModel> : RowToRowTransformerBase, ISingleFeaturePredictionTransformer<TModel>
    where TModel : class, IScoringModel
{
    private protected SingleFeaturePredictionTransformerBase(TModel model, string featureColumnName, DataViewType featureColumnType)
    {
        Model = model ?? throw new ArgumentNullException(nameof(model));
        ArgumentException.ThrowIfNullOrEmpty(featureColumnName);
        FeatureColumnName = featureColumnName;
        FeatureColumnType = featureColumnType ?? throw new ArgumentNullException(nameof(featureColumnType));
    }

    public TModel Model { get; }
    public string FeatureColumnName { get; }
    public DataViewType FeatureColumnType { get; }

    /// <summary>The appended columns for an input schema (annotations may depend on it, e.g. the score set id).</summary>
    private protected abstract DataViewSchema.DetachedColumn[] GetOutputColumns(DataViewSchema inputSchema);

    /// <summary>Fills the active outputs of <paramref name="batch"/> from <paramref name="scores"/> (Count × ScoreCount).</summary>
    private protected abstract void FillOutputs(ColumnBatch batch, ReadOnlySpan<float> scores);

    protected sealed override ColumnMapperBase MakeMapper(DataViewSchema inputSchema) => new ScoringMapper(this, inputSchema);

    /// <summary>The feature column's type in <paramref name="schema"/>, checked by the model.</summary>
    private protected static DataViewType FeatureTypeIn(TModel model, DataViewSchema schema, string featureColumnName)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(schema);
        var inputs = model.GetInputColumns(schema, featureColumnName);
        return schema.GetColumnOrNull(featureColumnName)?.Type ?? inputs[0].Type;
    }

    /// <summary>Writes the feature column name and type, then the model as the nested "Model".</summary>
    private protected void SaveCommon(ModelSaveContext ctx)
    {
        ctx.Writer.Write(FeatureColumnName);
        ctx.Writer.WriteDataViewType(FeatureColumnType);
        ctx.SaveModel(Model, "Model");
    }

    /// <summary>Reads what <see cref="SaveCommon"/> wrote.</summary>
    private protected static (string featureColumnName, DataViewType featureColumnType, TModel model) LoadCommon(ModelLoadContext ctx) =>
        (ctx.Reader.ReadString(), ctx.Reader.ReadDataViewType(), ctx.LoadModel<TModel>("Model"));

    private sealed class ScoringMapper : BatchColumnMapper
    {
        private readonly SingleFeaturePredictionTransformerBase<TModel> _parent;
        private readonly IReadOnlyList<DataViewSchema.Column> _inputs;
        private readonly int _additionalStart;   // index of the model's first additional output among this mapper's outputs

        public ScoringMapper(SingleFeaturePredictionTransformerBase<TModel> parent, DataViewSchema inputSchema)
            : base(inputSchema, parent.Model.BatchSize)
        {
            _parent = parent;
            _inputs = parent.Model.GetInputColumns(inputSchema, parent.FeatureColumnName);
            _additionalStart = parent.GetOutputColumns(inputSchema).Length;
        }

        /// <summary>The transformer's columns, then those of an <see cref="IAdditionalOutputsModel"/>.</summary>
        protected override DataViewSchema.DetachedColumn[] GetOutputColumns()
        {
            var own = _parent.GetOutputColumns(InputSchema);
            return _parent.Model is IAdditionalOutputsModel additional ? [.. own, .. additional.AdditionalOutputColumns] : own;
        }

        public override IEnumerable<DataViewSchema.Column> GetDependencies(Func<int, bool> activeOutput) => _inputs;

        protected override void MapBatch(ColumnBatch batch)
        {
            int size = batch.Count * _parent.Model.ScoreCount;
            var scores = ArrayPool<float>.Shared.Rent(size);
            try
            {
                if (_parent.Model is IAdditionalOutputsModel additional)
                    additional.Score(batch, _inputs, scores.AsSpan(0, size), _additionalStart);
                else
                    _parent.Model.Score(batch, _inputs, scores.AsSpan(0, size));
                _parent.FillOutputs(batch, scores.AsSpan(0, size));
            }
            finally
            {
                ArrayPool<float>.Shared.Return(scores);
            }
        }
    }
}
