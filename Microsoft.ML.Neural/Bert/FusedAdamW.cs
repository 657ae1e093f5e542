using System.Numerics;
using System.Runtime.InteropServices;

namespace Microsoft.ML.Neural.Bert;

/// <summary>AdamW (decoupled weight decay, as torch.optim.AdamW) over whole <see cref="ParameterTable"/>s:
/// one SIMD pass reads each parameter, gradient and moment once. A table may name a row-sparse
/// region (the word-embedding table) whose untouched rows have zero gradient: those rows are
/// updated with g = 0 without reading their gradient, which gives exactly the dense result.</summary>
public sealed class FusedAdamW
{
    private readonly List<Group> _groups = new();

    public FusedAdamW(float learningRate = 1e-3f, float weightDecay = 0.01f, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f)
    {
        if (!(learningRate >= 0)) throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "Must be non-negative.");
        if (!(weightDecay >= 0)) throw new ArgumentOutOfRangeException(nameof(weightDecay), weightDecay, "Must be non-negative.");
        if (!(beta1 >= 0 && beta1 < 1)) throw new ArgumentOutOfRangeException(nameof(beta1), beta1, "Must be in [0, 1).");
        if (!(beta2 >= 0 && beta2 < 1)) throw new ArgumentOutOfRangeException(nameof(beta2), beta2, "Must be in [0, 1).");
        if (!(epsilon > 0)) throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "Must be positive.");
        (LearningRate, WeightDecay, Beta1, Beta2, Epsilon) = (learningRate, weightDecay, beta1, beta2, epsilon);
    }

    /// <summary>The rate of the next step; schedules set it between steps.</summary>
    public float LearningRate { get; set; }
    public float WeightDecay { get; }
    public float Beta1 { get; }
    public float Beta2 { get; }
    public float Epsilon { get; }

    /// <summary>Steps taken so far (the t of the bias corrections).</summary>
    public int StepCount { get; private set; }

    /// <summary>Adds every parameter of <paramref name="table"/>. When <paramref name="sparseRows"/> is given,
    /// its rows of width <paramref name="rowWidth"/> whose <paramref name="touchedRows"/> flag is false are
    /// known to have zero gradient.</summary>
    public void Add(ParameterTable table, ParameterSlice? sparseRows = null, int rowWidth = 0, bool[]? touchedRows = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (sparseRows is not null && (touchedRows is null || rowWidth <= 0 || sparseRows.Count != touchedRows.Length * rowWidth))
            throw new ArgumentException($"The sparse region '{sparseRows.Name}' needs one touched flag per row of {rowWidth}.", nameof(touchedRows));
        _groups.Add(new Group(table, sparseRows, rowWidth, touchedRows, new float[table.Length], new float[table.Length]));
    }

    /// <summary>Applies one update from the gradients currently in the tables.</summary>
    public void Step()
    {
        StepCount++;
        var c = new Constants(this, StepCount);
        foreach (var g in _groups)
        {
            var values = g.Table.Values;
            var grads = g.Table.Grads;
            if (g.Sparse is null)
            {
                UpdateRange(c, values, grads, g.M, g.V, 0, values.Length);
                continue;
            }
            UpdateRange(c, values, grads, g.M, g.V, 0, g.Sparse.Offset);
            UpdateRange(c, values, grads, g.M, g.V, g.Sparse.Offset + g.Sparse.Count, values.Length - g.Sparse.Offset - g.Sparse.Count);
            UpdateSparse(c, g);
        }
    }

    /// <summary>Updates the sparse region: each core takes a block of rows and walks it in runs of
    /// rows with the same touched flag, each run one update (with or without gradient).</summary>
    private static void UpdateSparse(Constants c, Group g)
    {
        var touched = g.Touched!;
        int width = g.RowWidth, offset = g.Sparse!.Offset;
        float[] p = g.Table.Values, grads = g.Table.Grads;
        RowParallel.For(touched.Length, 8L * width, (first, last) =>
        {
            for (int row = first; row < last;)
            {
                int end = row + 1;
                while (end < last && touched[end] == touched[row]) end++;
                int start = offset + row * width, count = (end - row) * width;
                Update(c, p.AsSpan(start, count), touched[row] ? grads.AsSpan(start, count) : default,
                    g.M.AsSpan(start, count), g.V.AsSpan(start, count));
                row = end;
            }
        });
    }

    private sealed record Group(ParameterTable Table, ParameterSlice? Sparse, int RowWidth, bool[]? Touched, float[] M, float[] V);

    private readonly record struct Constants(float Decay, float StepSize, float InvSqrtBias2, float Beta1, float Beta2, float Epsilon)
    {
        public Constants(FusedAdamW o, int t) : this(1f - o.LearningRate * o.WeightDecay,
            (float)(o.LearningRate / (1 - Math.Pow(o.Beta1, t))), (float)(1 / Math.Sqrt(1 - Math.Pow(o.Beta2, t))), o.Beta1, o.Beta2, o.Epsilon)
        {
        }
    }

    private static void UpdateRange(Constants c, float[] p, float[] g, float[] m, float[] v, int start, int count)
    {
        if (count <= 0) return;
        RowParallel.For(count, 8, (from, to) =>
            Update(c, p.AsSpan(start + from, to - from), g.AsSpan(start + from, to - from),
                m.AsSpan(start + from, to - from), v.AsSpan(start + from, to - from)));
    }

    /// <summary>p ← p·(1 − lr·wd) − lr/(1 − β₁ᵗ) · m / (sqrt(v)/sqrt(1 − β₂ᵗ) + ε), with m and v updated
    /// from g first (g = 0 when <paramref name="g"/> is empty).</summary>
    private static void Update(Constants c, Span<float> p, ReadOnlySpan<float> g, Span<float> m, Span<float> v)
    {
        bool hasGrad = !g.IsEmpty;
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var pv = MemoryMarshal.Cast<float, Vector<float>>(p);
            var mv = MemoryMarshal.Cast<float, Vector<float>>(m);
            var vv = MemoryMarshal.Cast<float, Vector<float>>(v);
            var gv = hasGrad ? MemoryMarshal.Cast<float, Vector<float>>(g) : default;
            Vector<float> b1 = new(c.Beta1), b1c = new(1 - c.Beta1), b2 = new(c.Beta2), b2c = new(1 - c.Beta2);
            Vector<float> decay = new(c.Decay), step = new(c.StepSize), invBias2 = new(c.InvSqrtBias2), eps = new(c.Epsilon);
            for (int k = 0; k < pv.Length; k++)
            {
                var grad = hasGrad ? gv[k] : Vector<float>.Zero;
                var mk = b1 * mv[k] + b1c * grad;
                var vk = b2 * vv[k] + b2c * grad * grad;
                mv[k] = mk;
                vv[k] = vk;
                pv[k] = pv[k] * decay - step * mk / (Vector.SquareRoot(vk) * invBias2 + eps);
            }
            i = pv.Length * Vector<float>.Count;
        }
        for (; i < p.Length; i++)
        {
            float grad = hasGrad ? g[i] : 0f;
            float mk = c.Beta1 * m[i] + (1 - c.Beta1) * grad;
            float vk = c.Beta2 * v[i] + (1 - c.Beta2) * grad * grad;
            m[i] = mk;
            v[i] = vk;
            p[i] = p[i] * c.Decay - c.StepSize * mk / (MathF.Sqrt(vk) * c.InvSqrtBias2 + c.Epsilon);
        }
    }
}
