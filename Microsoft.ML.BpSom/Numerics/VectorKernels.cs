using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Microsoft.ML.BpSom.Numerics;

/// <summary>Fused SIMD loops the BP-SOM hot paths need and TensorPrimitives does not offer as one pass:
/// a squared distance without the square root, a move-toward step and a momentum weight step.</summary>
internal static class VectorKernels
{
    /// <summary>Σ (a_i − b_i)², accumulated in single precision like the reference.</summary>
    public static float SquaredDistance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length) throw new ArgumentException($"Lengths differ: {a.Length} and {b.Length}.");
        ref float pa = ref MemoryMarshal.GetReference(a);
        ref float pb = ref MemoryMarshal.GetReference(b);
        int n = a.Length, i = 0;
        float sum = 0f;
        if (Vector512.IsHardwareAccelerated && n >= Vector512<float>.Count)
        {
            var acc0 = Vector512<float>.Zero;
            var acc1 = Vector512<float>.Zero;
            for (; i <= n - 2 * Vector512<float>.Count; i += 2 * Vector512<float>.Count)
            {
                var d0 = Vector512.LoadUnsafe(ref pa, (nuint)i) - Vector512.LoadUnsafe(ref pb, (nuint)i);
                var d1 = Vector512.LoadUnsafe(ref pa, (nuint)(i + Vector512<float>.Count)) - Vector512.LoadUnsafe(ref pb, (nuint)(i + Vector512<float>.Count));
                acc0 = Vector512.FusedMultiplyAdd(d0, d0, acc0);
                acc1 = Vector512.FusedMultiplyAdd(d1, d1, acc1);
            }
            for (; i <= n - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                var d = Vector512.LoadUnsafe(ref pa, (nuint)i) - Vector512.LoadUnsafe(ref pb, (nuint)i);
                acc0 = Vector512.FusedMultiplyAdd(d, d, acc0);
            }
            sum = Vector512.Sum(acc0 + acc1);
        }
        else if (Vector256.IsHardwareAccelerated && n >= Vector256<float>.Count)
        {
            var acc = Vector256<float>.Zero;
            for (; i <= n - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var d = Vector256.LoadUnsafe(ref pa, (nuint)i) - Vector256.LoadUnsafe(ref pb, (nuint)i);
                acc = Vector256.FusedMultiplyAdd(d, d, acc);
            }
            sum = Vector256.Sum(acc);
        }
        for (; i < n; i++)
        {
            float d = Unsafe.Add(ref pa, i) - Unsafe.Add(ref pb, i);
            sum += d * d;
        }
        return sum;
    }

    /// <summary>result[r] = Σ_i (x_i − rows[r, i])² for each row of the row-major matrix <paramref name="rows"/>.
    /// Four rows share each load of x, so the search over a whole SOM runs at several times the speed of
    /// one <see cref="SquaredDistance"/> call per row.</summary>
    public static void SquaredDistances(ReadOnlySpan<float> x, ReadOnlySpan<float> rows, Span<float> result)
    {
        int dim = x.Length, count = result.Length;
        if (rows.Length != count * dim) throw new ArgumentException($"{count} rows of length {dim} need {count * dim} values, got {rows.Length}.");
        int r = 0;
        if (Vector512.IsHardwareAccelerated && dim >= Vector512<float>.Count)
        {
            ref float px = ref MemoryMarshal.GetReference(x);
            ref float pr = ref MemoryMarshal.GetReference(rows);
            int vectorEnd = dim - dim % Vector512<float>.Count;
            for (; r + 4 <= count; r += 4)
            {
                ref float r0 = ref Unsafe.Add(ref pr, r * dim);
                ref float r1 = ref Unsafe.Add(ref r0, dim);
                ref float r2 = ref Unsafe.Add(ref r1, dim);
                ref float r3 = ref Unsafe.Add(ref r2, dim);
                Vector512<float> a0 = default, a1 = default, a2 = default, a3 = default;
                for (int i = 0; i < vectorEnd; i += Vector512<float>.Count)
                {
                    var xv = Vector512.LoadUnsafe(ref px, (nuint)i);
                    var d0 = xv - Vector512.LoadUnsafe(ref r0, (nuint)i);
                    var d1 = xv - Vector512.LoadUnsafe(ref r1, (nuint)i);
                    var d2 = xv - Vector512.LoadUnsafe(ref r2, (nuint)i);
                    var d3 = xv - Vector512.LoadUnsafe(ref r3, (nuint)i);
                    a0 = Vector512.FusedMultiplyAdd(d0, d0, a0);
                    a1 = Vector512.FusedMultiplyAdd(d1, d1, a1);
                    a2 = Vector512.FusedMultiplyAdd(d2, d2, a2);
                    a3 = Vector512.FusedMultiplyAdd(d3, d3, a3);
                }
                float s0 = Vector512.Sum(a0), s1 = Vector512.Sum(a1), s2 = Vector512.Sum(a2), s3 = Vector512.Sum(a3);
                for (int i = vectorEnd; i < dim; i++)
                {
                    float xi = Unsafe.Add(ref px, i);
                    float e0 = xi - Unsafe.Add(ref r0, i), e1 = xi - Unsafe.Add(ref r1, i);
                    float e2 = xi - Unsafe.Add(ref r2, i), e3 = xi - Unsafe.Add(ref r3, i);
                    s0 += e0 * e0; s1 += e1 * e1; s2 += e2 * e2; s3 += e3 * e3;
                }
                result[r] = s0; result[r + 1] = s1; result[r + 2] = s2; result[r + 3] = s3;
            }
        }
        for (; r < count; r++) result[r] = SquaredDistance(x, rows.Slice(r * dim, dim));
    }

    /// <summary>p ← p + rate · (target − p), the SOM prototype step.</summary>
    public static void MoveToward(Span<float> p, ReadOnlySpan<float> target, float rate)
    {
        if (p.Length != target.Length) throw new ArgumentException($"Lengths differ: {p.Length} and {target.Length}.");
        ref float pp = ref MemoryMarshal.GetReference(p);
        ref float pt = ref MemoryMarshal.GetReference(target);
        int n = p.Length, i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var r = Vector512.Create(rate);
            for (; i <= n - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                var v = Vector512.LoadUnsafe(ref pp, (nuint)i);
                Vector512.FusedMultiplyAdd(r, Vector512.LoadUnsafe(ref pt, (nuint)i) - v, v).StoreUnsafe(ref pp, (nuint)i);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            var r = Vector256.Create(rate);
            for (; i <= n - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var v = Vector256.LoadUnsafe(ref pp, (nuint)i);
                Vector256.FusedMultiplyAdd(r, Vector256.LoadUnsafe(ref pt, (nuint)i) - v, v).StoreUnsafe(ref pp, (nuint)i);
            }
        }
        for (; i < n; i++)
        {
            ref float v = ref Unsafe.Add(ref pp, i);
            v += rate * (Unsafe.Add(ref pt, i) - v);
        }
    }

    /// <summary>The backprop weight step with momentum, in one pass:
    /// Δ ← scale · x + momentum · Δ, then w ← w + Δ.</summary>
    public static void MomentumStep(Span<float> weights, Span<float> delta, ReadOnlySpan<float> x, float scale, float momentum)
    {
        if (weights.Length != x.Length || delta.Length != x.Length)
            throw new ArgumentException($"Lengths differ: {weights.Length}, {delta.Length} and {x.Length}.");
        ref float pw = ref MemoryMarshal.GetReference(weights);
        ref float pd = ref MemoryMarshal.GetReference(delta);
        ref float px = ref MemoryMarshal.GetReference(x);
        int n = x.Length, i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var s = Vector512.Create(scale);
            var m = Vector512.Create(momentum);
            for (; i <= n - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                var d = s * Vector512.LoadUnsafe(ref px, (nuint)i) + m * Vector512.LoadUnsafe(ref pd, (nuint)i);
                d.StoreUnsafe(ref pd, (nuint)i);
                (Vector512.LoadUnsafe(ref pw, (nuint)i) + d).StoreUnsafe(ref pw, (nuint)i);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            var s = Vector256.Create(scale);
            var m = Vector256.Create(momentum);
            for (; i <= n - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var d = s * Vector256.LoadUnsafe(ref px, (nuint)i) + m * Vector256.LoadUnsafe(ref pd, (nuint)i);
                d.StoreUnsafe(ref pd, (nuint)i);
                (Vector256.LoadUnsafe(ref pw, (nuint)i) + d).StoreUnsafe(ref pw, (nuint)i);
            }
        }
        for (; i < n; i++)
        {
            float d = scale * Unsafe.Add(ref px, i) + momentum * Unsafe.Add(ref pd, i);
            Unsafe.Add(ref pd, i) = d;
            Unsafe.Add(ref pw, i) += d;
        }
    }

    /// <summary>Index of the first maximum (strict <c>&gt;</c> scan, so the lowest index wins ties).</summary>
    public static int ArgMax(ReadOnlySpan<float> values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++) if (values[i] > values[best]) best = i;
        return best;
    }
}
