using Microsoft.ML.Data;

namespace Microsoft.ML.Transforms;

/// <summary>
/// Learns per-slot normalizers from the data (<c>NormalizeMinMax</c>, <c>NormalizeMeanVariance</c>): reads up to
/// <c>maximumExampleCount</c> rows of each column once at Fit time.
/// </summary>
public sealed class NormalizingEstimator : IEstimator<NormalizingTransformer>
{
    private readonly InputOutputColumnPair[] _columns;
    private readonly long _maximumExampleCount;
    private readonly Func<SlotStatistics, SlotNormalizer> _learn;
    private readonly MLContext _context;

    /// <summary>ML.NET's defaults.</summary>
    public static class Defaults
    {
        public const long MaximumExampleCount = 1000000000;
        public const bool EnsureZeroUntouched = true;
        public const bool MeanVarCdf = false;
    }

    internal NormalizingEstimator(MLContext context, InputOutputColumnPair[] columns, long maximumExampleCount, Func<SlotStatistics, SlotNormalizer> learn)
    {
        _context = context;
        _columns = InputOutputColumnPair.Check(columns);
        if (maximumExampleCount <= 1)
            throw new ArgumentOutOfRangeException(nameof(maximumExampleCount), "Must be greater than 1.");
        _maximumExampleCount = maximumExampleCount;
        _learn = learn;
    }

    public NormalizingTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var inputs = NormalizingTransformer.FindInputs(input.Schema, _columns);
        var normalizers = inputs.Select(column => _learn(SlotStatistics.Compute(input, column, _maximumExampleCount, _context))).ToArray();
        return new NormalizingTransformer(_columns, normalizers);
    }

    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var result = inputSchema.ToList();
        foreach (var pair in _columns)
        {
            var source = ColumnChecks.FindColumn(inputSchema, pair.InputColumnName);
            bool real = source.ItemType == NumberDataViewType.Single || source.ItemType == NumberDataViewType.Double;
            if (!real || source.IsKey || source.Kind == SchemaShape.Column.VectorKind.VariableVector)
                throw ColumnChecks.Mismatch(pair.InputColumnName, NormalizingTransformer.ExpectedType, source.GetTypeString());
            var annotations = source.Annotations.Where(a => a.Name == AnnotationUtils.Kinds.SlotNames).Append(
                new SchemaShape.Column(AnnotationUtils.Kinds.IsNormalized, SchemaShape.Column.VectorKind.Scalar, BooleanDataViewType.Instance, false));
            result.Add(new SchemaShape.Column(pair.OutputColumnName, source.Kind, source.ItemType, false, new SchemaShape(annotations)));
        }
        return new SchemaShape(result);
    }
}
