using System.Diagnostics.CodeAnalysis;
using System.Numerics.Tensors;

namespace Microsoft.ML.DynamicSparse;

/// <summary>
/// A linear layer whose weights exist only on its mask: stored compressed by output row (for the forward pass and
/// the weight gradients) with a by-input index (for the input gradients). The structure changes only at the
/// end-of-epoch prune-and-grow, so keeping W ⊙ M after every step costs nothing: masked weights are never stored.
/// The bias is dense and never masked.
/// </summary>
internal sealed class SparseLinear
{
    private bool[] _mask;
    private BlockedRows _byRow;
    private BlockedRows _byColumn;
    private int[] _valueByColumn = [];
    private float[] _valuesByColumn = [];
    private float[] _values = [];
    private float[] _velocity = [];
    private float[] _gradients = [];
    /// <summary>Multiply-adds per kernel call above which splitting rows over two threads pays for the hand-off.</summary>
    private const long SplitThreshold = 250_000;
    // Row-range bodies for RowSplit, cached so that a split allocates nothing; they read the operands of the split
    // call in flight from the fields below (training only, one call at a time).
    private readonly Action<int, int> _forwardRows, _gradientRows;
    private float[] _x = [], _y = [], _dy = [];
    private int _batch;

    /// <summary>A layer with given weights (zero outside <paramref name="mask"/>) and a fixed connection count.</summary>
    public SparseLinear(int inputs, int outputs, bool[] mask, float[] dense, float[] bias, int connectionCount)
    {
        if (bias.Length != outputs)
            throw new ArgumentException($"A layer with {outputs} outputs needs {outputs} biases, got {bias.Length}.", nameof(bias));
        Inputs = inputs;
        Outputs = outputs;
        Bias = bias;
        BiasVelocity = new float[outputs];
        BiasGradients = new float[outputs];
        ConnectionCount = connectionCount;
        _mask = mask;
        Restructure(mask, dense, new float[dense.Length]);
        _forwardRows = (first, end) => SparseKernels.Multiply(_byRow, _values, Bias, _x, _batch, _y, first, end);
        _gradientRows = (first, end) => SparseKernels.WeightGradients(_byRow, _dy, _x, _batch, _gradients, first, end);
    }

    /// <summary>PyTorch's Linear initialisation (weights and bias ~ U(±1/√inputs)), then a "precise" mask of exactly
    /// ⌊onPercent·size⌋ positions sampled without replacement.</summary>
    public static SparseLinear Create(int inputs, int outputs, double onPercent, Random random)
    {
        float bound = 1f / MathF.Sqrt(inputs);
        var dense = new float[inputs * outputs];
        for (int i = 0; i < dense.Length; i++) dense[i] = bound * (2 * random.NextSingle() - 1);
        var bias = new float[outputs];
        for (int i = 0; i < outputs; i++) bias[i] = bound * (2 * random.NextSingle() - 1);
        var all = new bool[dense.Length];
        all.AsSpan().Fill(true);
        var mask = PruneGrowRule.Grow(all, [], (int)Math.Floor(onPercent * dense.Length), hebbian: false, random);
        return new SparseLinear(inputs, outputs, mask, dense, bias, mask.Count(m => m));
    }

    public int Inputs { get; }
    public int Outputs { get; }

    /// <summary>The target number of connections, frozen at set-up (num_params).</summary>
    public int ConnectionCount { get; }

    public float[] Bias { get; }
    public float[] BiasVelocity { get; }
    public float[] BiasGradients { get; }

    public ReadOnlySpan<bool> Mask => _mask;

    /// <summary>Stored connections (the mask's size).</summary>
    public int StoredCount => _values.Length;

    /// <summary>The weights as a dense row-major [outputs, inputs] matrix, zero off the mask.</summary>
    public float[] DenseWeights() => Scatter(_values);

    /// <summary>Replaces the mask. Weights and momentum of connections kept by it carry over; new ones start at 0.</summary>
    public void Restructure(bool[] mask, float[] dense) => Restructure(mask, dense, Scatter(_velocity));

    public void Forward(ReadOnlySpan<float> x, int batch, Span<float> y) =>
        SparseKernels.Multiply(_byRow, _values, Bias, x, batch, y);

    /// <summary>The forward pass of training, its rows split over two threads by <paramref name="split"/> (when given)
    /// if the layer is large enough to gain from it.</summary>
    public void Forward(float[] x, int batch, float[] y, RowSplit? split)
    {
        if (!Splits(split, batch))
        {
            Forward(x, batch, y);
            return;
        }
        (_x, _y, _batch) = (x, y, batch);
        split.Run(Outputs, _forwardRows);
        (_x, _y) = ([], []);
    }

    /// <summary>Weight and bias gradients from <paramref name="dy"/>; the input gradient too unless
    /// <paramref name="dx"/> is empty (the first layer needs none). The weight gradients' rows are split over two
    /// threads by <paramref name="split"/> (when given) if the layer is large enough to gain from it.</summary>
    public void Backward(float[] x, float[] dy, int batch, Span<float> dx, RowSplit? split = null)
    {
        if (Splits(split, batch))
        {
            (_x, _dy, _batch) = (x, dy, batch);
            split.Run(Outputs, _gradientRows);
            (_x, _dy) = ([], []);
        }
        else
            SparseKernels.WeightGradients(_byRow, dy, x, batch, _gradients);
        for (int i = 0; i < Outputs; i++)
            BiasGradients[i] = TensorPrimitives.Sum(dy.AsSpan(i * batch, batch));
        if (dx.IsEmpty)
            return;
        for (int s = 0; s < _valuesByColumn.Length; s++) _valuesByColumn[s] = _values[_valueByColumn[s]];
        SparseKernels.Multiply(_byColumn, _valuesByColumn, [], dy, batch, dx);
    }

    private bool Splits([NotNullWhen(true)] RowSplit? split, int batch) => split is not null && (long)StoredCount * batch >= SplitThreshold;

    public void Step(Sgd sgd)
    {
        sgd.Update(_values, _gradients, _velocity);
        sgd.Update(Bias, BiasGradients, BiasVelocity);
    }

    private float[] Scatter(float[] stored)
    {
        var dense = new float[Inputs * Outputs];
        for (int i = 0; i < Outputs; i++)
            for (int k = _byRow.Start(i, 0); k < _byRow.Start(i, _byRow.Blocks); k++)
                dense[i * Inputs + _byRow.Sources[k]] = stored[k];
        return dense;
    }

    [MemberNotNull(nameof(_byRow), nameof(_byColumn))]
    private void Restructure(bool[] mask, float[] dense, float[] denseVelocity)
    {
        if (mask.Length != Inputs * Outputs || dense.Length != mask.Length)
            throw new ArgumentException($"A {Outputs}×{Inputs} layer needs {Inputs * Outputs} mask entries and weights.");
        _mask = mask;
        int stored = mask.Count(m => m);
        var rowStarts = new int[Outputs + 1];
        var columns = new int[stored];
        _values = new float[stored];
        _velocity = new float[stored];
        _gradients = new float[stored];
        var columnStarts = new int[Inputs + 1];
        int k = 0;
        for (int i = 0; i < Outputs; i++)
        {
            for (int j = 0; j < Inputs; j++)
            {
                int at = i * Inputs + j;
                if (!mask[at]) continue;
                columns[k] = j;
                _values[k] = dense[at];
                _velocity[k] = denseVelocity[at];
                columnStarts[j + 1]++;
                k++;
            }
            rowStarts[i + 1] = k;
        }
        for (int j = 0; j < Inputs; j++) columnStarts[j + 1] += columnStarts[j];
        var rowsByColumn = new int[stored];
        _valueByColumn = new int[stored];
        _valuesByColumn = new float[stored];
        var next = columnStarts.AsSpan(0, Inputs).ToArray();
        for (int i = 0; i < Outputs; i++)
            for (int s = rowStarts[i]; s < rowStarts[i + 1]; s++)
            {
                int slot = next[columns[s]]++;
                rowsByColumn[slot] = i;
                _valueByColumn[slot] = s;
            }
        _byRow = new BlockedRows(rowStarts, columns, Inputs);
        _byColumn = new BlockedRows(columnStarts, rowsByColumn, Outputs);
    }
}
