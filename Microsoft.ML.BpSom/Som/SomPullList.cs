using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Microsoft.ML.BpSom;

/// <summary>The pulls of one batch update, grouped by cell: each (row, rate) says that prototype moves toward
/// activation row by rate. Grouping lets the update visit each touched prototype once and build its weighted sum in
/// registers, instead of scattering B·(2r+1)² row updates over a CellCount × Dimension buffer. Buffers are kept
/// between batches, so a steady-state update allocates nothing.</summary>
internal sealed class SomPullList
{
    private int[] _cells = [], _rows = [], _sortedRows = [], _starts = [];
    private float[] _rates = [], _sortedRates = [];
    private int _count;

    /// <summary>Starts an empty list for up to <paramref name="capacity"/> pulls over <paramref name="cellCount"/> cells.</summary>
    public void Reset(int capacity, int cellCount)
    {
        if (_cells.Length < capacity)
        {
            _cells = new int[capacity];
            _rows = new int[capacity];
            _sortedRows = new int[capacity];
            _rates = new float[capacity];
            _sortedRates = new float[capacity];
        }
        if (_starts.Length != cellCount + 1) _starts = new int[cellCount + 1];
        _count = 0;
    }

    public int Count => _count;

    /// <summary>Appends a pull; add them in row order, which is the order the sums are taken in.</summary>
    public void Add(int cell, int row, float rate)
    {
        _cells[_count] = cell;
        _rows[_count] = row;
        _rates[_count] = rate;
        _count++;
    }

    /// <summary>Stable counting sort by cell: afterwards cell c's pulls are [starts[c], starts[c + 1]), in row order.</summary>
    public void GroupByCell()
    {
        var starts = _starts.AsSpan();
        starts.Clear();
        for (int e = 0; e < _count; e++) starts[_cells[e] + 1]++;
        for (int c = 1; c < starts.Length; c++) starts[c] += starts[c - 1];
        for (int e = 0; e < _count; e++)
        {
            int slot = starts[_cells[e]]++;
            _sortedRows[slot] = _rows[e];
            _sortedRates[slot] = _rates[e];
        }
        // Each start has advanced to the next cell's start: shift back by one cell.
        for (int c = starts.Length - 1; c > 0; c--) starts[c] = starts[c - 1];
        starts[0] = 0;
    }

    /// <summary>After <see cref="GroupByCell"/>: p ← p·(1 − Σh) + Σ h·a for every cell with pulls, both sums in row
    /// order with a separate multiply and add per term (the rounding of TensorPrimitives.Multiply / MultiplyAdd,
    /// so the result equals applying the row updates one by one).</summary>
    public void Apply(ReadOnlySpan<float> activations, Span<float> prototypes, int dimension)
    {
        for (int cell = 0; cell + 1 < _starts.Length; cell++)
        {
            int first = _starts[cell], end = _starts[cell + 1];
            if (first == end) continue;
            var rows = _sortedRows.AsSpan(first, end - first);
            var rates = _sortedRates.AsSpan(first, end - first);
            float weight = rates[0];
            for (int e = 1; e < rates.Length; e++) weight += rates[e];
            MoveToward(activations, dimension, rows, rates, 1f - weight, prototypes.Slice(cell * dimension, dimension));
        }
    }

    /// <summary>p ← p·keep + Σ_e rates[e]·a[rows[e]]: four vectors of p at a time, their sums in registers
    /// while the pulls are walked.</summary>
    private static void MoveToward(ReadOnlySpan<float> activations, int dim, ReadOnlySpan<int> rows, ReadOnlySpan<float> rates,
        float keep, Span<float> p)
    {
        int w = Vector<float>.Count, i = 0;
        ref float a0 = ref MemoryMarshal.GetReference(activations);
        ref float p0 = ref MemoryMarshal.GetReference(p);
        var vKeep = new Vector<float>(keep);
        for (; i + 4 * w <= dim; i += 4 * w)
        {
            ref float a = ref Unsafe.Add(ref a0, rows[0] * dim + i);
            var h = new Vector<float>(rates[0]);
            Vector<float> s0 = Load(ref a, 0) * h, s1 = Load(ref a, w) * h, s2 = Load(ref a, 2 * w) * h, s3 = Load(ref a, 3 * w) * h;
            for (int e = 1; e < rows.Length; e++)
            {
                a = ref Unsafe.Add(ref a0, rows[e] * dim + i);
                h = new Vector<float>(rates[e]);
                s0 = Load(ref a, 0) * h + s0;
                s1 = Load(ref a, w) * h + s1;
                s2 = Load(ref a, 2 * w) * h + s2;
                s3 = Load(ref a, 3 * w) * h + s3;
            }
            ref float pi = ref Unsafe.Add(ref p0, i);
            Store(Load(ref pi, 0) * vKeep + s0, ref pi, 0);
            Store(Load(ref pi, w) * vKeep + s1, ref pi, w);
            Store(Load(ref pi, 2 * w) * vKeep + s2, ref pi, 2 * w);
            Store(Load(ref pi, 3 * w) * vKeep + s3, ref pi, 3 * w);
        }
        for (; i < dim; i++)
        {
            float s = activations[rows[0] * dim + i] * rates[0];
            for (int e = 1; e < rows.Length; e++) s = activations[rows[e] * dim + i] * rates[e] + s;
            p[i] = p[i] * keep + s;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Load(ref float source, int offset) =>
        Vector.LoadUnsafe(ref source, (nuint)offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector<float> value, ref float destination, int offset) =>
        value.StoreUnsafe(ref destination, (nuint)offset);
}
