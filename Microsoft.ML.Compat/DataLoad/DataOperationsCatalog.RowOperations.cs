using Microsoft.ML.Data;

namespace Microsoft.ML;

/// <summary>Row sampling and selection on <c>mlContext.Data</c>. All of them are lazy views over their input.</summary>
public sealed partial class DataOperationsCatalog
{
    /// <summary>The first <paramref name="count"/> rows of <paramref name="input"/>.</summary>
    public IDataView TakeRows(IDataView input, long count)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new TakeRowsView(input, count);
    }

    /// <summary><paramref name="input"/> without its first <paramref name="count"/> rows.</summary>
    public IDataView SkipRows(IDataView input, long count)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new SkipRowsView(input, count);
    }

    /// <summary>
    /// The rows whose value of the numeric column <paramref name="columnName"/> lies in
    /// [<paramref name="lowerBound"/>, <paramref name="upperBound"/>); rows with NaN are dropped.
    /// </summary>
    public IDataView FilterRowsByColumn(IDataView input, string columnName,
        double lowerBound = double.NegativeInfinity, double upperBound = double.PositiveInfinity)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!(lowerBound < upperBound))
            throw new ArgumentOutOfRangeException(nameof(upperBound), $"Must be greater than {nameof(lowerBound)} ({lowerBound}), got {upperBound}.");
        var column = ColumnChecks.FindColumn(input.Schema, columnName);
        if (column.Type is not NumberDataViewType)
            throw ColumnChecks.Mismatch(columnName, "a numeric scalar", column.Type.ToString()!);
        return new RowFilterView(input, column, cursor =>
        {
            var value = NumericGetters.AsDouble(cursor, column);
            return () =>
            {
                double v = value(); // NaN fails both comparisons, so it is dropped
                return v >= lowerBound && v < upperBound;
            };
        });
    }

    /// <summary>
    /// Rows in random order, deterministic for a seed: rows pass through a pool of <paramref name="shufflePoolSize"/>
    /// rows (and the source shuffles itself too when it can and <paramref name="shuffleSource"/> is set).
    /// </summary>
    public IDataView ShuffleRows(IDataView input, int? seed = null, int shufflePoolSize = 1000, bool shuffleSource = true)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new ShuffleRowsView(input, seed ?? Context.NextSeed(), shufflePoolSize, shuffleSource);
    }

    /// <summary>
    /// Keeps <paramref name="input"/>'s rows in memory after the first pass, so later passes do not recompute them.
    /// The named columns must exist; every column is cached.
    /// </summary>
    public IDataView Cache(IDataView input, params string[] columnsToPrefetch)
    {
        ArgumentNullException.ThrowIfNull(input);
        foreach (var name in columnsToPrefetch ?? Array.Empty<string>())
            ColumnChecks.FindColumn(input.Schema, name);
        return new CacheDataView(input);
    }

    /// <summary>
    /// Splits <paramref name="data"/> into a train and a test view. Each row gets a deterministic number in [0, 1)
    /// from a hash of its <paramref name="samplingKeyColumnName"/> value (or of its position when there is no key)
    /// and the seed; rows below <paramref name="testFraction"/> go to the test set. Rows with equal keys therefore
    /// land on the same side, and the split is the same every time for a given seed. The sizes are
    /// <paramref name="testFraction"/> of the rows on average, not exactly.
    /// </summary>
    public TrainTestData TrainTestSplit(IDataView data, double testFraction = 0.1, string? samplingKeyColumnName = null, int? seed = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!(testFraction > 0 && testFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(testFraction), $"Must be between 0 and 1 exclusive, got {testFraction}.");
        DataViewSchema.Column? key = null;
        if (samplingKeyColumnName is not null)
        {
            var column = ColumnChecks.FindColumn(data.Schema, samplingKeyColumnName);
            if (!SplitFraction.CanHash(column.Type))
                throw ColumnChecks.Mismatch(samplingKeyColumnName, "a numeric, key, boolean or text scalar", column.Type.ToString()!);
            key = column;
        }

        int splitSeed = seed ?? Context.NextSeed();
        Func<DataViewRowCursor, Func<double>> fraction = key is { } k
            ? cursor => SplitFraction.ByKey(cursor, k, splitSeed)
            : cursor => SplitFraction.ByPosition(cursor, splitSeed);
        var test = new RowFilterView(data, key, cursor =>
        {
            var f = fraction(cursor);
            return () => f() < testFraction;
        });
        var train = new RowFilterView(data, key, cursor =>
        {
            var f = fraction(cursor);
            return () => f() >= testFraction;
        });
        return new TrainTestData(train, test);
    }

    /// <summary>The two halves of <see cref="TrainTestSplit"/>.</summary>
    public readonly struct TrainTestData
    {
        public readonly IDataView TrainSet;
        public readonly IDataView TestSet;

        internal TrainTestData(IDataView trainSet, IDataView testSet)
        {
            TrainSet = trainSet;
            TestSet = testSet;
        }
    }
}
