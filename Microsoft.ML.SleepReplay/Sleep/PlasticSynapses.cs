using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Microsoft.ML.SleepReplay;

/// <summary>
/// One weight matrix during sleep (ALGORITHMS.md B.7-B.8), laid out for binary, sparse spikes.
/// <para>
/// The matrix is held transposed, pre-major: row j holds the weights out of pre neuron j. The input
/// sum of a step then reads only the rows of the pre neurons that spiked (about 5%), contiguously,
/// instead of a strided column gather through every post row, which touched most of the matrix.
/// </para>
/// <para>
/// The weight rule changes the weights into every post neuron that fired, a column in this layout.
/// It is applied lazily: each row is brought up to date when it is read (its pre neuron spiked) or
/// before its pending history would leave the ring of per-step spike counts. For a weight (j, i)
/// the pending updates are an increase at the step row j last spiked, if post i fired then, followed
/// by one decrease for every later step at which post i fired (row j was silent in those steps, or it
/// would have been synced). They are replayed in that order with g evaluated on the current value,
/// which is exactly the eager sequence, so the weights and spikes are bit-identical to updating the
/// fired rows of a post-major matrix every step. Sums add the active rows in the order given, as
/// the sequential gather did.
/// </para>
/// Work is split by post-neuron ranges, so every weight and sum is computed the same way whatever
/// the thread count.
/// </summary>
internal sealed class PlasticSynapses
{
    private const int Lanes = 16;                 // floats per Vector512
    private const int Block = 2 * Lanes;          // posts per inner step: one Vector512 of ushort counts
    private const int History = 128;              // steps of spike counts kept; a power of two
    private const int SweepEvery = History / 2;   // rows idle this long are synced, so none outlives the ring
    private const long ParallelWork = 1 << 17;    // below this many weights touched, one thread is faster

    private readonly int _posts;
    private readonly int _pres;
    private readonly int _stride;
    private readonly float[] _storage;            // pinned, so _offset keeps the rows 64-byte aligned
    private readonly int _offset;
    private readonly float[] _sums;
    private readonly ushort[] _counts;            // slot t % History: per post, how often it has fired up to step t (mod 2^16)
    private readonly int[] _pendingFrom;          // per row: updates of steps ≥ this are not applied yet
    private readonly bool[] _spikedAtPendingFrom; // per row: its pre neuron spiked at step _pendingFrom (that step is an increase)
    private readonly int[] _active;
    private readonly float _increase;
    private readonly float _decrease;
    private readonly SleepWeightFunction _function;
    private readonly int _partitions;
    private int _activeCount;
    private int _step;
    private bool _summed;

    /// <param name="weights">posts×pres row-major (the network's layout); copied, and written back by <see cref="CopyTo"/>.</param>
    public PlasticSynapses(float[] weights, int posts, int pres, double increase, double decrease, SleepWeightFunction function)
    {
        if (weights.Length != posts * pres)
            throw new ArgumentException($"{weights.Length} weights do not form a {posts}×{pres} matrix.", nameof(weights));
        _posts = posts;
        _pres = pres;
        _stride = (posts + Block - 1) / Block * Block;
        _storage = GC.AllocateArray<float>(pres * _stride + Lanes, pinned: true);
        _offset = AlignmentOffset(_storage);
        _sums = new float[_stride];
        _counts = new ushort[History * _stride];
        _pendingFrom = new int[pres];
        _spikedAtPendingFrom = new bool[pres];
        _active = new int[pres];
        Array.Fill(_pendingFrom, 1);
        _increase = SleepWeightRule.Delta(true, increase, decrease, function);
        _decrease = SleepWeightRule.Delta(false, increase, decrease, function);
        _function = function;
        _partitions = Math.Max(1, Math.Min(Environment.ProcessorCount, _stride / Block));
        Transpose(weights, posts, pres, pres, _storage.AsSpan(_offset), _stride);
    }

    /// <summary>
    /// sums[i] = Σ_{j ∈ active} W[i, j] with the weights from before this step, summed in the order
    /// of <paramref name="active"/> (distinct pre indices). Must be followed by <see cref="Learn"/>.
    /// </summary>
    public void InputSums(ReadOnlySpan<int> active, Span<float> sums)
    {
        if (_summed) throw new InvalidOperationException("InputSums was called twice without Learn in between.");
        active.CopyTo(_active);
        _activeCount = active.Length;
        _summed = true;
        ForPostRanges(_activeCount, (start, end) =>
        {
            Array.Clear(_sums, start, end - start);
            for (int p = 0; p < _activeCount; p++) SyncRow(_active[p], start, end, gather: true);
        });
        for (int p = 0; p < _activeCount; p++) MarkSynced(_active[p]);
        _sums.AsSpan(0, _posts).CopyTo(sums);
    }

    /// <summary>
    /// Ends the step: the weights into each post neuron in <paramref name="fired"/> get +inc·g from the
    /// pre neurons passed to <see cref="InputSums"/> and −dec·g from all others (applied lazily).
    /// </summary>
    public void Learn(ReadOnlySpan<int> fired)
    {
        if (!_summed) throw new InvalidOperationException("Learn needs the step's InputSums first.");
        int step = _step + 1;
        var now = Slot(step);
        _counts.AsSpan(Slot(_step), _stride).CopyTo(_counts.AsSpan(now, _stride));
        foreach (int i in fired) _counts[now + i]++;
        for (int p = 0; p < _activeCount; p++)
        {
            _pendingFrom[_active[p]] = step;
            _spikedAtPendingFrom[_active[p]] = true;
        }
        _step = step;
        _summed = false;
        if (step % SweepEvery == 0) SyncRowsPendingSince(step - SweepEvery + 1);
    }

    /// <summary>Applies every pending update and writes the weights back as posts×pres row-major.</summary>
    public void CopyTo(float[] weights)
    {
        if (weights.Length != _posts * _pres)
            throw new ArgumentException($"{weights.Length} weights do not form a {_posts}×{_pres} matrix.", nameof(weights));
        if (_summed) throw new InvalidOperationException("CopyTo in the middle of a step (after InputSums, before Learn).");
        SyncRowsPendingSince(int.MaxValue);
        Transpose(_storage.AsSpan(_offset), _pres, _posts, _stride, weights, _pres);
    }

    /// <summary>Brings up to date every row whose pending updates start at or before <paramref name="step"/>.</summary>
    private void SyncRowsPendingSince(int step)
    {
        int count = 0;
        for (int j = 0; j < _pres; j++)
            if (_pendingFrom[j] <= Math.Min(step, _step)) _active[count++] = j;
        ForPostRanges(count, (start, end) =>
        {
            for (int p = 0; p < count; p++) SyncRow(_active[p], start, end, gather: false);
        });
        for (int p = 0; p < count; p++) MarkSynced(_active[p]);
        _activeCount = 0;
    }

    private void MarkSynced(int row)
    {
        _pendingFrom[row] = _step + 1;
        _spikedAtPendingFrom[row] = false;
    }

    /// <summary>Runs <paramref name="body"/> over post ranges [start, end) (whole blocks), on several threads for large work.</summary>
    private void ForPostRanges(int rows, Action<int, int> body)
    {
        int blocks = _stride / Block;
        if (_partitions == 1 || (long)rows * _stride < ParallelWork)
        {
            body(0, _stride);
            return;
        }
        Parallel.For(0, _partitions, part =>
            body(blocks * part / _partitions * Block, blocks * (part + 1) / _partitions * Block));
    }

    /// <summary>
    /// Replays row <paramref name="row"/>'s pending updates on posts [start, end) and, with
    /// <paramref name="gather"/>, adds the up-to-date weights to the sums. The row state itself is
    /// left to the caller (<see cref="MarkSynced"/>), because several threads share the row.
    /// </summary>
    private void SyncRow(int row, int start, int end, bool gather)
    {
        ref float w = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_storage), _offset + (nint)row * _stride);
        ref float sums = ref MemoryMarshal.GetArrayDataReference(_sums);
        int from = _pendingFrom[row];
        if (from > _step)
        {
            if (gather) AddRow(ref w, ref sums, start, end);
            return;
        }
        // Fired counts: now − at(from) are decreases after the spike at `from`; at(from) − at(from−1) fired at `from`.
        bool spiked = _spikedAtPendingFrom[row];
        ref ushort now = ref _counts[Slot(_step)];
        ref ushort atFrom = ref _counts[Slot(from)];
        ref ushort before = ref _counts[Slot(from - 1)];
        var increase = Vector512.Create(_increase);
        var decrease = Vector512.Create(_decrease);
        for (int c = start; c < end; c += Block)
        {
            var countNow = Vector512.LoadUnsafe(ref now, (nuint)c);
            var countFrom = Vector512.LoadUnsafe(ref atFrom, (nuint)c);
            var countBefore = Vector512.LoadUnsafe(ref before, (nuint)c);
            var raised = spiked ? countFrom - countBefore : Vector512<ushort>.Zero;
            var lowered = countNow - (spiked ? countFrom : countBefore);
            ref float block = ref Unsafe.Add(ref w, c);
            if ((raised | lowered) != Vector512<ushort>.Zero)
            {
                var w0 = Vector512.LoadUnsafe(ref block);
                var w1 = Vector512.LoadUnsafe(ref block, Lanes);
                var (raised0, raised1) = Vector512.Widen(raised);
                w0 = Vector512.ConditionalSelect(Vector512.GreaterThan(raised0, Vector512<uint>.Zero).AsSingle(), SleepWeightRule.Apply(w0, increase, _function), w0);
                w1 = Vector512.ConditionalSelect(Vector512.GreaterThan(raised1, Vector512<uint>.Zero).AsSingle(), SleepWeightRule.Apply(w1, increase, _function), w1);
                var (lowered0, lowered1) = Vector512.Widen(lowered);
                for (uint k = 0; ; k++)
                {
                    var step = Vector512.Create(k);
                    var m0 = Vector512.GreaterThan(lowered0, step);
                    var m1 = Vector512.GreaterThan(lowered1, step);
                    if ((m0 | m1) == Vector512<uint>.Zero) break;
                    w0 = Vector512.ConditionalSelect(m0.AsSingle(), SleepWeightRule.Apply(w0, decrease, _function), w0);
                    w1 = Vector512.ConditionalSelect(m1.AsSingle(), SleepWeightRule.Apply(w1, decrease, _function), w1);
                }
                w0.StoreUnsafe(ref block);
                w1.StoreUnsafe(ref block, Lanes);
            }
            if (gather)
            {
                ref float s = ref Unsafe.Add(ref sums, c);
                (Vector512.LoadUnsafe(ref s) + Vector512.LoadUnsafe(ref block)).StoreUnsafe(ref s);
                (Vector512.LoadUnsafe(ref s, Lanes) + Vector512.LoadUnsafe(ref block, Lanes)).StoreUnsafe(ref s, Lanes);
            }
        }
    }

    private static void AddRow(ref float w, ref float sums, int start, int end)
    {
        for (int c = start; c < end; c += Lanes)
            (Vector512.LoadUnsafe(ref sums, (nuint)c) + Vector512.LoadUnsafe(ref w, (nuint)c)).StoreUnsafe(ref sums, (nuint)c);
    }

    private int Slot(int step) => (step & (History - 1)) * _stride;

    /// <summary>Index of the first 64-byte-aligned float of a pinned array.</summary>
    private static unsafe int AlignmentOffset(float[] pinned)
    {
        nint address = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(pinned));
        return (int)((64 - address % 64) % 64 / sizeof(float));
    }

    /// <summary>dst[c, r] = src[r, c] for a rows×cols block, in tiles so both sides stay in cache.</summary>
    private static void Transpose(ReadOnlySpan<float> src, int rows, int cols, int srcStride, Span<float> dst, int dstStride)
    {
        const int Tile = 32;
        for (int r0 = 0; r0 < rows; r0 += Tile)
            for (int c0 = 0; c0 < cols; c0 += Tile)
                for (int r = r0; r < Math.Min(r0 + Tile, rows); r++)
                    for (int c = c0; c < Math.Min(c0 + Tile, cols); c++)
                        dst[c * dstStride + r] = src[r * srcStride + c];
    }
}
