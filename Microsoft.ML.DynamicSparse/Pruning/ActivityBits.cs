using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Microsoft.ML.DynamicSparse;

/// <summary>
/// Binary activity packed along the sample axis (bit s of a unit's words = sample s was on, value &gt; 0) and the
/// co-activation count of every (output, input) pair as popcount(post AND pre) summed over the words.
/// Outputs are stored row by row ([outputs, words]); inputs word by word ([words, stride], stride a multiple of 8)
/// so that one 512-bit load holds the same word of 8 consecutive inputs and the count runs 8 pairs at a time.
/// </summary>
internal static class ActivityBits
{
    /// <summary>Inputs per vector of the counting kernel; input strides are padded to a multiple of it.</summary>
    public const int Lanes = 8;

    /// <summary>Byte counters take at most 8 per word, so 31 words fit below 256 before they must be widened.</summary>
    private const int WordsPerByteSum = 31;

    public static bool Vectorized => Avx512BW.IsSupported;

    public static int PaddedStride(int inputs) => (inputs + Lanes - 1) / Lanes * Lanes;

    /// <summary>
    /// ORs the activity of feature-major <paramref name="activity"/> ([features, batch]) into <paramref name="bits"/>
    /// at sample <paramref name="offset"/> onwards: feature f's word w lives at f·featureStride + w·wordStride.
    /// </summary>
    public static void Pack(ReadOnlySpan<float> activity, int batch, int offset, Span<ulong> bits, int featureStride, int wordStride)
    {
        int features = activity.Length / batch;
        for (int f = 0; f < features; f++)
        {
            var values = activity.Slice(f * batch, batch);
            var target = bits.Slice(f * featureStride);
            int b = 0;
            // 16 or 8 comparisons at once, their sign bits gathered into one mask: no data-dependent branches.
            if (Vector512.IsHardwareAccelerated)
                for (; b + 16 <= batch; b += 16)
                    Set(target, wordStride, offset + b, 16, Vector512.GreaterThan(Vector512.Create(values.Slice(b, 16)), Vector512<float>.Zero).ExtractMostSignificantBits());
            if (Vector256.IsHardwareAccelerated)
                for (; b + 8 <= batch; b += 8)
                    Set(target, wordStride, offset + b, 8, Vector256.GreaterThan(Vector256.Create(values.Slice(b, 8)), Vector256<float>.Zero).ExtractMostSignificantBits());
            for (; b < batch; b++)
                Set(target, wordStride, offset + b, 1, values[b] > 0 ? 1UL : 0UL);
        }
    }

    /// <summary>ORs the <paramref name="count"/> low bits of <paramref name="on"/> in from sample <paramref name="bit"/>
    /// on, spilling into the next word when they cross a word boundary.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Set(Span<ulong> target, int wordStride, int bit, int count, ulong on)
    {
        int word = bit >> 6, shift = bit & 63;
        target[word * wordStride] |= on << shift;
        if (shift > 64 - count) target[(word + 1) * wordStride] |= on >> (64 - shift);
    }

    /// <summary>counts[i·inputs + j] += Σ_w popcount(post[i·words + w] AND pre[w·stride + j]) for outputs i in
    /// [<paramref name="firstOutput"/>, <paramref name="endOutput"/>).</summary>
    public static void AddCounts(ReadOnlySpan<ulong> post, ReadOnlySpan<ulong> pre, int words, int inputs, int stride, Span<int> counts,
        int firstOutput, int endOutput)
    {
        if (Vectorized) AddCountsVector(post, pre, words, inputs, stride, counts, firstOutput, endOutput);
        else AddCountsScalar(post, pre, words, inputs, stride, counts, firstOutput, endOutput);
    }

    internal static void AddCountsScalar(ReadOnlySpan<ulong> post, ReadOnlySpan<ulong> pre, int words, int inputs, int stride,
        Span<int> counts, int firstOutput, int endOutput)
    {
        Check(post, pre, words, inputs, stride, counts, firstOutput, endOutput);
        for (int i = firstOutput; i < endOutput; i++)
        {
            var postRow = post.Slice(i * words, words);
            var row = counts.Slice(i * inputs, inputs);
            for (int w = 0; w < words; w++)
            {
                ulong p = postRow[w];
                if (p == 0) continue;
                var preWord = pre.Slice(w * stride, inputs);
                for (int j = 0; j < inputs; j++) row[j] += BitOperations.PopCount(p & preWord[j]);
            }
        }
    }

    internal static void AddCountsVector(ReadOnlySpan<ulong> post, ReadOnlySpan<ulong> pre, int words, int inputs, int stride,
        Span<int> counts, int firstOutput, int endOutput)
    {
        Check(post, pre, words, inputs, stride, counts, firstOutput, endOutput);
        Span<int> active = words <= 256 ? stackalloc int[words] : new int[words];
        ref ulong pre0 = ref MemoryMarshal.GetReference(pre);
        ref int c0 = ref MemoryMarshal.GetReference(counts);
        Span<int> partial = stackalloc int[Lanes];
        var nibbleCounts = Vector128.Create((byte)0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4);
        var table = Vector512.Create(Vector256.Create(nibbleCounts, nibbleCounts), Vector256.Create(nibbleCounts, nibbleCounts));
        for (int i = firstOutput; i < endOutput; i++)
        {
            // Words where this output never fired add nothing: skip them for every input.
            int n = 0;
            for (int w = 0; w < words; w++)
                if (post[i * words + w] != 0) active[n++] = w;
            if (n == 0) continue;
            for (int j = 0; j < inputs; j += Lanes)
            {
                var total = Vector512<ulong>.Zero;
                for (int first = 0; first < n; first += WordsPerByteSum)
                {
                    var bytes = Vector512<byte>.Zero;
                    for (int t = first, last = Math.Min(n, first + WordsPerByteSum); t < last; t++)
                    {
                        int w = active[t];
                        var both = Vector512.LoadUnsafe(ref pre0, (nuint)(w * stride + j)) & Vector512.Create(post[i * words + w]);
                        bytes += PopCountBytes(both.AsByte(), table);
                    }
                    total += Avx512BW.SumAbsoluteDifferences(bytes, Vector512<byte>.Zero).AsUInt64();
                }
                var sums = Avx512F.ConvertToVector256Int32(total);
                if (j + Lanes <= inputs)
                {
                    ref int at = ref Unsafe.Add(ref c0, i * inputs + j);
                    (Vector256.LoadUnsafe(ref at) + sums).StoreUnsafe(ref at);
                }
                else
                {
                    sums.CopyTo(partial);
                    for (int l = 0; j + l < inputs; l++) counts[i * inputs + j + l] += partial[l];
                }
            }
        }
    }

    /// <summary>Bits set in each byte: two look-ups in the 16-entry <paramref name="table"/> (repeated per 128-bit
    /// lane), one per nibble.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<byte> PopCountBytes(Vector512<byte> v, Vector512<byte> table)
    {
        var nibble = Vector512.Create((byte)0x0F);
        var low = Avx512BW.Shuffle(table, v & nibble);
        var high = Avx512BW.Shuffle(table, Vector512.ShiftRightLogical(v.AsUInt16(), 4).AsByte() & nibble);
        return low + high;
    }

    private static void Check(ReadOnlySpan<ulong> post, ReadOnlySpan<ulong> pre, int words, int inputs, int stride, Span<int> counts,
        int firstOutput, int endOutput)
    {
        if ((uint)firstOutput > (uint)endOutput || endOutput > counts.Length / Math.Max(inputs, 1))
            throw new ArgumentOutOfRangeException(nameof(endOutput), $"Outputs [{firstOutput}, {endOutput}) are not within the counts.");
        if (stride % Lanes != 0 || stride < inputs)
            throw new ArgumentException($"The input stride {stride} must be a multiple of {Lanes} and at least {inputs}.", nameof(stride));
        if (words <= 0 || post.Length % words != 0 || pre.Length < words * stride || counts.Length != post.Length / words * inputs)
            throw new ArgumentException($"Bit buffers of {post.Length} and {pre.Length} words and {counts.Length} counts do not fit {words} words × {inputs} inputs.");
    }
}
