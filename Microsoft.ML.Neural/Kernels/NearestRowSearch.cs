using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Microsoft.ML.Neural.Kernels;

/// <summary>Squared Euclidean distances from batches of query rows to a fixed set of reference rows
/// (SOM prototypes, cluster centres), with each query's nearest reference found in the same pass.</summary>
/// <remarks>
/// <see cref="Load"/> packs the references once into the SGEMM's B-panel layout and caches their
/// squared norms, so a search packs only the queries. Each 8×32 tile of q·r comes from the SGEMM
/// micro-kernel; while it sits in L1 the epilogue turns it into max(0, (−2·q·r + ‖r‖²) + ‖q‖²), stores
/// it and folds it into a running per-query minimum, so neither a separate distance pass nor an
/// argmin pass over memory remains. Query bands run on the SGEMM worker threads. The distances equal
/// those of the managed <see cref="Gemm.Sgemm"/> followed by the same arithmetic, bit for bit.
/// Machines without AVX-512 compute the product with <see cref="Gemm.Sgemm"/> and the rest row by row.
/// An instance is not thread-safe.</remarks>
public sealed unsafe class NearestRowSearch
{
    private const int MR = 8, NR = 32, Lanes = 16;

    private readonly float[] _packed;   // k block after k block; in each, panel after panel of kc × NR values
    private readonly float[] _norms;    // ‖r‖², padded to whole panels with +∞ so padding never wins
    private readonly float[]? _rows;    // row-major copy for machines without the fused kernel

    /// <summary>A search over <paramref name="count"/> references of <paramref name="dimension"/> values;
    /// call <see cref="Load"/> before searching.</summary>
    public NearestRowSearch(int count, int dimension) : this(count, dimension, IsFused)
    {
    }

    /// <summary>With <paramref name="fused"/> false, the route of machines without AVX-512 (tests).</summary>
    internal NearestRowSearch(int count, int dimension, bool fused)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        Count = count;
        Dimension = dimension;
        int panels = (count + NR - 1) / NR;
        _norms = new float[panels * NR];
        if (fused) _packed = new float[panels * NR * dimension];
        else
        {
            _packed = [];
            _rows = new float[count * dimension];
        }
    }

    /// <summary>Whether searches run the fused AVX-512 kernel on this machine.</summary>
    public static bool IsFused => Vector512MicroKernel.IsSupported;

    public int Count { get; }

    public int Dimension { get; }

    /// <summary>‖r‖² of each reference as of the last <see cref="Load"/>.</summary>
    public ReadOnlySpan<float> SquaredNorms => _norms.AsSpan(0, Count);

    /// <summary>Takes a copy of the references (row-major, Count × Dimension); call again after they change.</summary>
    public void Load(ReadOnlySpan<float> references)
    {
        if (references.Length != Count * Dimension)
            throw new ArgumentException($"{Count} references of dimension {Dimension} need {Count * Dimension} values, got {references.Length}.", nameof(references));
        for (int r = 0; r < Count; r++) _norms[r] = TensorPrimitives.SumOfSquares(references.Slice(r * Dimension, Dimension));
        _norms.AsSpan(Count).Fill(float.PositiveInfinity);
        if (_rows is not null)
        {
            references.CopyTo(_rows);
            return;
        }
        int panels = _norms.Length / NR;
        fixed (float* src = references)
        fixed (float* dst = _packed)
        {
            for (int p0 = 0; p0 < Dimension; p0 += ManagedGemm.KC)
            {
                int kc = Math.Min(ManagedGemm.KC, Dimension - p0);
                GemmPacking.PackB(transB: true, src + p0, Dimension, kc, Count, NR, dst + (nint)p0 * panels * NR);
            }
        }
    }

    /// <summary>distances[q, r] = max(0, ‖q‖² + ‖r‖² − 2·q·r) for each of <paramref name="queryCount"/> query rows
    /// (row-major, Dimension wide) and, unless <paramref name="nearest"/> is empty, nearest[q] = the first r in
    /// index order with the smallest distance.</summary>
    public void SquaredDistances(ReadOnlySpan<float> queries, int queryCount, Span<float> distances, Span<int> nearest)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(queryCount, 1);
        if (queries.Length != queryCount * Dimension)
            throw new ArgumentException($"{queryCount} queries of dimension {Dimension} need {queryCount * Dimension} values, got {queries.Length}.", nameof(queries));
        if (distances.Length != queryCount * Count)
            throw new ArgumentException($"The distance matrix needs {queryCount}×{Count} = {queryCount * Count} values, got {distances.Length}.", nameof(distances));
        if (!nearest.IsEmpty && nearest.Length != queryCount)
            throw new ArgumentException($"Expected {queryCount} slots for the nearest references, got {nearest.Length}.", nameof(nearest));
        if (_rows is not null)
        {
            Unfused(queries, queryCount, distances, nearest);
            return;
        }
        fixed (float* q = queries)
        fixed (float* d = distances)
        fixed (int* n = nearest)
        fixed (float* packed = _packed)
        fixed (float* norms = _norms)
        {
            var job = new Job
            {
                Queries = q, QueryCount = queryCount, Dimension = Dimension, Packed = packed, Norms = norms,
                Count = Count, Distances = d, Nearest = nearest.IsEmpty ? null : n,
            };
            int bands = (queryCount + MR - 1) / MR;
            int parts = 2.0 * queryCount * Count * Dimension > ManagedGemm.ParallelFlops ? Math.Min(bands, GemmThreadPool.Shared.MaxParts) : 1;
            if (parts > 1 && GemmThreadPool.Shared.TryRun(&RunPart, &job, parts)) return;
            RunPart(&job, 0, 1);
        }
    }

    /// <summary>The index of the first smallest value, the result of a scalar scan that replaces its best
    /// (starting at index 0) only on a strictly smaller value; NaNs are skipped.</summary>
    public static int IndexOfFirstMinimum(ReadOnlySpan<float> values)
    {
        if (values.IsEmpty) throw new ArgumentException("The span is empty.", nameof(values));
        int winner = 0, i = 0;
        if (Vector512.IsHardwareAccelerated && values.Length >= Lanes)
        {
            ref float start = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(values);
            var best = Vector512.Create(float.PositiveInfinity);
            var bestIndex = Vector512<int>.Zero;
            var index = Vector512<int>.Indices;
            for (; i <= values.Length - Lanes; i += Lanes, index += Vector512.Create(Lanes))
                Fold(Vector512.LoadUnsafe(ref start, (nuint)i), index, ref best, ref bestIndex);
            winner = ReduceLanes(best, bestIndex);
        }
        float min = values[winner];
        for (; i < values.Length; i++)
            if (values[i] < min) { min = values[i]; winner = i; }
        return winner;
    }

    private struct Job
    {
        public float* Queries, Packed, Norms, Distances;
        public int* Nearest;
        public int QueryCount, Dimension, Count;
    }

    /// <summary>Query rows of band <paramref name="part"/> (whole 8-row panels) against every reference.</summary>
    private static void RunPart(void* state, int part, int parts)
    {
        ref readonly Job job = ref *(Job*)state;
        var (r0, r1) = ManagedGemm.Band(job.QueryCount, MR, part, parts);
        int dim = job.Dimension, panels = (job.Count + NR - 1) / NR;
        float* aPack = GemmBuffers.ForCurrentThread(MR * dim + 2 * MR * NR + 2 * MR * Lanes);
        float* tile = aPack + MR * dim, edge = tile + MR * NR;
        var best = (Vector512<float>*)(edge + MR * NR);
        var bestIndex = (Vector512<int>*)(best + MR);
        float* queryNorms = stackalloc float[MR];
        for (int i0 = r0; i0 < r1; i0 += MR)
        {
            int rows = Math.Min(MR, r1 - i0);
            float* q = job.Queries + (nint)i0 * dim;
            for (int p0 = 0; p0 < dim; p0 += ManagedGemm.KC)
                GemmPacking.PackA(transA: false, q + p0, dim, rows, Math.Min(ManagedGemm.KC, dim - p0), MR, aPack + (nint)p0 * MR);
            for (int r = 0; r < rows; r++)
            {
                queryNorms[r] = TensorPrimitives.SumOfSquares(new ReadOnlySpan<float>(q + (nint)r * dim, dim));
                best[r] = Vector512.Create(float.PositiveInfinity);
                bestIndex[r] = Vector512<int>.Zero;
            }
            for (int j = 0; j < panels; j++)
            {
                Product(job, aPack, j, rows, Math.Min(NR, job.Count - j * NR), tile, edge);
                Epilogue(job, tile, i0, rows, j * NR, queryNorms, best, bestIndex);
            }
            if (job.Nearest is not null)
                for (int r = 0; r < rows; r++) job.Nearest[i0 + r] = ReduceLanes(best[r], bestIndex[r]);
        }
    }

    /// <summary>tile = the 8×32 block of q·r for query panel <paramref name="aPack"/> and reference panel
    /// <paramref name="j"/>, k block by k block as the SGEMM sums them. A partial tile (few query rows, the last
    /// references) takes the micro-kernel's edge loops, which skip the padding but compute the same sums.</summary>
    private static void Product(in Job job, float* aPack, int j, int rows, int cols, float* tile, float* edge)
    {
        int dim = job.Dimension, panels = (job.Count + NR - 1) / NR;
        for (int p0 = 0; p0 < dim; p0 += ManagedGemm.KC)
        {
            int kc = Math.Min(ManagedGemm.KC, dim - p0);
            float* a = aPack + (nint)p0 * MR;
            float* b = job.Packed + (nint)p0 * panels * NR + (nint)j * kc * NR;
            if (rows == MR && cols == NR) Vector512MicroKernel.Run(kc, a, b, NR, tile, NR, p0 == 0 ? 0f : 1f);
            else if (p0 == 0) Vector512MicroKernel.RunEdge(kc, a, b, NR, tile, rows, cols);
            else
            {
                Vector512MicroKernel.RunEdge(kc, a, b, NR, edge, rows, cols);
                GemmTile.Combine(edge, NR, tile, NR, rows, cols, 1f);
            }
        }
    }

    /// <summary>Turns the dot products of one tile into distances, stores the valid ones and folds
    /// each row's 32 candidates (16 per lane pair, visited in index order) into its running minimum.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Epilogue(in Job job, float* tile, int i0, int rows, int c0, float* queryNorms,
        Vector512<float>* best, Vector512<int>* bestIndex)
    {
        int count = job.Count;
        for (int r = 0; r < rows; r++)
        {
            var qn = Vector512.Create(queryNorms[r]);
            float* dst = job.Distances + (nint)(i0 + r) * count;
            for (int h = 0; h < NR; h += Lanes)
            {
                int c = c0 + h;
                if (c >= count) break;
                var d = Vector512.Max(Vector512.Load(tile + r * NR + h) * -2f + Vector512.Load(job.Norms + c) + qn, Vector512<float>.Zero);
                if (c + Lanes <= count) d.Store(dst + c);
                else for (int x = 0; x < count - c; x++) dst[c + x] = d[x];
                Fold(d, Vector512<int>.Indices + Vector512.Create(c), ref best[r], ref bestIndex[r]);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Fold(Vector512<float> values, Vector512<int> indices, ref Vector512<float> best, ref Vector512<int> bestIndex)
    {
        var less = Vector512.LessThan(values, best);
        best = Vector512.ConditionalSelect(less, values, best);
        bestIndex = Vector512.ConditionalSelect(less.AsInt32(), indices, bestIndex);
    }

    /// <summary>The smallest lane value, ties to the smallest index: each lane saw its candidates in
    /// increasing index order, so this is the first minimum overall.</summary>
    private static int ReduceLanes(Vector512<float> best, Vector512<int> bestIndex)
    {
        float min = best[0];
        int index = bestIndex[0];
        for (int l = 1; l < Lanes; l++)
        {
            float v = best[l];
            if (v < min || (v == min && bestIndex[l] < index)) { min = v; index = bestIndex[l]; }
        }
        return index;
    }

    private void Unfused(ReadOnlySpan<float> queries, int queryCount, Span<float> distances, Span<int> nearest)
    {
        int count = Count, dim = Dimension;
        Gemm.Sgemm(false, true, queryCount, count, dim, queries, dim, _rows, dim, distances, count);
        var norms = SquaredNorms;
        for (int q = 0; q < queryCount; q++)
        {
            var row = distances.Slice(q * count, count);
            TensorPrimitives.MultiplyAdd(row, -2f, norms, row);
            TensorPrimitives.Add(row, TensorPrimitives.SumOfSquares(queries.Slice(q * dim, dim)), row);
            TensorPrimitives.Max(row, 0f, row);
            if (!nearest.IsEmpty) nearest[q] = IndexOfFirstMinimum(row);
        }
    }
}
